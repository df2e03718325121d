package dev.parley.engine.analysis;

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
        // Level 0: the empty package. A null count means one outcome per node.
        long[][] vec = new long[d][1];
        long[] count = null;
        int[] rank = {0};
        var levels = new FrontierSet.Level[n];
        for (int i = 0; i < n; i++) {
            int m = vec[0].length;
            int[] opts = options[i];
            int len = opts.length;
            long total = (long) m * len;
            if (total > Integer.MAX_VALUE - 8) {
                throw new LimitException(limitMessage(i, total, maxPoints));
            }
            String where = "the frontier at " + (inst.layout.trivial() ? "issue " : "issue or linked group ") + (i + 1)
                    + " of " + n;
            long[][] slotCells = new long[d][];
            for (int k = 0; k < d; k++) {
                slotCells[k] = cells[k][i];
            }
            int slot = i;
            CandidateMerge.Feasible feasible = u -> {
                for (int k = 0; k < d; k++) {
                    if (constrained[k] && u[k] + sufMax[k][slot + 1] < inst.floor[k]) {
                        return false;
                    }
                }
                return true;
            };
            // Candidate numbers: node j extended by the option at position p is j * len + p (below 2^31, see above).
            ParetoFilter.Groups groups;
            long[][] cv = null; // the candidates' vectors, when they are materialised
            int[] cand = null; // their numbers
            if (d <= 2 && m >= len) {
                // Merged, never held: at most every candidate survives, with its number, group start, vector, rank.
                budget.allocate(total * (8L * d + 16), where + ", " + total + " candidate packages");
                groups = CandidateMerge.filter(vec, m, slotCells, opts, feasible, budget, where, maxPoints);
            } else {
                // The candidates' vectors and numbers, and the filter's index, sort keys, sums and ranks.
                budget.allocate(total * (8L * d + 36), where + ", " + total + " candidate packages");
                cv = new long[d][(int) total];
                cand = new int[(int) total];
                long[] u = new long[d];
                int kept = 0;
                for (int j = 0; j < m; j++) {
                    if ((j & 1023) == 0) {
                        budget.check(where);
                    }
                    for (int p = 0; p < len; p++) {
                        for (int k = 0; k < d; k++) {
                            u[k] = vec[k][j] + slotCells[k][opts[p]];
                            cv[k][kept] = u[k];
                        }
                        if (feasible.test(u)) {
                            cand[kept++] = j * len + p;
                        }
                    }
                }
                groups = ParetoFilter.filter(cv, kept, budget, where, maxPoints, executor);
            }
            int g = groups.groupCount();
            if (g > maxPoints) {
                throw new LimitException(limitMessage(i, g, maxPoints));
            }
            int members = groups.start(g);
            boolean ties = members > g;
            boolean counted = ties || count != null;
            budget.allocate((long) g * (8L * d + 4 + (ties ? 8 : 0) + (counted ? 8 : 0)) + 4L * members,
                    where + ", " + g + " nodes");
            long[][] nextVec = new long[d][g];
            int[] pred = new int[members];
            for (int e = 0; e < members; e++) {
                int c = groups.member(e);
                pred[e] = cand == null ? c : cand[c];
            }
            for (int x = 0; x < g; x++) {
                int rep = groups.representative(x);
                if (cv != null) {
                    for (int k = 0; k < d; k++) {
                        nextVec[k][x] = cv[k][rep];
                    }
                } else {
                    int j = rep / len;
                    int o = opts[rep - j * len];
                    for (int k = 0; k < d; k++) {
                        nextVec[k][x] = vec[k][j] + slotCells[k][o];
                    }
                }
            }
            cv = null; // let the candidates go before the nodes' own arrays are made
            cand = null;
            int[] provStart = ties ? new int[g + 1] : null;
            int[] best = ties ? new int[g] : null;
            long[] nextCount = counted ? new long[g] : null;
            int[] minKey = new int[g];
            for (int x = 0; x < g; x++) {
                long cnt = 0;
                int bestKey = Integer.MAX_VALUE;
                int bestEntry = -1;
                for (int e = groups.start(x); e < groups.start(x + 1); e++) {
                    int j = pred[e] / len;
                    cnt = Math.addExact(cnt, count == null ? 1 : count[j]);
                    int key = rank[j] * len + (pred[e] - j * len); // below total: a candidate number in rank order
                    if (key < bestKey) {
                        bestKey = key;
                        bestEntry = e;
                    }
                }
                if (ties) {
                    provStart[x] = groups.start(x);
                    best[x] = bestEntry;
                }
                if (counted) {
                    nextCount[x] = cnt;
                }
                minKey[x] = bestKey;
            }
            if (ties) {
                provStart[g] = members;
            }
            levels[i] = new FrontierSet.Level(provStart, pred, opts, best);
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

    /**
     * The rank of each key among all keys, smallest first, written over the keys (which are returned). The keys are
     * distinct and below {@code bound} (a candidate's number in rank order: the previous node's rank times the
     * options, plus the option's position), so a bitmap of them and its running counts give every rank in linear
     * time, with bound/8 + bound/16 bytes: a tenth of a sort's time at 10^7 nodes, and far less than the nodes' own
     * arrays.
     */
    static int[] ranks(int[] keys, long bound) {
        int words = (int) ((bound + 63) >>> 6);
        long[] bits = new long[words];
        for (int k : keys) {
            bits[k >>> 6] |= 1L << k; // the shift takes k's low six bits
        }
        int[] before = new int[words];
        int count = 0;
        for (int w = 0; w < words; w++) {
            before[w] = count;
            count += Long.bitCount(bits[w]);
        }
        for (int i = 0; i < keys.length; i++) {
            int k = keys[i];
            int w = k >>> 6;
            keys[i] = before[w] + Long.bitCount(bits[w] & ((1L << k) - 1));
        }
        return keys;
    }
}
