package dev.parley.cli;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.analysis.ProgressListener;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.forecast.ExpectedUtility;
import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.forecast.IssueModels;
import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.scenario.ActorsCsv;
import dev.parley.scenario.wire.ForecastJson;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        "Reports, each with a 95% interval: how likely a deal is and how likely the zone is empty; the deals "
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
            return expectedUtility();
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
            Forecast.stream(s, plan, pool, threads, done -> progress.progress("forecast", done, runs), () -> false,
                    r -> {
                        summary.add(r);
                        if (rows != null) {
                            rows.add(r);
                        }
                    });
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
            w.print(text(s, settings, plan, result, calendar));
            if (out != null) {
                w.println("Forecast: " + out.resolve("forecast.json"));
                w.println("Samples:  " + out.resolve("samples.csv"));
                w.println("Report:   " + out.resolve("forecast.html"));
            }
        }
        return ExitCodes.OK;
    }

    /** {@code --model eu}: the expected-utility model on each issue of the scenario, or on the actors of a CSV. */
    private int expectedUtility() throws IOException {
        if (modelRounds < 0 || modelRounds > 1000) {
            throw new UsageException("--model-rounds must be from 0 to 1000, not " + modelRounds);
        }
        if (!reading.equals("code") && !reading.equals("text")) {
            throw new UsageException("--reading must be code or text, not '" + reading + "'");
        }
        ExpectedUtility.Readings readings = reading.equals("code")
                ? ExpectedUtility.Readings.CODE
                : ExpectedUtility.Readings.TEXT;
        var doc = new LinkedHashMap<String, Object>();
        doc.put("model", "expected-utility");
        doc.put("method", "Bueno de Mesquita's expected-utility model as replicated by Scholz, Calbert and Smith "
                + "(2011), " + (reading.equals("code")
                        ? "following their code"
                        : "following Bueno de Mesquita's "
                                + "text")
                + " where the two differ");
        doc.put("reading", reading);
        doc.put("rounds", modelRounds);
        var text = new StringBuilder();
        text.append("Expected-utility model (Bueno de Mesquita, as replicated by Scholz, Calbert & Smith 2011; ")
                .append(reading.equals("code") ? "their code's reading" : "Bueno de Mesquita's text's reading")
                .append("), ").append(modelRounds).append(" rounds\n");
        if (actors != null) {
            List<ExpectedUtility.Actor> list = ActorsCsv.read(actors);
            List<ExpectedUtility.Round> run = ExpectedUtility.run(list, modelRounds, readings);
            doc.put("actors", actors.getFileName().toString());
            doc.put("issues", List.of(issueJson(actors.getFileName().toString(), list, run, null)));
            text.append("Actors from ").append(actors.getFileName()).append(": ").append(list.size()).append("\n\n");
            ExpectedUtility.Round last = run.get(run.size() - 1);
            text.append(String.format(Locale.ROOT, "Weighted median %.2f, weighted mean (compromise) %.2f at the "
                    + "start; after the rounds: median %.2f, mean %.2f%n", run.get(0).median(), run.get(0).mean(),
                    last
                            .median(),
                    last.mean()));
            text.append("\nRound by round (the weighted median and mean of the positions, then each actor's):\n");
            var header = new StringBuilder(String.format(Locale.ROOT, "  %5s  %8s  %8s", "round", "median", "mean"));
            list.forEach(a -> header.append(String.format(Locale.ROOT, "  %10.10s", a.name())));
            text.append(header).append('\n');
            for (ExpectedUtility.Round r : run) {
                var line = new StringBuilder(String.format(Locale.ROOT, "  %5d  %8.3f  %8.3f", r.number(), r.median(),
                        r.mean()));
                for (int a = 0; a < list.size(); a++) {
                    line.append(String.format(Locale.ROOT, "  %10.3f", r.position(a)));
                }
                text.append(line).append('\n');
            }
        } else {
            Scenario s = scenario.resolve();
            Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(
                    false));
            java.util.Optional<Outcome> nash = java.util.Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(
                    Solution::outcome);
            List<IssueModels.IssueForecast> forecasts = IssueModels.of(s, modelRounds, readings);
            doc.put("scenario", s.id());
            doc.put("capabilities", IssueModels.capabilitiesGiven(s) ? "the scenario's" : "1 each (none given)");
            var issues = new ArrayList<Object>();
            text.append("Each issue's options evenly on 0–100 in their order; a party at the option it values most, "
                    + "its salience its weight over its largest, its capability ").append(
                            IssueModels.capabilitiesGiven(
                                    s) ? "the scenario's" : "1 (the scenario gives none)")
                    .append(".\n\n");
            var table = new TextTable("  ", "issue", "weighted median", "mean (compromise)", "after the rounds", "fair "
                    + "(Nash)");
            for (IssueModels.IssueForecast f : forecasts) {
                int i = s.issues().indexOf(f.issue());
                issues.add(issueJson(f.issue().id(), f.actors(), f.rounds(), f));
                table.row(f.issue().id(), f.issue().option(f.median()).id(), f.issue().option(f.mean()).id(), f.issue()
                        .option(f.forecast()).id(), nash.map(o -> f.issue().option(o.option(i)).id()).orElse("–"));
            }
            doc.put("issues", issues);
            text.append(table.render()).append("\n");
            text.append("The weighted median and mean are of the starting positions; 'after the rounds' is the "
                    + "weighted median once the actors have challenged, compromised and capitulated.\n");
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == OutputFormat.JSON ? Json.pretty(doc) + "\n" : text.toString());
        return ExitCodes.OK;
    }

    private static Map<String, Object> issueJson(String name, List<ExpectedUtility.Actor> actors,
            List<ExpectedUtility.Round> rounds, IssueModels.IssueForecast f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("issue", name);
        m.put("actors", actors.stream().map(a -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("actor", a.name());
            e.put("capability", a.capability());
            e.put("position", round(a.position()));
            e.put("salience", round(a.salience()));
            return e;
        }).toList());
        m.put("rounds", rounds.stream().map(r -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("round", r.number());
            var positions = new LinkedHashMap<String, Object>();
            var moves = new LinkedHashMap<String, Object>();
            for (int a = 0; a < actors.size(); a++) {
                positions.put(actors.get(a).name(), round(r.position(a)));
                if (r.moves().get(a) != ExpectedUtility.Move.STAYS) {
                    moves.put(actors.get(a).name(), r.moves().get(a).name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " " + r.toward().get(a));
                }
            }
            e.put("positions", positions);
            e.put("moves", moves);
            e.put("median", round(r.median()));
            e.put("mean", round(r.mean()));
            return e;
        }).toList());
        if (f != null) {
            m.put("weightedMedian", f.issue().option(f.median()).id());
            m.put("mean", f.issue().option(f.mean()).id());
            m.put("forecast", f.issue().option(f.forecast()).id());
        }
        return m;
    }

    private static String text(Scenario s, Settings settings, Forecast.Plan plan, Summary x,
            ForecastJson.Calendar calendar) {
        var b = new StringBuilder();
        b.append("Forecast of ").append(s.title()).append(" (").append(s.id()).append("): ").append(x.runs())
                .append(" draws, seed ").append(plan.seed()).append(", ").append(plan.talks()
                        ? settings.kind().id() + " with " + seatsText(plan.seats())
                        : "each only analysed (no talks)")
                .append('\n');
        b.append(s.uncertainty().isEmpty()
                ? "No profile carries uncertainty: every draw is the point scenario.\n"
                : "Uncertain profiles: " + String.join(", ", s.uncertainty().keySet()) + "\n");
        b.append('\n');
        if (!plan.talks()) {
            b.append("Zone empty:     ").append(pct(x.zoneEmpty())).append("  (no package every ratifying party "
                    + "accepts)\n\n");
            nashAndBlockers(b, s, x);
            sensitivity(b, x, "a zone most (P(zone open)");
            b.append("Shares with 95% Wilson intervals. Every other command uses the point profiles.\n");
            return b.toString();
        }
        b.append("Deal reached:   ").append(pct(x.agreement())).append('\n');
        b.append("Zone empty:     ").append(pct(x.zoneEmpty())).append("  (no package every ratifying party "
                + "accepts)\n");
        b.append("Deal is the fair (Nash) package of its draw: ").append(pct(x.dealIsNash())).append(
                "; mean Nash product share ").append(String.format(Locale.ROOT, "%.2f", x.meanNashShare())).append(
                        '\n');
        if (x.rounds().median().isPresent()) {
            b.append("Rounds to a deal: median ").append(x.rounds().median().getAsInt()).append(", 80% by ").append(x
                    .rounds().p80().getAsInt()).append(", latest ").append(x.rounds().max().getAsInt()).append(
                            " (deadline ")
                    .append(settings.rounds()).append(")\n");
            if (calendar.round().isPresent()) {
                b.append("Time to a deal:   median ").append(calendar.text(x.rounds().median().getAsInt())).append(
                        ", 80% by ").append(calendar.text(x.rounds().p80().getAsInt())).append(" (a round lasts ")
                        .append(dev.parley.engine.model.ProtocolDefaults.iso(calendar.round().get())).append(
                                calendar.start().map(d -> ", talks from " + d).orElse(""))
                        .append(")\n");
            }
        }
        b.append('\n');
        if (!x.deals().isEmpty()) {
            b.append("Most likely deals:\n");
            for (Summary.Frequency f : x.deals()) {
                b.append("  ").append(pct(f.share())).append("  ").append(f.outcome().format(s.issues())).append(
                        '\n');
            }
            b.append('\n');
            b.append("Per issue, the options agreed (share of all draws):\n");
            for (int i = 0; i < s.issues().size(); i++) {
                Issue issue = s.issues().get(i);
                var parts = new ArrayList<String>();
                for (Summary.OptionShare o : x.options().get(i)) {
                    parts.add(issue.option(o.option()).id() + " " + String.format(Locale.ROOT, "%.0f%%", 100 * o
                            .share().share()));
                }
                b.append("  ").append(issue.id()).append(": ").append(String.join(", ", parts)).append('\n');
            }
            b.append('\n');
        }
        nashAndBlockers(b, s, x);
        if (!x.refusals().isEmpty()) {
            b.append("Who rejected the final text, when the talks ended without a deal:\n");
            for (Summary.Blocker bl : x.refusals().subList(0, Math.min(5, x.refusals().size()))) {
                b.append("  ").append(pct(bl.share())).append("  ").append(bl.relaxation()).append('\n');
            }
            b.append('\n');
        }
        sensitivity(b, x, "a deal most (P(deal)");
        b.append("Shares with 95% Wilson intervals. Every other command uses the point profiles.\n");
        return b.toString();
    }

    /** How often each package is the Nash package, and what leaves no zone. */
    private static void nashAndBlockers(StringBuilder b, Scenario s, Summary x) {
        if (!x.nash().isEmpty()) {
            b.append("Most often the fair (Nash) package:\n");
            for (Summary.Frequency f : x.nash().subList(0, Math.min(3, x.nash().size()))) {
                b.append("  ").append(pct(f.share())).append("  ").append(f.outcome().format(s.issues())).append(
                        '\n');
            }
            b.append('\n');
        }
        if (!x.blocking().isEmpty()) {
            b.append("What most often leaves no zone (relaxing it would open one):\n");
            for (Summary.Blocker bl : x.blocking().subList(0, Math.min(5, x.blocking().size()))) {
                b.append("  ").append(pct(bl.share())).append("  ").append(bl.relaxation()).append('\n');
            }
            b.append('\n');
        }
    }

    /** The tornado's strongest rows; {@code what} names the chance it is about. */
    private static void sensitivity(StringBuilder b, Summary x, String what) {
        List<Summary.Effect> strong = x.sensitivity().stream().limit(8).toList();
        if (!strong.isEmpty()) {
            b.append("What moves the chance of ").append(what).append(" when the figure is drawn below / above its "
                    + "point figure):\n");
            int width = strong.stream().mapToInt(e -> e.parameter().length()).max().orElse(0);
            for (Summary.Effect e : strong) {
                b.append(String.format(Locale.ROOT, "  %-" + width + "s  %5.1f%% / %5.1f%%  %+6.1f points%s%n", e
                        .parameter(), 100 * e.low().share(), 100 * e.high().share(), 100 * e.difference(),
                        Math.abs(e
                                .difference()) <= e.margin() ? "  (within chance)" : ""));
            }
            b.append('\n');
        }
    }

    private static double round(double x) {
        return ForecastJson.round(x);
    }

    private static String seatsText(Map<String, String> seats) {
        var parts = new ArrayList<String>();
        seats.forEach((party, agent) -> parts.add(party + "=" + agent));
        return String.join(", ", parts);
    }

    private static String pct(Summary.Share x) {
        return String.format(Locale.ROOT, "%5.1f%% [%.1f–%.1f]", 100 * x.share(), 100 * x.low(), 100 * x.high());
    }

    /**
     * {@code samples.csv}, written as the runs finish, in run order (a run that finishes early waits, in memory,
     * for those before it: a few rows, unless one draw takes far longer than the others), to a temporary file moved
     * into place once every run is in. Thread-safe.
     */
    static final class SamplesCsv {
        static final String HEADER = "run,zone_empty,agreed,rounds,nash_share,deal,nash,blocking\n";
        private final Path file;
        private final Path tmp;
        private final Scenario s;
        private final java.io.BufferedWriter writer;
        private final java.util.TreeMap<Integer, String> waiting = new java.util.TreeMap<>();
        /** Removes the temporary file when the process is stopped before the forecast is done. */
        private final Thread cleanUp;
        private int next;
        private boolean committed;

        SamplesCsv(Path file, Scenario s) throws IOException {
            this.file = file;
            this.s = s;
            this.tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".parley", ".tmp");
            java.io.BufferedWriter w = null;
            try {
                w = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8);
                w.write(HEADER);
            } catch (IOException e) {
                if (w != null) {
                    w.close();
                }
                Files.deleteIfExists(tmp);
                throw e;
            }
            this.writer = w;
            Path leftover = tmp;
            this.cleanUp = new Thread(() -> {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException ignored) {
                    // the process is going; nothing else to do
                }
            }, "parley-samples-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanUp); // Ctrl-C: no temporary file left behind
        }

        private void dropCleanUp() {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException going) {
                // the process is already shutting down: the hook runs, and finds nothing or the temporary file
            }
        }

        synchronized void add(Forecast.Run r) {
            waiting.put(r.index(), row(s, r));
            try {
                while (!waiting.isEmpty() && waiting.firstKey() == next) {
                    writer.write(waiting.pollFirstEntry().getValue());
                    next++;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void commit() throws IOException {
            writer.close();
            if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-r--r--"));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            dropCleanUp();
        }

        /**
         * Removes the temporary file of a forecast that did not finish; nothing once committed. Best effort, and
         * quiet: it runs on the way out of a failure, which it must not hide.
         */
        synchronized void abandon() {
            if (!committed) {
                dropCleanUp();
                try {
                    writer.close();
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure on its way out says what went wrong; a stray temporary file is all that is left
                }
            }
        }
    }

    /** One draw's row: what it drew, how the talks ended, its fair package and what blocked its zone. */
    static String row(Scenario s, Forecast.Run r) {
        return r.index() + "," + r.zoneEmpty() + "," + r.agreed() + "," + r.rounds() + "," + round(r.nashShare())
                + "," + r.deal().map(d -> pkg(s, d)).orElse("") + "," + r.nash().map(d -> pkg(s, d)).orElse("") + ","
                + csvField(String.join("; ", r.blocking())) + "\n";
    }

    private static String pkg(Scenario s, Outcome o) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < s.issues().size(); i++) {
            parts.add(s.issues().get(i).id() + "=" + s.issues().get(i).option(o.option(i)).id());
        }
        return String.join(";", parts);
    }

    private static String csvField(String x) {
        return x.contains(",") || x.contains("\"") ? "\"" + x.replace("\"", "\"\"") + "\"" : x;
    }
}
