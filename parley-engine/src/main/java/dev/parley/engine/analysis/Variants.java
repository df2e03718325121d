package dev.parley.engine.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The variant analyses of one analysis (a red line dropped, a demand imposed, ...): independent exact zone
 * analyses, run side by side on the options' executor when they are small, one after another (each using the
 * executor inside) when they are not. Small is at most {@link #SIDE_BY_SIDE} outcomes: the default scenario's
 * variants (13 blocking demands, then 13 stated demands) are each too small to split well, while together they keep
 * every core busy; a large variant holds its frontier's levels in memory, and two at once could need twice the
 * memory the budget allows for one. Stateless.
 */
final class Variants {
    /** The most outcomes of a scenario whose variants run side by side. */
    static final BigInteger SIDE_BY_SIDE = BigInteger.valueOf(2_000_000);

    private Variants() {
    }

    /**
     * One variant: its result, or null when the time budget ran out before or while it was worked out (it is then
     * left out, never reported wrong).
     */
    @FunctionalInterface
    interface Job<T> {
        T run(AnalysisOptions inside);
    }

    /**
     * The results of {@code jobs} in their order, up to the first one left out by the budget. Each job is told the
     * options to analyse with: quiet, and on the caller's thread when the jobs run side by side. {@code stage} names
     * them to the progress listener, told as each ends. A job that fails fails the run with its exception (the
     * first in the jobs' order), once every job that started has ended; after a failure or a job left out, no job
     * starts. Nothing runs on after this returns or throws.
     */
    static <T> List<T> run(Instance z, List<Job<T>> jobs, AnalysisOptions o, String stage) {
        boolean sideBySide = z.scenario.space().count().compareTo(SIDE_BY_SIDE) <= 0;
        AnalysisOptions inside = o.withProgress(ProgressListener.NONE);
        if (sideBySide) {
            inside = inside.withExecutor(Runnable::run);
        }
        var done = new AtomicInteger();
        var stop = new AtomicBoolean();
        AnalysisOptions each = inside;
        Function<Job<T>, T> one = job -> {
            if (stop.get() || o.budget().spent()) {
                stop.set(true);
                return null;
            }
            T result = job.run(each);
            if (result == null || o.budget().spent()) {
                stop.set(true);
                return null;
            }
            o.progress().progress(stage, done.incrementAndGet(), jobs.size());
            return result;
        };
        var results = new ArrayList<T>();
        if (!sideBySide) {
            for (Job<T> job : jobs) {
                results.add(one.apply(job)); // after a job left out, the others return at once
            }
            return upToTheFirstLeftOut(results);
        }
        var failures = new AtomicReferenceArray<Throwable>(jobs.size());
        var futures = new ArrayList<CompletableFuture<T>>();
        for (int i = 0; i < jobs.size(); i++) {
            Job<T> job = jobs.get(i);
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return one.apply(job);
                } catch (RuntimeException | Error e) {
                    failures.set(index, e);
                    stop.set(true);
                    return null;
                }
            }, o.executor()));
        }
        for (var f : futures) {
            results.add(f.join()); // never completes exceptionally: each job's failure is kept above
        }
        for (int i = 0; i < jobs.size(); i++) {
            Throwable t = failures.get(i);
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t != null) {
                throw (Error) t;
            }
        }
        return upToTheFirstLeftOut(results);
    }

    private static <T> List<T> upToTheFirstLeftOut(List<T> results) {
        int cut = results.indexOf(null);
        return new ArrayList<>(cut < 0 ? results : results.subList(0, cut));
    }
}
