package dev.parley.bench;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analysis targets of issue 3, warm, on all cores (a ForkJoinPool as wide as the machine):
 * <ul>
 * <li>{@code ceasefire}: ceasefire-2025, 800,000 outcomes × 4 parties: zone count + frontier + 4 solutions
 * (target ≤ 50 ms);
 * <li>{@code random-3x6x10}: a random 3-party scenario of 6 issues × 10 options (10^6 outcomes): frontier + Nash
 * (target ≤ 30 ms);
 * <li>{@code opposed-2x1e6}: 2 parties, one issue of 10^6 options with opposed values, all on the frontier
 * (target ≤ 0.5 s);
 * <li>{@code opposed-2x1e7}: 2 parties, 7 issues of 10 options with opposed values, all 10^7 outcomes on the
 * frontier (issue 20's target: ≤ 2 s), not run unless asked for ({@code -p scenario=opposed-2x1e7}; give it
 * {@code -jvmArgsAppend -Xmx6g}).
 * </ul>
 * The blocking-demands table is left out (it re-runs the analysis once per demand); {@link #ceasefireFull} measures
 * {@code parley analyze}'s whole computation with it.
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -jar parley-bench/target/benchmarks.jar AnalysisBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AnalysisBenchmark {
    @Param({"ceasefire", "random-3x6x10", "opposed-2x1e6"})
    public String scenario;

    private Scenario s;
    private ForkJoinPool pool;
    private AnalysisOptions options;

    @Setup
    public void setUp() {
        s = switch (scenario) {
            case "ceasefire" -> BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
            case "random-3x6x10" -> RandomScenarios.generate(new SplittableRandom(42),
                    RandomScenarios.Settings.of(3, 6, 10));
            case "opposed-2x1e6" -> Scenarios.opposed(1_000_000);
            case "opposed-2x1e7" -> Scenarios.opposed(7, 10);
            default -> throw new IllegalArgumentException(scenario);
        };
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        // As parley analyze: no cap on the frontier's points but the budget's.
        options = AnalysisOptions.defaults().withBlockingDemands(false).withExecutor(pool).withMaxPoints(
                Integer.MAX_VALUE - 8);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** Zone count, frontier and the four solutions. */
    @Benchmark
    public Analysis analyze() {
        Analysis a = Analyzer.analyze(s, options);
        a.solutions(); // builds the four solution packages
        return a;
    }

    /** As {@code parley analyze}: the same plus every blocking demand (ceasefire only; 10 re-analyses). */
    @Benchmark
    public Analysis ceasefireFull() {
        if (!scenario.equals("ceasefire")) {
            return null;
        }
        return Analyzer.analyze(s, options.withBlockingDemands(true));
    }
}
