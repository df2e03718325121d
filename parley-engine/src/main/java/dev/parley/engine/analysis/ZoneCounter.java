package dev.parley.engine.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the outcomes of an instance that use only allowed options and reach every floor, exactly, by a depth-first
 * walk over issues with two bounds per party: a branch that cannot reach a floor even with the best options left is
 * cut, and a branch that reaches every floor even with the worst options left is counted whole without walking it.
 * The walk is split by the options of the first issue into tasks for the caller's executor. A budget of visited
 * branches bounds the work; past it the count is refused, never guessed. Stateless.
 */
final class ZoneCounter {
    private ZoneCounter() {
    }

    /** The count, or empty when the budget ran out or the count would not fit in a long. */
    static OptionalLong count(Instance inst, long budget, Budget time, Executor executor, ProgressListener progress) {
        BigInteger allowed = inst.allowedCount();
        if (allowed.bitLength() >= 63) {
            return OptionalLong.empty();
        }
        int[][] options = inst.allowedOptions();
        var walker = new Walker(inst, options, budget, time);
        // Tasks are contiguous ranges of the first issue's options, at most 64 of them: enough for every core,
        // few enough that a first issue of a million options does not make a million tasks.
        int first = options[0].length;
        int chunks = Math.max(1, Math.min(64, first));
        var done = new AtomicLong();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        if (walker.decidedAtRoot()) {
            futures.add(CompletableFuture.completedFuture(walker.countAll()));
        } else {
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) first * c / chunks);
                int to = (int) ((long) first * (c + 1) / chunks);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    long count = walker.countFirstOptions(from, to);
                    progress.progress("zone", done.incrementAndGet(), chunks);
                    return count;
                }, executor));
            }
        }
        try {
            long total = 0;
            for (var f : futures) {
                total += f.join();
            }
            return OptionalLong.of(total);
        } catch (CompletionException e) {
            if (e.getCause() instanceof BudgetExceeded) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("zone count budget exceeded", null, false, false);
        }
    }

    /** The shared, read-only data of one count; each task keeps its own scratch arrays. */
    private static final class Walker {
        private final int n;
        private final int d;
        private final long[][][] cells;
        private final int[][] options;
        private final long[] floor;
        private final long[][] sufMax;
        private final long[][] sufMin;
        private final long[] sufCount;
        private final AtomicLong budget;

        private final Budget time;

        Walker(Instance inst, int[][] options, long budget, Budget time) {
            this.time = time;
            this.n = inst.slots;
            this.d = inst.dims.length;
            this.cells = inst.dimCells();
            this.options = options;
            this.floor = inst.floor;
            this.sufMax = inst.suffixBound(true);
            this.sufMin = inst.suffixBound(false);
            this.sufCount = new long[n + 1];
            sufCount[n] = 1;
            for (int i = n - 1; i >= 0; i--) {
                sufCount[i] = sufCount[i + 1] * options[i].length; // fits: the whole product fits in a long
            }
            this.budget = new AtomicLong(budget);
        }

        /** Whether the bounds at the root already settle the count (all or nothing). */
        boolean decidedAtRoot() {
            return status(new long[d], 0) != 0;
        }

        long countAll() {
            return count(0, new long[n + 1][d], new long[1]);
        }

        /** The outcomes whose first issue takes one of the allowed options {@code from..to-1}. */
        long countFirstOptions(int from, int to) {
            long[][] acc = new long[n + 1][d];
            long[] visits = {0};
            long total = 0;
            for (int j = from; j < to; j++) {
                int o = options[0][j];
                for (int k = 0; k < d; k++) {
                    acc[1][k] = cells[k][0][o];
                }
                total += count(1, acc, visits);
            }
            // Whole chunks of 65,536 visits were charged on the way; charge the rest.
            if (budget.addAndGet(-(visits[0] % 65_536)) < 0) {
                throw new BudgetExceeded();
            }
            return total;
        }

        /** -1 when no completion of partial sums {@code p} at {@code level} reaches every floor, 1 when all do, else 0. */
        private int status(long[] p, int level) {
            boolean whole = true;
            for (int k = 0; k < d; k++) {
                if (floor[k] == Long.MIN_VALUE) {
                    continue;
                }
                if (p[k] + sufMax[k][level] < floor[k]) {
                    return -1;
                }
                if (p[k] + sufMin[k][level] < floor[k]) {
                    whole = false;
                }
            }
            return whole ? 1 : 0;
        }

        private long count(int level, long[][] acc, long[] visits) {
            long[] p = acc[level];
            int status = status(p, level);
            if (status != 0) {
                return status > 0 ? sufCount[level] : 0;
            }
            if (++visits[0] % 65_536 == 0 && (budget.addAndGet(-65_536) < 0 || time.spent())) {
                throw new BudgetExceeded();
            }
            long total = 0;
            long[] next = acc[level + 1];
            for (int o : options[level]) {
                for (int k = 0; k < d; k++) {
                    next[k] = p[k] + cells[k][level][o];
                }
                total += count(level + 1, acc, visits);
            }
            return total;
        }
    }
}
