package dev.parley.bench;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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
 * What hard conditions and interaction terms cost the exact analysis, as a function of the largest compound issue:
 * the random 3-party scenario of {@link AnalysisBenchmark} (6 issues × 10 options, 10^6 outcomes), its first
 * {@code linked} issues chained by conditions of the first party ("option 0 only with options 0–4 of the next
 * issue") and one interaction term of the second party on the first two, so that the largest compound issue has
 * 10^linked combinations ({@code linked} = 1: no link, the additive analysis; 6: one compound of the whole space).
 * Zone count, frontier and the four solutions, warm, on all cores.
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -jar parley-bench/target/benchmarks.jar CompoundBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class CompoundBenchmark {
    @Param({"1", "2", "3", "4", "5", "6"})
    public int linked;

    private Scenario s;
    private ForkJoinPool pool;
    private AnalysisOptions options;

    @Setup
    public void setUp() {
        s = linked(RandomScenarios.generate(new SplittableRandom(42), RandomScenarios.Settings.of(3, 6, 10)), linked);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        options = AnalysisOptions.defaults().withBlockingDemands(false).withExecutor(pool);
    }

    /** {@code base} with its first {@code k} issues linked (nothing when k is 1). */
    static Scenario linked(Scenario base, int k) {
        if (k < 2) {
            return base;
        }
        var profiles = new LinkedHashMap<String, Profile>(base.profiles());
        var ids = new ArrayList<>(profiles.keySet());
        var conditions = new ArrayList<Condition>();
        for (int i = 0; i + 1 < k; i++) {
            boolean[] first = new boolean[base.issues().get(i).size()];
            first[0] = true;
            boolean[] then = new boolean[base.issues().get(i + 1).size()];
            for (int o = 0; o < then.length / 2; o++) {
                then[o] = true;
            }
            conditions.add(new Condition(i, first, i + 1, then));
        }
        profiles.put(ids.get(0), profiles.get(ids.get(0)).withConditions(conditions));
        boolean[][] both = {new boolean[base.issues().get(0).size()], new boolean[base.issues().get(1).size()]};
        both[0][1] = true;
        both[1][1] = true;
        try {
            profiles.put(ids.get(1), profiles.get(ids.get(1)).withInteractions(List.of(new Interaction(new int[]{0,
                    1}, both, -0.01))));
        } catch (IllegalArgumentException outsideTheUnitInterval) {
            // the conditions alone
        }
        return Scenario.of(base.id(), base.title(), base.description(), base.parties(), base.issues(), profiles,
                Optional.empty());
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** Zone count, frontier and the four solutions. */
    @Benchmark
    public Analysis analyze() {
        Analysis a = Analyzer.analyze(s, options);
        a.solutions();
        return a;
    }
}
