package dev.parley.cli;

import dev.parley.scenario.MoveJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Protocols;
import dev.parley.engine.protocol.Session;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley replay}: feeds a transcript's moves back through the protocol, without agents, and checks that every
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
        JsonNode header = parse(lines.get(0), 1);
        if (!MoveJson.FORMAT.equals(header.path("format").asText())) {
            throw new UsageException(file + ":1: not a " + MoveJson.FORMAT + " transcript");
        }
        Scenario s = ScenarioReader.read(file + " (scenario)", header.get("scenario").toString(), Format.JSON);
        JsonNode p = header.get("protocol");
        Protocols.Settings settings = Protocols.Settings.defaults(s).withProtocol(p.get("type").asText())
                .withRounds(p.get("rounds").asInt());
        if (p.has("stallLimit")) {
            settings = settings.withStallLimit(p.get("stallLimit").asInt());
        }
        if (p.has("discount")) {
            settings = settings.withDiscount(p.get("discount").asDouble());
        }
        if (p.has("opening")) {
            settings = settings.withOpening(Optional.of(MoveJson.outcome(p.get("opening"), s.issues())));
        }
        Protocol<? extends Protocol.State> protocol = Protocols.create(s, settings);
        var steps = new ArrayList<Session.Step>();
        var recorded = new ArrayList<JsonNode>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode line = parse(lines.get(i), i + 1);
            Action action;
            try {
                action = MoveJson.action(line.get("action"), s.issues());
            } catch (RuntimeException e) {
                throw new UsageException(file + ":" + (i + 1) + ": bad action: " + e.getMessage());
            }
            steps.add(Session.Step.of(line.get("party").asText(), action));
            recorded.add(line.get("events"));
        }
        Session.Result<? extends Protocol.State> replayed = replay(s, protocol, steps);
        var out = spec.commandLine().getOut();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode expected = recorded.get(i);
            JsonNode actual = MoveJson.JSON.valueToTree(replayed.steps().get(i).events().stream()
                    .map(e -> MoveJson.event(e, s.issues())).toList());
            if (!actual.equals(expected)) {
                out.println("DIFFERENT at move " + (i + 1) + " (" + file + ":" + (i + 2) + "): recorded " + expected
                        + ", replayed " + actual);
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        if (!replayed.state().ended()) {
            out.println("INCOMPLETE: the transcript stops before the session ends (after " + steps.size() + " moves)");
            return ExitCodes.INTERNAL_ERROR;
        }
        Event last = replayed.events().get(replayed.events().size() - 1);
        out.println("OK: replayed " + steps.size() + " moves of " + protocol.name() + " on " + s.id() + "; every move "
                + "caused the recorded events and the final state is the same: " + replayed.agreement()
                        .map(d -> "agreement on " + d.format(s.issues())).orElse("no agreement")
                + " ("
                + ((Event.Ended) last).reason() + ")");
        return ExitCodes.OK;
    }

    private static <S extends Protocol.State> Session.Result<S> replay(Scenario s, Protocol<S> p,
            List<Session.Step> steps) {
        return new Session<>(s, p).replay(steps);
    }

    private JsonNode parse(String line, int number) {
        try {
            return MoveJson.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ":" + number + ": not JSON: " + e.getOriginalMessage());
        }
    }
}
