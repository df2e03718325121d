package dev.parley.bench;

import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioMutants;
import dev.parley.scenario.ScenarioWriter;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * The long fuzz run of the scenario reader: {@code java -cp parley-bench/target/benchmarks.jar
 * dev.parley.bench.ScenarioFuzz [N]} reads N mutants (default 100,000) of the built-in scenario in each format and
 * prints, per format, how many were read, refused (on a path of the document, or as a whole) and failed, the slowest
 * input, and the first failures. Exits 1 when any failed or took over a second.
 */
public final class ScenarioFuzz {
    private ScenarioFuzz() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var base = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        boolean bad = false;
        for (Format format : Format.values()) {
            String text = ScenarioWriter.write(base, format);
            int read = 0;
            int onPath = 0;
            int whole = 0;
            var failed = new ArrayList<String>();
            long slowest = 0;
            long slowestSeed = 0;
            for (long seed = 1; seed <= n; seed++) {
                String mutant = ScenarioMutants.mutate(text, new SplittableRandom(seed * 31 + format.ordinal()));
                long t = System.nanoTime();
                var o = ScenarioMutants.judge("mutant." + format.id(), mutant, format);
                long took = System.nanoTime() - t;
                if (took > slowest) {
                    slowest = took;
                    slowestSeed = seed;
                }
                switch (o) {
                    case ScenarioMutants.Outcome.Read r -> read++;
                    case ScenarioMutants.Outcome.Refused r -> {
                        if (r.onAPath()) {
                            onPath++;
                        } else {
                            whole++;
                        }
                    }
                    case ScenarioMutants.Outcome.Failed f -> failed.add("seed " + seed + ": " + f.why());
                }
            }
            System.out.printf("%s: %,d mutants: %,d read and round-tripped, %,d refused on a path, %,d refused as a "
                    + "whole, %,d failed; slowest %.1f ms (seed %d)%n", format.id(), n, read, onPath, whole,
                    failed
                            .size(),
                    slowest / 1e6, slowestSeed);
            failed.stream().limit(20).forEach(f -> System.out.println("  " + f));
            bad |= !failed.isEmpty() || slowest > 1_000_000_000L;
        }
        System.exit(bad ? 1 : 0);
    }
}
