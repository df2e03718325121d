package dev.parley.engine.analysis;

import java.util.Arrays;

/**
 * The exact Pareto frontier of an instance additive over its slots (issues, or groups of linked issues merged into
 * one, see {@link Layout}), built slot by slot without enumerating the space. Below, "issue" means slot.
 * <p>
 * Utilities are sums over issues, and the frontier of a sum lies within the sum of the frontiers: a partial
 * package (options for the first k issues) dominated by another can never be completed into a frontier outcome,
 * because completing both the same way keeps the domination. So after each issue only the non-dominated partial
 * sums survive. Partial packages that can no longer reach every floor (even with the best options left) are
 * dropped too; this is exact because floors are upward-closed: whatever dominates a zone outcome is in the zone.
 * <p>
 * Partial packages with equal utility vectors are merged into one node that remembers every way it was reached,
 * so ties are kept, counted and listed without multiplying the work. Each node also carries the rank of its
 * lexicographically smallest outcome in slot order (the smallest outcome index when the layout keeps issue order;
 * otherwise {@link FrontierSet} finds that), for the tie rules of the solutions.
 * <p>
 * Stateless; each call allocates its own arrays.
 */
final class AdditiveFrontier {
    private AdditiveFrontier() {
    }

    /** The frontier ran into {@code maxPoints}; nothing partial is returned. */
    static final class LimitException extends Exception {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    /**
     * @param maxPoints the most distinct partial utility vectors kept after any issue
     * @param budget checked as the candidates of each issue are made and filtered
     * @param progress told after each issue
     * @throws Budget.Exceeded when the budget runs out
     */
    static FrontierSet compute(Instance inst, int maxPoints, Budget budget, ProgressListener progress)
            throws LimitException {
        return compute(inst, maxPoints, budget, progress, Runnable::run);
    }

    /** As {@link #compute(Instance, int, Budget, ProgressListener)}, the Pareto filter on {@code executor}. */
    static FrontierSet compute(Instance inst, int maxPoints, Budget budget, ProgressListener progress,
            java.util.concurrent.Executor executor) throws LimitException {
        int d = inst.dims.length;
        int n = inst.slots;
        long[][][] cells = inst.dimCells();
        long[][] sufMax = inst.suffixBound(true);
        int[][] options = inst.allowedOptions();
        boolean[] constrained = new boolean[d];
        for (int k = 0; k < d; k++) {
            constrained[k] = inst.floor[k] != Long.MIN_VALUE;
        }
        // Level 0: the empty package.
        long[][] vec = new long[d][1];
        long[] count = {1};
        long[] rank = {0};
        var levels = new FrontierSet.Level[n];
        for (int i = 0; i < n; i++) {
            int m = count.length;
            int[] opts = options[i];
            long total = (long) m * opts.length;
            if (total > Integer.MAX_VALUE - 8) {
                throw new LimitException(limitMessage(i, total, maxPoints));
            }
            int c = (int) total;
            String where = "the frontier at " + (inst.layout.trivial() ? "issue " : "issue or linked group ") + (i + 1)
                    + " of " + n;
            // The candidates' vectors and links, and about as much again for the filter's copies, index and groups.
            budget.allocate(2 * total * (8L * d + 8), where + ", " + total + " candidate packages");
            long[][] cv = new long[d][c];
            int[] candNode = new int[c];
            int[] candPos = new int[c];
            int kept = 0;
            for (int j = 0; j < m; j++) {
                if ((j & 1023) == 0) {
                    budget.check(where);
                }
                for (int pos = 0; pos < opts.length; pos++) {
                    int o = opts[pos];
                    boolean feasible = true;
                    for (int k = 0; k < d; k++) {
                        long u = vec[k][j] + cells[k][i][o];
                        cv[k][kept] = u;
                        if (constrained[k] && u + sufMax[k][i + 1] < inst.floor[k]) {
                            feasible = false;
                        }
                    }
                    if (feasible) {
                        candNode[kept] = j;
                        candPos[kept] = pos;
                        kept++;
                    }
                }
            }
            ParetoFilter.Groups groups = ParetoFilter.filter(trim(cv, kept), kept, budget, where, maxPoints,
                    executor);
            int g = groups.groupCount();
            if (g > maxPoints) {
                throw new LimitException(limitMessage(i, g, maxPoints));
            }
            long[][] nextVec = new long[d][g];
            long[] nextCount = new long[g];
            long[] minKey = new long[g];
            int[] provStart = new int[g + 1];
            int members = groups.start(g);
            int[] predNode = new int[members];
            int[] predOption = new int[members];
            int[] best = new int[g];
            for (int x = 0; x < g; x++) {
                int rep = groups.representative(x);
                for (int k = 0; k < d; k++) {
                    nextVec[k][x] = cv[k][rep];
                }
                provStart[x] = groups.start(x);
                long cnt = 0;
                long bestKey = Long.MAX_VALUE;
                for (int e = groups.start(x); e < groups.start(x + 1); e++) {
                    int cand = groups.member(e);
                    predNode[e] = candNode[cand];
                    predOption[e] = opts[candPos[cand]];
                    cnt = Math.addExact(cnt, count[candNode[cand]]);
                    long key = rank[candNode[cand]] * opts.length + candPos[cand];
                    if (key < bestKey) {
                        bestKey = key;
                        best[x] = e;
                    }
                }
                nextCount[x] = cnt;
                minKey[x] = bestKey;
            }
            provStart[g] = members;
            levels[i] = new FrontierSet.Level(provStart, predNode, predOption, best);
            vec = nextVec;
            count = nextCount;
            rank = ranks(minKey, total);
            progress.progress("frontier", i + 1, n);
        }
        return new FrontierSet(inst, levels, vec, count, rank);
    }

    private static String limitMessage(int issue, long points, int maxPoints) {
        return "more than " + String.format(java.util.Locale.ROOT, "%,d", maxPoints)
                + " non-dominated partial packages after issue " + (issue + 1) + " (" + points + ")";
    }

    private static long[][] trim(long[][] v, int n) {
        if (n == v[0].length) {
            return v;
        }
        long[][] t = new long[v.length][];
        for (int k = 0; k < v.length; k++) {
            t[k] = Arrays.copyOf(v[k], n);
        }
        return t;
    }

    /**
     * The rank of each key among all keys, smallest first. The keys are distinct and below {@code bound} (a
     * candidate's number: the previous node's rank times the options, plus the option's position), so a bitmap of
     * them and its running counts give every rank in linear time, with bound/8 + bound/16 bytes: a tenth of a
     * sort's time at 10^7 nodes, and far less than the candidates' own arrays.
     */
    static long[] ranks(long[] keys, long bound) {
        int words = (int) ((bound + 63) >>> 6);
        long[] bits = new long[words];
        for (long k : keys) {
            bits[(int) (k >>> 6)] |= 1L << k; // the shift takes k's low six bits
        }
        int[] before = new int[words];
        int count = 0;
        for (int w = 0; w < words; w++) {
            before[w] = count;
            count += Long.bitCount(bits[w]);
        }
        long[] r = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            int w = (int) (k >>> 6);
            r[i] = before[w] + Long.bitCount(bits[w] & ((1L << k) - 1));
        }
        return r;
    }
}
