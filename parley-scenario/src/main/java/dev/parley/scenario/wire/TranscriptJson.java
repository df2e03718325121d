package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Move;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript ({@code transcript.jsonl}, format {@value #FORMAT}): one JSON object per line. The first line is the
 * header — the scenario itself, the protocol settings, the seed, each seat's agent and the opening events — and each
 * line after it is one move: its number, the party, the action and the events it caused. A replay needs the header
 * and the actions; the events are there to be checked. Documented in {@code docs/transcript.md}. Stateless.
 */
public final class TranscriptJson {
    public static final String FORMAT = "parley-transcript/1";

    /**
     * What a transcript's first line holds.
     *
     * @param seats each seat's agent spec, in seat order
     */
    public record Header(Scenario scenario, Settings settings, long seed, Map<String, String> seats) {
        public Header {
            seats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seats));
        }
    }

    private TranscriptJson() {
    }

    public static String header(Header h, List<Event> opening) {
        var m = new LinkedHashMap<String, Object>();
        m.put("format", FORMAT);
        m.put("scenario", ScenarioWriter.tree(h.scenario()));
        m.put("protocol", SettingsJson.write(h.settings(), h.scenario()));
        m.put("seed", h.seed());
        m.put("seats", h.seats());
        m.put("opening", opening.stream().map(x -> EventJson.write(x, h.scenario().issues())).toList());
        return Json.write(m);
    }

    /** A whole session's transcript: the header, then one line per move, each line ended. */
    public static String write(Header h, dev.parley.engine.session.Session session) {
        var out = new StringBuilder(header(h, session.opening())).append('\n');
        for (Move move : session.moves()) {
            out.append(move(move, h.scenario())).append('\n');
        }
        return out.toString();
    }

    public static String move(Move move, Scenario s) {
        var line = new LinkedHashMap<String, Object>();
        line.put("move", move.number());
        line.put("party", move.party());
        line.put("action", ActionJson.write(move.action(), s.issues()));
        line.put("events", move.events().stream().map(x -> EventJson.write(x, s.issues())).toList());
        return Json.write(line);
    }

    /**
     * Reads a header line.
     *
     * @param where the file and line, for errors
     * @throws InvalidInput when the line is not a transcript header
     * @throws dev.parley.scenario.ScenarioException when the scenario in it is invalid
     */
    public static Header readHeader(String where, String line) {
        JsonNode n = Json.read(where, line);
        if (!n.isObject() || !FORMAT.equals(n.path("format").asText())) {
            throw new InvalidInput("format", where + ": not a " + FORMAT + " transcript");
        }
        Fields f = Fields.of(n, "");
        f.text("format");
        // The scenario reader locates its problems in text, so the embedded document is written out for it.
        Scenario s = ScenarioReader.read(where + " (scenario)", Json.write(f.object("scenario").node()), Format.JSON);
        Settings settings = SettingsJson.read(f.object("protocol"), s);
        long seed = f.longInteger("seed");
        var seats = new LinkedHashMap<String, String>();
        Fields seatFields = f.object("seats");
        n.get("seats").fieldNames().forEachRemaining(party -> seats.put(party, seatFields.text(party)));
        seatFields.done();
        f.optionalNode("opening");
        f.done();
        return new Header(s, settings, seed, seats);
    }

    /** A recorded move as the line holds it (its events left to be compared as JSON). */
    public record Line(Move move, JsonNode events) {
    }

    /**
     * Reads a move line.
     *
     * @throws InvalidInput naming the field at fault
     */
    public static Line readMove(String where, String line, Scenario s, int expectedNumber) {
        JsonNode n = Json.read(where, line);
        Fields f = Fields.of(n, "");
        int number = f.integer("move", 1, Integer.MAX_VALUE);
        if (number != expectedNumber) {
            throw new InvalidInput("move", where + ": move " + number + " where move " + expectedNumber
                    + " was due");
        }
        String party = f.text("party");
        var action = ActionJson.readRecorded(f.node("action"), s.issues());
        JsonNode events = f.node("events");
        f.done();
        return new Line(new Move(number, party, action, List.of()), events);
    }

    /** The events as a transcript line writes them, for comparison with a recorded line. */
    public static JsonNode events(List<Event> events, Scenario s) {
        var out = new ArrayList<Object>();
        events.forEach(e -> out.add(EventJson.write(e, s.issues())));
        return Json.tree(out);
    }
}
