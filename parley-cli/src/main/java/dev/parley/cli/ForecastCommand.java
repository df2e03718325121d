package dev.parley.cli;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.analysis.ProgressListener;
import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.scenario.wire.ForecastJson;
import dev.parley.scenario.wire.ForecastRuns;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley forecast}: Monte Carlo over what is not known of the profiles, each draw run through the talks. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Forecast the talks under uncertainty: draw the profiles the scenario leaves uncertain (each profile's "
                + "'uncertainty': a Dirichlet or intervals for the weights, or only their ranking; intervals for "
                + "values and the reservation), run the protocol with the seated agents on each draw and analyse "
                + "it exactly.",
        "Reports, each with a 95%% interval: how likely a deal is and how likely the zone is empty; the deals "
                + "most often reached and, per issue, the options agreed; rounds to agreement; how often each "
                + "package is the fair (Nash) package; what most often blocks a deal.",
        "The same seed gives the same forecast whatever --jobs."})
final class ForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Mixin
    TalksOptions talks;

    @Option(names = "--model", paramLabel = "mc|eu", defaultValue = "mc", description = "mc (default): Monte "
            + "Carlo over the uncertain profiles with the talks; eu: Bueno de Mesquita's expected-utility model issue by "
            + "issue (as replicated by Scholz, Calbert & Smith 2011), with the weighted median and mean beside it.")
    String model;

    @Option(names = "--model-rounds", paramLabel = "N", defaultValue = "10", description = "eu: rounds of the model "
            + "(default: 10).")
    int modelRounds;

    @Option(names = "--reading", paramLabel = "code|text", defaultValue = "code", description = "eu: where Scholz et "
            + "al.'s code and Bueno de Mesquita's text differ (the probability's denominator, the choice among "
            + "compromises, whose dangers set the risk attitude), follow the code (default) or the text.")
    String reading;

    @Option(names = "--actors", paramLabel = "FILE.csv", description = "eu: model one issue from a CSV of actor,"
            + "capability,position,salience instead of the scenario.")
    Path actors;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "How many draws (default: "
            + "1000).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seeds the draws and the agents "
            + "(default: 1).")
    long seed;

    @Option(names = "--analysis-only", description = "Only analyse each draw, without the talks: whether the zone "
            + "is empty, the Nash package, what blocks, and what moves the chance of a zone (quicker).")
    boolean analysisOnly;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads to run the draws on (default: every core).")
    Integer jobs;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run the draws on Apache Spark, e.g. 'local[*]' "
            + "or spark://host:7077, as parley tournament --spark does (the same forecast, draw for draw); Spark's "
            + "messages go to DIR/spark.log with --out.")
    String spark;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "The day the talks start, for dates of "
            + "agreement (default: the scenario's protocol.start); rounds become days through the scenario's "
            + "protocol.roundDuration.")
    java.time.LocalDate start;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "The forecast as "
            + "text (default) or one JSON document.")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/forecast.json, DIR/samples.csv (one "
            + "row per draw) and DIR/forecast.html (the figures and charts, one self-contained page).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!model.equals("mc") && !model.equals("eu")) {
            throw new UsageException("--model must be mc or eu, not '" + model + "'");
        }
        if (model.equals("eu")) {
            return ForecastEu.run(spec, scenario, actors, modelRounds, reading, format);
        }
        if (actors != null) {
            throw new UsageException("--actors goes with --model eu");
        }
        Scenario s = scenario.resolve();
        if (runs < 1 || runs > 10_000_000) {
            throw new UsageException("--runs must be from 1 to 10000000, not " + runs);
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1 || threads > 1024) {
            throw new UsageException("--jobs must be from 1 to 1024, not " + threads);
        }
        Settings settings;
        Forecast.Plan plan;
        try {
            settings = talks.settings(s);
            Protocol p = settings.create(s);
            plan = new Forecast.Plan(settings, talks.seatSpecs(p), runs, seed, !analysisOnly);
            Seating.agents(p, plan.seats(), seed, "--seats"); // an agent that cannot fill its seat, named as given
        } catch (InvalidInput e) {
            throw new UsageException(TalksOptions.message(e));
        }
        var summary = new Summary.Accumulator(settings.rounds(), s.issues().stream().mapToInt(Issue::size).toArray(),
                Forecast.parameters(s).stream().map(Forecast.Parameter::name).toList(), Forecast.points(s), plan
                        .talks());
        ProgressListener progress = TerminalProgress.forStderr();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parley-forecast");
            t.setDaemon(true);
            return t;
        });
        SamplesCsv samples = null;
        try {
            if (out != null) {
                Files.createDirectories(out);
                samples = new SamplesCsv(out.resolve("samples.csv"), s);
            }
            SamplesCsv rows = samples;
            java.util.function.Consumer<Forecast.Run> sink = r -> {
                summary.add(r);
                if (rows != null) {
                    rows.add(r);
                }
            };
            if (spark != null) {
                Path logDir = out != null ? out : Files.createTempDirectory("parley-forecast");
                SparkProcess.forecast(SparkProcess.home(), ForecastRuns.Source.of(s, plan), spark, logDir,
                        line -> sink.accept(ForecastRuns.parse(line.strip(), s)), done -> progress.progress(
                                "forecast", done, runs));
                if (out == null) {
                    Files.deleteIfExists(logDir.resolve("spark.log"));
                    Files.deleteIfExists(logDir);
                }
            } else {
                Forecast.stream(s, plan, pool, threads, done -> progress.progress("forecast", done, runs), () -> false,
                        sink);
            }
            if (rows != null) {
                rows.commit();
            }
        } catch (InvalidInput e) {
            throw new UsageException(TalksOptions.message(e));
        } finally {
            pool.shutdownNow();
            TerminalProgress.closeIfOpen(progress);
            if (samples != null) {
                samples.abandon(); // nothing once committed
            }
        }
        Summary result = summary.summary();
        ForecastJson.Calendar calendar = new ForecastJson.Calendar(s.protocol().flatMap(d -> d.roundDuration()),
                java.util.Optional.ofNullable(
                        start).or(() -> s.protocol().flatMap(d -> d.start())));
        Map<String, Object> json = ForecastJson.of(s, settings, plan, result, calendar);
        if (out != null) {
            AtomicFiles.write(out.resolve("forecast.json"), Json.pretty(json) + "\n");
            AtomicFiles.write(out.resolve("forecast.html"), ForecastReport.html(s, settings, runs, seed, result,
                    calendar));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            w.println(Json.pretty(json));
        } else {
            w.print(ForecastText.text(s, settings, plan, result, calendar));
            if (out != null) {
                w.println("Forecast: " + out.resolve("forecast.json"));
                w.println("Samples:  " + out.resolve("samples.csv"));
                w.println("Report:   " + out.resolve("forecast.html"));
            }
        }
        return ExitCodes.OK;
    }
}
