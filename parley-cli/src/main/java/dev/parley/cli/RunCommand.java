package dev.parley.cli;

import dev.parley.scenario.MoveJson;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Protocols;
import dev.parley.engine.protocol.Session;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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
            + "single-text).")
    String protocol;

    @Option(names = "--rounds", paramLabel = "N", description = "The deadline in rounds (default: the scenario's, "
            + "else 200).")
    Integer rounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seeds every random choice; the same seed gives the same transcript (default: 1).")
    long seed;

    @Option(names = "--seats", paramLabel = "PARTY=AGENT,...", description = "Agents for seats, e.g. "
            + "UA=boulware,RU=conceder:e=3. Agents: boulware, linear, conceder (e), tit-for-tat, hardliner, random, "
            + "truthful, strategic (threshold), hill-climb, anneal, zeuthen.")
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
        Protocols.Settings settings = settings(s);
        Protocol<? extends Protocol.State> p;
        try {
            p = Protocols.create(s, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> seatSpecs = seatSpecs(p);
        Map<String, Agent> agents = agents(seatSpecs);
        Session.Result<? extends Protocol.State> result = run(s, p, agents);
        Analysis analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        var story = new RunStory(s, p, settings, seed, seatSpecs, result, analysis);
        if (out != null) {
            writeTranscript(s, settings, seatSpecs, result);
            AtomicFiles.write(out.resolve("report.html"), Report.html(s, story, story.text(false), analysis,
                    result.agreement()));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            w.println(MoveJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(story.json()));
        } else {
            w.print(story.text(quiet));
            if (out != null) {
                w.println("Transcript: " + out.resolve("transcript.jsonl"));
                w.println("Report:     " + out.resolve("report.html"));
            }
        }
        return ExitCodes.OK;
    }

    private static <S extends Protocol.State> Session.Result<S> run(Scenario s, Protocol<S> p,
            Map<String, Agent> agents) {
        return new Session<>(s, p).run(agents);
    }

    private Protocols.Settings settings(Scenario s) {
        Protocols.Settings settings = Protocols.Settings.defaults(s);
        if (protocol != null) {
            settings = settings.withProtocol(protocol);
        }
        if (rounds != null) {
            if (rounds < 1) {
                throw new UsageException("--rounds must be at least 1, not " + rounds);
            }
            settings = settings.withRounds(rounds);
        }
        if (stall < 1) {
            throw new UsageException("--stall must be at least 1, not " + stall);
        }
        if (discount != null && !(discount > 0 && discount <= 1)) {
            throw new UsageException("--discount must be in (0, 1], not " + discount);
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
    private Map<String, String> seatSpecs(Protocol<?> p) {
        Map<String, String> specs = new LinkedHashMap<>(Protocols.defaultSeats(p));
        if (seats == null) {
            return specs;
        }
        var problems = new ArrayList<String>();
        for (String entry : seats.split(",")) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                problems.add("'" + entry + "' is not PARTY=AGENT");
            } else if (!specs.containsKey(kv[0].strip())) {
                problems.add(kv[0].strip() + " has no seat in " + p.name() + " (seats: "
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

    /** One agent per seat, each with its own generator split from the seed in seat order. */
    private Map<String, Agent> agents(Map<String, String> specs) {
        var root = new SplittableRandom(seed);
        var agents = new LinkedHashMap<String, Agent>();
        for (var e : specs.entrySet()) {
            try {
                agents.put(e.getKey(), Agents.create(e.getValue(), root.split()));
            } catch (IllegalArgumentException x) {
                throw new UsageException("--seats: " + e.getKey() + ": " + x.getMessage());
            }
        }
        return agents;
    }

    private void writeTranscript(Scenario s, Protocols.Settings settings, Map<String, String> seatSpecs,
            Session.Result<?> result) throws IOException {
        Files.createDirectories(out);
        var lines = new ArrayList<String>();
        var header = new LinkedHashMap<String, Object>();
        header.put("format", MoveJson.FORMAT);
        header.put("scenario", MoveJson.JSON.readTree(ScenarioWriter.write(s, Format.JSON)));
        header.put("protocol", RunStory.settings(settings, s));
        header.put("seed", seed);
        header.put("seats", seatSpecs);
        header.put("opening", result.opening().stream().map(x -> MoveJson.event(x, s.issues())).toList());
        lines.add(MoveJson.JSON.writeValueAsString(header));
        int n = 0;
        for (Session.Step step : result.steps()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("move", ++n);
            line.put("party", step.party());
            line.put("action", MoveJson.action(step.action(), s.issues()));
            line.put("events", step.events().stream().map(x -> MoveJson.event(x, s.issues())).toList());
            lines.add(MoveJson.JSON.writeValueAsString(line));
        }
        AtomicFiles.write(out.resolve("transcript.jsonl"), String.join("\n", lines) + "\n");
    }
}
