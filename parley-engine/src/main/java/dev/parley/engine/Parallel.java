package dev.parley.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Independent jobs numbered 0 to n − 1 on the caller's executor: {@code parallelism} tasks take the numbers in turn,
 * so no job waits for a slow one, and memory does not grow with n. What forecasts and tournaments run on. The engine
 * starts no threads of its own. Stateless.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Runs {@code job} for every number from 0 to {@code count} − 1, from the executor's threads and in no set order.
     * The first job to throw stops the others (no new job begins) and its exception is rethrown here.
     *
     * @param progress told the number of jobs finished so far, only ever more than the last time
     * @param cancelled asked before each job; once true, no new job begins
     * @throws CancellationException when cancelled before every job was done, naming what was done and what was
     *         asked ({@code what}, e.g. "runs")
     */
    public static void forEach(int count, Executor executor, int parallelism, BooleanSupplier cancelled,
            IntConsumer job, IntConsumer progress, String what) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        var failed = new AtomicBoolean();
        int[] reported = {0}; // progress only ever goes up, whatever order the threads report in
        int workers = Math.max(1, Math.min(parallelism, count));
        var tasks = new CompletableFuture<?>[workers];
        for (int w = 0; w < workers; w++) {
            tasks[w] = CompletableFuture.runAsync(() -> {
                try {
                    for (int i; !failed.get() && !cancelled.getAsBoolean() && (i = next.getAndIncrement()) < count;) {
                        job.accept(i);
                        int d = done.incrementAndGet();
                        synchronized (reported) {
                            if (d > reported[0]) {
                                reported[0] = d;
                                progress.accept(d);
                            }
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failed.set(true); // the other tasks stop too
                    throw e;
                }
            }, executor);
        }
        try {
            CompletableFuture.allOf(tasks).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
        if (done.get() < count) {
            throw new CancellationException("cancelled after " + done.get() + " of " + count + " " + what);
        }
    }
}
