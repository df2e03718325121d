package dev.parley.bench;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact frontier of a random 3-party scenario of 20 issues × 10 options (10^20 outcomes, never enumerated),
 * built issue by issue (target ≤ 10 s while the frontier holds ≤ 10^5 points). Single shots, as a user runs it.
 *
 * <pre>
 * java -jar parley-bench/target/benchmarks.jar HugeFrontierBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class HugeFrontierBenchmark {
    @Param({"42", "7"})
    public long seed;

    private Scenario s;

    @Setup
    public void setUp() {
        s = RandomScenarios.generate(new SplittableRandom(seed), RandomScenarios.Settings.of(3, 20, 10));
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        System.out.printf("%n%s: frontier of %s outcomes (%s distinct), notes %s%n", s.space().count(),
                a.frontierSize(), a.frontierDistinct(), a.notes());
    }

    @Benchmark
    public Analysis frontierAndSolutions() {
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        a.solutions();
        return a;
    }
}
