package dev.parley.bench;

import dev.parley.engine.tournament.Referee;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.TournamentReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Issue 17's target for the local backend: the ANAC-like workload of {@code parley-bench/scripts/anac-like.yaml}
 * (9,000 long sessions) at 2,000 sessions a second or more on 2 cores, warm. Plays it once to warm up, then three
 * times on 1 thread and three times on every core, and prints sessions per second, with the heap in use after each
 * (the referee keeps nothing per session: it must not grow with the sessions played). End to end, with the files, and
 * on Spark, time the command line instead (see the spec's comments).
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.TournamentThroughput [SPEC.yaml]
 * </pre>
 */
public final class TournamentThroughput {
    private TournamentThroughput() {
    }

    public static void main(String[] args) {
        Path spec = Path.of(args.length > 0 ? args[0] : "parley-bench/scripts/anac-like.yaml");
        Tournament t = TournamentReader.read(spec).tournament();
        int[] all = IntStream.range(0, t.sessions().size()).toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        play(t, all, cores, "warm-up");
        for (int threads : new int[]{1, cores}) {
            for (int rep = 0; rep < 3; rep++) {
                play(t, all, threads, threads + " thread" + (threads == 1 ? "" : "s"));
            }
        }
    }

    private static void play(Tournament t, int[] todo, int threads, String label) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var agreed = new AtomicInteger();
        var rounds = new java.util.concurrent.atomic.AtomicLong();
        try {
            var referee = new Referee(t);
            long start = System.nanoTime();
            referee.play(todo, pool, threads, () -> false, r -> {
                agreed.addAndGet(r.agreed() ? 1 : 0);
                rounds.addAndGet(r.rounds());
            }, d -> {
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "%-9s %,d sessions in %.2f s: %,.0f sessions/s (%,.0f rounds/s), %d%% "
                    + "agreed, heap after %,d MB%n", label, todo.length, seconds, todo.length / seconds,
                    rounds.get()
                            / seconds,
                    100 * agreed.get() / todo.length, heap >> 20);
        } finally {
            pool.shutdownNow();
        }
    }
}
