package dev.parley.bench;

import dev.parley.scenario.ScenarioMutants.Outcome;
import dev.parley.scenario.genius.GeniusMutants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The long fuzz run of the GENIUS import: {@code java -cp parley-bench/target/benchmarks.jar
 * dev.parley.bench.GeniusFuzz [N]} imports N mutants (default 100,000) of the built-in scenario's GENIUS files and
 * prints how many were imported (and round-tripped as parley/1), refused with located problems, and failed, the
 * slowest input, and the first failures. Exits 1 when any failed or took over a second.
 */
public final class GeniusFuzz {
    private GeniusFuzz() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("parley-genius-fuzz");
        var mutants = new GeniusMutants();
        int imported = 0;
        int refused = 0;
        var failed = new ArrayList<String>();
        long slowest = 0;
        long slowestSeed = 0;
        for (long seed = 1; seed <= n; seed++) {
            long t = System.nanoTime();
            Outcome o = mutants.judge(dir, seed);
            long took = System.nanoTime() - t;
            if (took > slowest) {
                slowest = took;
                slowestSeed = seed;
            }
            switch (o) {
                case Outcome.Read r -> imported++;
                case Outcome.Refused r -> refused++;
                case Outcome.Failed f -> failed.add("seed " + seed + ": " + f.why());
            }
        }
        Files.deleteIfExists(dir);
        System.out.printf("genius: %,d mutants: %,d imported and round-tripped, %,d refused with located problems, "
                + "%,d failed; slowest %.1f ms (seed %d)%n", n, imported, refused, failed.size(), slowest / 1e6,
                slowestSeed);
        failed.stream().limit(20).forEach(f -> System.out.println("  " + f));
        System.exit(!failed.isEmpty() || slowest > 1_000_000_000L ? 1 : 0);
    }
}
