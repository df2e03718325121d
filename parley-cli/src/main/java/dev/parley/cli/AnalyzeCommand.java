package dev.parley.cli;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.analysis.AssessmentLimits;
import dev.parley.engine.analysis.FrontierScope;
import dev.parley.engine.analysis.ProgressListener;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.wire.AnalysisJson;
import dev.parley.scenario.wire.Json;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley analyze}: the agreement zone, the frontier, the fair packages and what blocks a deal. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Find, exactly, the agreement zone (outcomes every ratifying party can accept), its Pareto "
                + "frontier, the fair packages (Nash, Kalai-Smorodinsky, egalitarian, utilitarian) and which "
                + "demands block a deal; with --package, assess a proposed deal.",
        "When the zone is empty it says so and shows the near misses."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text", description = "Readable text "
            + "(default), one JSON document, or CSV: the fair packages and the first --limit frontier packages, one "
            + "line each (the options and every party's utility).")
    TableFormat format;

    @Option(names = "--frontier", paramLabel = "zone|all", defaultValue = "zone", description = "The frontier of the agreement zone (default) or of the whole outcome space.")
    FrontierScope frontier;

    @Option(names = "--limit", paramLabel = "N|all", defaultValue = "10", converter = LimitConverter.class, description = "How many frontier outcomes to list, or all of them (default: ${DEFAULT-VALUE}). "
            + "They are written out as they are made: listing ten million outcomes holds one int per distinct "
            + "utility vector, not the outcomes.")
    long limit;

    @Option(names = "--package", paramLabel = "ISSUE=OPTION,...", description = "Assess this package: utilities, shares of possible gain, victory index, lopsidedness "
            + "flags, distance from the Nash package. One option id per issue.")
    String pkg;

    @Option(names = "--victory-limit", paramLabel = "X", defaultValue = ""
            + dev.parley.engine.analysis.Assessment.DEFAULT_VICTORY_LIMIT, description = "Flag a package as a victory for one side when |victory index| exceeds X "
                    + "(default: ${DEFAULT-VALUE}).")
    double victoryLimit;

    @Option(names = "--demand-limits", paramLabel = "MOST,FEW", split = ",", description = "Flag a package as one-sided on stated demands when one principal is granted at least MOST "
            + "of its demands (by its own weights) and another at most FEW (default: 0.6 and 1/3).")
    double[] demandLimits;

    @Option(names = "--favoured-limit", paramLabel = "X", defaultValue = "0.4", description = "Flag a package as favouring the mediator (or a stakeholder that does not ratify) when its "
            + "share of possible gain exceeds the principals' mean by more than X (default: ${DEFAULT-VALUE}).")
    double favouredLimit;

    @Option(names = "--allies-limit", paramLabel = "X", defaultValue = "0.4", description = "Flag a package when a principal and its allies fare worse than the other side, in mean share of "
            + "possible gain, by more than X (default: ${DEFAULT-VALUE}).")
    double alliesLimit;

    @Option(names = "--no-blocking", negatable = false, description = "Skip the table of demands that block a deal, the check of each stated demand and, for an empty zone, "
            + "the search for the smallest relaxations (each re-analyses once per demand or set).")
    boolean noBlocking;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class, description = "The time the analysis may take, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE}); each working "
            + "array may take at most half the heap. A phase that runs out stops; the notes say what was not computed.")
    java.time.Duration budget;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "2147483639", description = "Refuse (and say so) a frontier with more than N distinct partial utility vectors "
            + "after any issue (default: no limit but --budget's, its time and half the heap for each working "
            + "array).")
    int maxPoints;

    @Override
    public Integer call() throws Exception {
        if (maxPoints < 1) {
            throw new UsageException("--max-points must be at least 1, not " + maxPoints);
        }
        if (!(victoryLimit > 0 && victoryLimit <= 1)) {
            throw new UsageException("--victory-limit must be in (0, 1], not " + victoryLimit);
        }
        AssessmentLimits limits = limits();
        Scenario s = scenario.resolve();
        Optional<Outcome> proposed = Optional.empty();
        if (pkg != null) {
            try {
                proposed = Optional.of(Outcome.parse(s.issues(), pkg));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--package: " + e.getMessage());
            }
        }
        ProgressListener progress = TerminalProgress.forStderr();
        var pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withFrontier(frontier).withMaxPoints(maxPoints)
                    .withBlockingDemands(!noBlocking).withExecutor(pool).withProgress(progress).withBudget(
                            dev.parley.engine.analysis.Budget.of(budget)));
        } finally {
            pool.shutdown();
            TerminalProgress.closeIfOpen(progress);
        }
        Optional<Assessment> assessment = proposed.map(o -> analysis.assess(o, limits));
        PrintWriter out = spec.commandLine().getOut();
        if (format == TableFormat.JSON) {
            Json.pretty(AnalysisJson.document(analysis, limit, assessment), out);
            out.println();
        } else if (format == TableFormat.CSV) {
            AnalysisCsv.write(analysis, limit, out);
            PrintWriter err = spec.commandLine().getErr(); // CSV has no place for them; a limit is never silent
            analysis.notes().forEach(n -> err.println("parley: note: " + n));
            err.flush();
        } else {
            AnalysisText.write(analysis, limit, assessment, victoryLimit, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private AssessmentLimits limits() {
        double most = AssessmentLimits.DEFAULTS.demandsMost();
        double few = AssessmentLimits.DEFAULTS.demandsFew();
        if (demandLimits != null) {
            if (demandLimits.length != 2) {
                throw new UsageException("--demand-limits takes MOST,FEW, e.g. 0.6,0.33");
            }
            most = demandLimits[0];
            few = demandLimits[1];
        }
        try {
            return new AssessmentLimits(victoryLimit, most, few, favouredLimit, alliesLimit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--demand-limits, --favoured-limit, --allies-limit: " + e.getMessage());
        }
    }
}
