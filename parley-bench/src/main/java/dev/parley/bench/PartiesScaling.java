package dev.parley.bench;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the exact analysis scales with the number of parties (issue 20's 6, 7 and 8 parties over 10^6 outcomes):
 * {@code RandomScenarios} seed 42, 6 issues of 10 options, 3 to 8 parties; the zone count, the frontier and the
 * solutions, in the calling thread and on every core (a fork-join pool, as {@code parley analyze} runs it); the best
 * of a few runs after one not counted. The Pareto filter for 4+ parties is the sort-filter skyline over a k-d tree of
 * the survivors ({@code ParetoFilter}), in blocks on several threads. Target (issue 20): 8 parties within 0.5 s.
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.PartiesScaling
 * </pre>
 */
public final class PartiesScaling {
    private PartiesScaling() {
    }

    public static void main(String[] args) {
        var pool = new java.util.concurrent.ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            for (int parties = 3; parties <= 8; parties++) {
                Scenario s = RandomScenarios.generate(new SplittableRandom(42), RandomScenarios.Settings.of(parties,
                        6, 10));
                AnalysisOptions one = AnalysisOptions.defaults().withBlockingDemands(false);
                Analysis a = Analyzer.analyze(s, one);
                System.out.printf(Locale.ROOT, "%d parties: zone %s, frontier %s, %.1f ms in one thread, %.1f ms on %d "
                        + "cores%n", parties,
                        a.agreementZone().isPresent()
                                ? String.format(Locale.ROOT, "%,d", a.agreementZone().getAsLong())
                                : "–",
                        a.frontierSize().isPresent()
                                ? String.format(Locale.ROOT, "%,d", a.frontierSize().getAsLong())
                                : "–",
                        best(s, one, parties), best(s, one.withExecutor(pool), parties), pool
                                .getParallelism());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The best of a few analyses after one not counted, in milliseconds. */
    private static double best(Scenario s, AnalysisOptions o, int parties) {
        Analyzer.analyze(s, o);
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < (parties >= 7 ? 4 : 6); rep++) {
            long start = System.nanoTime();
            Analyzer.analyze(s, o);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }
}
