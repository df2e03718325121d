package dev.parley.cli;

import dev.parley.server.ReportPage;

import dev.parley.scenario.report.Story;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.TranscriptJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
                + "lopsided, and how it compares with the fair packages. With --out, also a transcript to replay "
                + "and report.html, the story and its charts on one self-contained page."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Mixin
    TalksOptions talks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seeds every random choice; the same seed gives the same transcript (default: 1).")
    long seed;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text", description = "The story as "
            + "text (default), the whole session as one JSON document, or its rounds as CSV (one line per row of the "
            + "story: the package, each party's utility, the gap, each party's distance to acceptance).")
    TableFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/transcript.jsonl (replay it with "
            + "'parley replay') and DIR/report.html (the story, each party's utility and the gap round by round, the "
            + "frontier of every pair of parties: one self-contained page to open in a browser).")
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
            settings = talks.settings(s);
            p = settings.create(s);
            seatSpecs = talks.seatSpecs(p);
            agents = Seating.agents(p, seatSpecs, seed, "--seats");
        } catch (InvalidInput e) {
            throw new UsageException(TalksOptions.message(e));
        }
        Session result = Session.run(s, p, agents);
        Analysis analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        var story = new Story(s, p, seed, seatSpecs, result, analysis);
        if (out != null) {
            writeTranscript(s, settings, seatSpecs, result);
            AtomicFiles.write(out.resolve("report.html"), ReportPage.html(s, story, analysis, result.events()));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == TableFormat.JSON) {
            w.println(Json.pretty(story.json()));
        } else if (format == TableFormat.CSV) {
            w.print(story.csv());
        } else {
            w.print(story.text(quiet));
            if (out != null) {
                w.println("Transcript: " + out.resolve("transcript.jsonl"));
                w.println("Report:     " + out.resolve("report.html"));
            }
        }
        return ExitCodes.OK;
    }

    private void writeTranscript(Scenario s, Settings settings, Map<String, String> seatSpecs, Session result)
            throws IOException {
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("transcript.jsonl"), TranscriptJson.write(new TranscriptJson.Header(s,
                settings, seed, seatSpecs), result));
    }
}
