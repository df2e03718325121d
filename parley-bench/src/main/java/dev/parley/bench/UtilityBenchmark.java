package dev.parley.bench;

import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.BuiltinScenarios;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating every outcome of {@code ceasefire-2025} (800,000 × 4 parties) from the compiled utility tables, by
 * walking the space with {@link OutcomeSpace#increment} and by decoding each index. Allocation-free.
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -jar parley-bench/target/benchmarks.jar UtilityBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UtilityBenchmark {
    private OutcomeSpace space;
    private UtilityTable[] tables;
    private int[] choice;

    @Setup
    public void setUp() {
        Scenario s = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        space = s.space();
        tables = s.profiles().values().stream().map(p -> UtilityTable.of(space, p)).toArray(UtilityTable[]::new);
        choice = new int[space.issueCount()];
    }

    /** All 4 parties' utilities for all 800,000 outcomes, walking the space. */
    @Benchmark
    public double walkAllOutcomes() {
        double sum = 0;
        java.util.Arrays.fill(choice, 0);
        do {
            for (UtilityTable t : tables) {
                sum += t.utility(choice);
            }
        } while (space.increment(choice));
        return sum;
    }

    /** The same, decoding each mixed-radix index. */
    @Benchmark
    public double decodeAllOutcomes() {
        double sum = 0;
        long n = space.size();
        for (long x = 0; x < n; x++) {
            for (UtilityTable t : tables) {
                sum += t.utility(x);
            }
        }
        return sum;
    }
}
