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
 * The walk is split by the options of the first issues into tasks for the caller's executor. A budget of visited
 * branches bounds the work; past it the count is refused, never guessed. Stateless.
 */
final class ZoneCounter {
    private ZoneCounter() {
    }

    /** The count, or empty when the budget ran out or the count would not fit in a long. */
    static OptionalLong count(Instance inst, long budget, Executor executor, ProgressListener progress) {
        BigInteger allowed = inst.allowedCount();
        if (allowed.bitLength() >= 63) {
            return OptionalLong.empty();
        }
        int[][] options = inst.allowedOptions();
        int n = inst.issues;
        // Split on as many leading issues as give a few tasks per core.
        int split = 0;
        long tasks = 1;
        while (split < n && tasks < 64) {
            tasks *= Math.max(1, options[split].length);
            split++;
        }
        var walker = new Walker(inst, options, budget);
        var prefixes = new ArrayList<int[]>();
        collect(options, split, 0, new int[split], prefixes);
        var done = new AtomicLong();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int[] prefix : prefixes) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                long c = walker.countFrom(prefix);
                progress.progress("zone", done.incrementAndGet(), prefixes.size());
                return c;
            }, executor));
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

    private static void collect(int[][] options, int split, int i, int[] prefix, List<int[]> out) {
        if (i == split) {
            out.add(prefix.clone());
            return;
        }
        for (int o : options[i]) {
            prefix[i] = o;
            collect(options, split, i + 1, prefix, out);
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

        Walker(Instance inst, int[][] options, long budget) {
            this.n = inst.issues;
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

        long countFrom(int[] prefix) {
            long[][] acc = new long[n + 1][d];
            for (int i = 0; i < prefix.length; i++) {
                for (int k = 0; k < d; k++) {
                    acc[i + 1][k] = acc[i][k] + cells[k][i][prefix[i]];
                }
            }
            long[] visits = {0};
            long c = count(prefix.length, acc, visits);
            // Whole chunks of 65,536 visits were charged on the way; charge the rest.
            if (budget.addAndGet(-(visits[0] % 65_536)) < 0) {
                throw new BudgetExceeded();
            }
            return c;
        }

        private long count(int level, long[][] acc, long[] visits) {
            long[] p = acc[level];
            boolean whole = true;
            for (int k = 0; k < d; k++) {
                if (floor[k] == Long.MIN_VALUE) {
                    continue;
                }
                if (p[k] + sufMax[k][level] < floor[k]) {
                    return 0;
                }
                if (p[k] + sufMin[k][level] < floor[k]) {
                    whole = false;
                }
            }
            if (whole) {
                return sufCount[level];
            }
            if (++visits[0] % 65_536 == 0 && budget.addAndGet(-65_536) < 0) {
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
