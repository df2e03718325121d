package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.session.Move;
import dev.parley.engine.session.Session;
import dev.parley.scenario.wire.TranscriptJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley replay}: makes a transcript's moves again through the session, without agents, and checks that every
 * move causes exactly the recorded events and the session ends as recorded.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay a transcript written by 'parley run --out DIR' and verify it: every move must be "
        + "legal where it stands and cause exactly the events recorded. Exits 0 when it does, 1 when not.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRANSCRIPT", description = "A transcript.jsonl file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        }
        if (lines.isEmpty()) {
            throw new UsageException(file + ": empty, not a transcript");
        }
        TranscriptJson.Header header;
        try {
            header = TranscriptJson.readHeader(file + ":1", lines.get(0));
        } catch (InvalidInput e) {
            throw new UsageException(e.getMessage());
        }
        var session = new Session(header.scenario(), header.settings().create(header.scenario()));
        var out = spec.commandLine().getOut();
        int number = 0;
        boolean legacy = header.settings().kind() == dev.parley.engine.protocol.ProtocolKind.SINGLE_TEXT
                && beforeHeardVotes(lines);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            TranscriptJson.Line line;
            try {
                line = TranscriptJson.readMove(where, lines.get(i), header.scenario(), ++number);
            } catch (InvalidInput e) {
                throw new UsageException(where + ": " + e.getMessage());
            }
            Move made;
            try {
                made = session.replayMove(line.move().party(), line.move().action(), null);
            } catch (ProtocolException e) {
                out.println("ILLEGAL at move " + number + " (" + where + "): " + e.getMessage());
                return ExitCodes.INTERNAL_ERROR;
            }
            JsonNode actual = TranscriptJson.events(made.events(), header.scenario());
            if (legacy) {
                actual = asBeforeHeardVotes(actual);
            }
            if (!actual.equals(line.events())) {
                out.println("DIFFERENT at move " + number + " (" + where + "): recorded " + line.events()
                        + ", replayed " + actual);
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        if (!session.ended()) {
            out.println("INCOMPLETE: the transcript stops before the session ends (after " + number + " moves)");
            return ExitCodes.INTERNAL_ERROR;
        }
        out.println("OK: replayed " + number + " moves of " + session.protocol().kind().id() + " on "
                + header.scenario().id() + "; every move caused the recorded events and the final state is the same: "
                + session.agreement().map(d -> "agreement on " + d.format(header.scenario().issues())).orElse(
                        "no agreement")
                + " (" + session.end().orElseThrow().reason() + ")");
        return ExitCodes.OK;
    }

    /**
     * Whether a single-text transcript was written before the mediator heard each vote: no {@code criticised} event
     * in it carries {@code accept} (today every closed ballot on a proposal has one per voter, each with it).
     */
    private static boolean beforeHeardVotes(List<String> lines) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 1; i < lines.size(); i++) {
            try {
                for (JsonNode e : mapper.readTree(lines.get(i)).path("events")) {
                    if ("criticised".equals(e.path("type").asText()) && e.has("accept")) {
                        return false;
                    }
                }
            } catch (java.io.IOException badLine) {
                return false; // the line's own error is reported where it is read
            }
        }
        return true;
    }

    /**
     * Events as a transcript written before the mediator heard each vote records them: a {@code criticised} event
     * only for a vote that carried criticism, and without {@code accept}.
     */
    private static JsonNode asBeforeHeardVotes(JsonNode events) {
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : events) {
            if ("criticised".equals(e.path("type").asText())) {
                if (e.path("objections").isEmpty()) {
                    continue;
                }
                var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) e).deepCopy();
                copy.remove("accept");
                out.add(copy);
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
