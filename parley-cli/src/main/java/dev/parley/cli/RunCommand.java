package dev.parley.cli;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Move;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.TranscriptJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley run}: runs the talks with agents in every seat and tells the story. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Run the talks of a scenario under a protocol, with an automated agent in every seat, and "
                + "tell the story: who proposed what, who accepted, how it ended, whether the deal is fair or "
                + "lopsided, and how it compares with the fair packages.",
        "Protocols: single-text (a mediator holds one text; everyone votes on each change), shuttle (the "
                + "mediator meets each party in private), saop (stacked alternating offers), alternating (two "
                + "principals; the others ratify), zeuthen (two principals concede by Zeuthen's risk rule; the "
                + "others ratify)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = "--protocol", paramLabel = "P", description = "single-text, shuttle, saop, alternating or zeuthen (default: the scenario's, else "
            + "single-text with a mediator, saop without).")
    String protocol;

    @Option(names = "--rounds", paramLabel = "N", description = "The deadline in rounds (default: the scenario's, "
            + "else 200).")
    Integer rounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seeds every random choice; the same seed gives the same transcript (default: 1).")
    long seed;

    @Option(names = "--seats", paramLabel = "PARTY=AGENT,...", description = "Agents for seats, e.g. "
            + "UA=boulware,RU=conceder:e=3. Each seat takes the agents that fit its role: negotiators boulware, linear, "
            + "conceder (e), nash-seeker, tit-for-tat, hardliner, random; single-text voters and ratifiers truthful, "
            + "strategic (threshold), voters annealing (t0)"
            + "; single-text mediators hill-climb, learning, anneal; the shuttle mediator objection-trader; shuttle "
            + "parties boulware, linear, conceder, nash-seeker, hardliner; zeuthen's principals zeuthen.")
    String seats;

    @Option(names = "--opening", paramLabel = "ISSUE=OPTION,...", description = "single-text: the opening text (default: the middle option of each issue among those "
            + "no ratifying party rules out).")
    String opening;

    @Option(names = "--stall", paramLabel = "N", defaultValue = "100", description = "single-text: end after N proposals in a row are not adopted (default: 100).")
    int stall;

    @Option(names = "--discount", paramLabel = "D", description = "alternating: the discount factor per round, in "
            + "(0, 1] (default: the scenario's, else 1, none).")
    Double discount;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "The story as text (default), or the whole session as one JSON document.")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/transcript.jsonl (replay it with "
            + "'parley replay').")
    Path out;

    @Option(names = "--quiet", description = "Text: print only the result, not the rounds.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Scenario s = scenario.resolve();
        Settings settings;
        Protocol p;
        Map<String, String> seatSpecs;
        Map<String, Agent> agents;
        try {
            settings = settings(s);
            p = settings.create(s);
            seatSpecs = seatSpecs(p);
            agents = Seating.agents(p, seatSpecs, seed, "--seats");
        } catch (InvalidInput e) {
            throw new UsageException(message(e));
        }
        Session result = Session.run(s, p, agents);
        Analysis analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        var story = new RunStory(s, p, seed, seatSpecs, result, analysis);
        if (out != null) {
            writeTranscript(s, settings, seatSpecs, result);
            AtomicFiles.write(out.resolve("report.html"), Report.html(s, story, story.text(false), analysis,
                    result.agreement()));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            w.println(Json.pretty(story.json()));
        } else {
            w.print(story.text(quiet));
            if (out != null) {
                w.println("Transcript: " + out.resolve("transcript.jsonl"));
                w.println("Report:     " + out.resolve("report.html"));
            }
        }
        return ExitCodes.OK;
    }

    /** An invalid setting or seat as the command line names it: {@code --seats: UA: unknown agent 'sly'}. */
    private static String message(InvalidInput e) {
        String field = e.field().orElse("");
        if (field.startsWith("--seats.")) {
            return "--seats: " + field.substring("--seats.".length()) + ": " + e.getMessage();
        }
        if (field.equals("--seats")) {
            return "--seats: " + e.getMessage();
        }
        return e.getMessage();
    }

    private Settings settings(Scenario s) {
        Settings settings = Settings.defaults(s);
        if (protocol != null) {
            settings = settings.withKind(ProtocolKind.require("--protocol", protocol));
        }
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        settings = settings.withStallLimit(stall);
        if (discount != null) {
            settings = settings.withDiscount(discount);
        }
        if (opening != null) {
            try {
                settings = settings.withOpening(Optional.of(Outcome.parse(s.issues(), opening)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--opening: " + e.getMessage());
            }
        }
        return settings;
    }

    /** The default seats with --seats laid over them; every named party must take part. */
    private Map<String, String> seatSpecs(Protocol p) {
        Map<String, String> specs = new LinkedHashMap<>(Seating.defaults(p));
        if (seats == null) {
            return specs;
        }
        var problems = new ArrayList<String>();
        for (String entry : seats.split(",")) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                problems.add("'" + entry + "' is not PARTY=AGENT");
            } else if (!specs.containsKey(kv[0].strip())) {
                problems.add(kv[0].strip() + " has no seat in " + p.kind().id() + " (seats: "
                        + String.join(", ", specs.keySet()) + ")");
            } else {
                specs.put(kv[0].strip(), kv[1].strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("--seats: " + String.join("; ", problems));
        }
        return specs;
    }

    private void writeTranscript(Scenario s, Settings settings, Map<String, String> seatSpecs, Session result)
            throws IOException {
        Files.createDirectories(out);
        var lines = new ArrayList<String>();
        lines.add(TranscriptJson.header(new TranscriptJson.Header(s, settings, seed, seatSpecs), result.opening()));
        for (Move move : result.moves()) {
            lines.add(TranscriptJson.move(move, s));
        }
        AtomicFiles.write(out.resolve("transcript.jsonl"), String.join("\n", lines) + "\n");
    }
}
