package dev.parley.bench;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.BuiltinScenarios;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Issue 16's targets for forecasts, warm, on all cores: 10,000 draws of the default scenario through the analysis and
 * the default single-text talks in at most 10 s, and at least 2,000 draws a second analysed only. Each mode runs a
 * warm-up of 2,000 draws, then {@code N} (10,000) timed draws, three times; prints draws per second of each.
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.ForecastThroughput [N]
 * </pre>
 */
public final class ForecastThroughput {
    private ForecastThroughput() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Scenario s = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (boolean talks : List.of(true, false)) {
                Forecast.runs(s, plan(s, 2_000, talks), pool, done -> {
                });
                for (int rep = 0; rep < 3; rep++) {
                    long start = System.nanoTime();
                    int runs = Forecast.runs(s, plan(s, n, talks), pool, done -> {
                    }).size();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%s: %,d draws in %.2f s on %d threads, %,.0f draws/s%n", talks
                            ? "analysis + single-text talks"
                            : "analysis only", runs, seconds, threads, runs / seconds);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Forecast.Plan plan(Scenario s, int runs, boolean talks) {
        return new Forecast.Plan(Settings.defaults(s), Map.of(), runs, 1, talks);
    }
}
