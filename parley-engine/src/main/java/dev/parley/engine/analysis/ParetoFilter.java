package dev.parley.engine.analysis;

import dev.parley.engine.Parallel;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The non-dominated candidates of a set of utility vectors ({@code long} ticks, larger is better), exact, with
 * duplicates of a vector kept together as one group. A candidate is dominated when another is at least as good for
 * every party and better for one.
 * <ul>
 * <li>1 party: the candidates with the largest value.
 * <li>2 parties: sort by (u0, u1) descending and sweep the best u1 seen: O(n log n).
 * <li>3 parties: sort by (u0, u1, u2) descending and sweep with a Fenwick tree holding, per rank of u1, the best
 * u2 seen (Kung et al.): O(n log n).
 * <li>4+ parties: sort by the sum descending (a dominator always comes first), then keep each candidate no kept one
 * dominates (sort-filter-skyline), the kept ones in a k-d tree with subtree bounds: O(n · frontier) at worst, far
 * less when the bounds prune. On an executor of several threads, large sets are filtered a block at a time: the
 * block's candidates are checked against the survivors of the blocks before it side by side, then those left
 * against the block's own survivors in order, which keeps the answer exactly the one-thread answer.
 * </ul>
 * Stateless and thread-safe.
 */
final class ParetoFilter {
    private ParetoFilter() {
    }

    /**
     * The survivors among candidates {@code 0..n-1}, whose utility for dimension k is {@code v[k][candidate]}.
     * Survivors are returned grouped by equal vectors, in descending order of the sort used.
     */
    static Groups filter(long[][] v, int n) {
        return filter(v, n, Budget.UNLIMITED, "", Integer.MAX_VALUE);
    }

    /**
     * As {@link #filter(long[][], int)}, checking {@code budget} as it goes ({@code where}: for its message), and
     * stopping as soon as more than {@code maxGroups} groups survive (survivors are never dropped later, so then the
     * answer "more than maxGroups" is already exact; the groups returned are not all of them).
     */
    static Groups filter(long[][] v, int n, Budget budget, String where, int maxGroups) {
        return filter(v, n, budget, where, maxGroups, Runnable::run);
    }

    /** As {@link #filter(long[][], int, Budget, String, int)}, the skyline of 4+ parties on {@code executor}. */
    static Groups filter(long[][] v, int n, Budget budget, String where, int maxGroups, Executor executor) {
        int d = v.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        // Primary key: the sum for 4+ dimensions, else the first utility; then the others, descending.
        long[] primary = d >= 4 ? sums(v, n) : v[0];
        int firstTie = d >= 4 ? 0 : 1;
        IndexSort.sortByKey(idx, n, primary, true, (a, b) -> {
            for (int k = firstTie; k < d; k++) {
                if (v[k][a] != v[k][b]) {
                    return Long.compare(v[k][b], v[k][a]);
                }
            }
            return Integer.compare(a, b);
        });
        var out = new Groups(n);
        switch (d) {
            case 1 -> keepMax(v, idx, out);
            case 2 -> sweep2(v, idx, out);
            case 3 -> sweep3(v, idx, out);
            default -> {
                int threads = executor instanceof ForkJoinPool pool ? pool.getParallelism() : 1;
                if (threads > 1 && n >= PARALLEL_FROM) {
                    skylineInBlocks(v, idx, out, budget, where, maxGroups, executor, threads);
                } else {
                    skyline(v, idx, out, budget, where, maxGroups);
                }
            }
        }
        return out;
    }

    private static long[] sums(long[][] v, int n) {
        long[] s = new long[n];
        for (long[] dim : v) {
            for (int i = 0; i < n; i++) {
                s[i] += dim[i];
            }
        }
        return s;
    }

    /** The end of the run of candidates equal to {@code idx[from]}. */
    private static int groupEnd(long[][] v, int[] idx, int from) {
        int end = from + 1;
        while (end < idx.length && equal(v, idx[from], idx[end])) {
            end++;
        }
        return end;
    }

    private static boolean equal(long[][] v, int a, int b) {
        for (long[] dim : v) {
            if (dim[a] != dim[b]) {
                return false;
            }
        }
        return true;
    }

    private static void keepMax(long[][] v, int[] idx, Groups out) {
        if (idx.length > 0) {
            out.add(idx, 0, groupEnd(v, idx, 0));
        }
    }

    private static void sweep2(long[][] v, int[] idx, Groups out) {
        long[] u1 = v[1];
        long best = Long.MIN_VALUE;
        for (int g = 0; g < idx.length;) {
            int end = groupEnd(v, idx, g);
            long y = u1[idx[g]];
            if (y > best) {
                out.add(idx, g, end);
                best = y;
            }
            g = end;
        }
    }

    private static void sweep3(long[][] v, int[] idx, Groups out) {
        int n = idx.length;
        long[] u1 = v[1];
        long[] u2 = v[2];
        // Ranks of u1, largest first, so "u1' >= u1" becomes a prefix of ranks.
        long[] distinct = Arrays.copyOf(u1, n);
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        long[] tree = new long[m + 1];
        Arrays.fill(tree, Long.MIN_VALUE);
        for (int g = 0; g < n;) {
            int end = groupEnd(v, idx, g);
            int c = idx[g];
            int rank = m - Arrays.binarySearch(distinct, 0, m, u1[c]); // 1-based, largest u1 is 1
            long bestU2 = Long.MIN_VALUE;
            for (int r = rank; r > 0; r -= r & -r) {
                bestU2 = Math.max(bestU2, tree[r]);
            }
            // Every earlier group has u0' >= u0; one with u1' >= u1 and u2' >= u2 differs somewhere, so dominates.
            if (bestU2 < u2[c]) {
                out.add(idx, g, end);
                for (int r = rank; r <= m; r += r & -r) {
                    tree[r] = Math.max(tree[r], u2[c]);
                }
            }
            g = end;
        }
    }

    /**
     * Sort-filter-skyline (Chomicki, Godfrey, Gryz and Liang, "Skyline with presorting", 2003): in descending order
     * of the sum, a candidate survives unless a survivor dominates it. The survivors are kept in a k-d tree (Bentley
     * 1975) whose every node also holds the largest coordinates of its subtree, so that the question "does a
     * survivor dominate this candidate?" skips every subtree whose largest coordinates fall short of it in some
     * dimension, and a subtree below the splitting value where the candidate is above it; the survivor that
     * dominated the last candidate is asked first. All of this changes only the work, not the answer.
     */
    private static void skyline(long[][] v, int[] idx, Groups out, Budget budget, String where, int maxGroups) {
        var tree = new DominanceTree(v.length);
        long[] c = new long[v.length];
        int checked = 0;
        for (int g = 0; g < idx.length && tree.size() <= maxGroups;) {
            if ((++checked & 255) == 0) {
                budget.check(where + " (the Pareto filter)");
            }
            int end = groupEnd(v, idx, g);
            vector(v, idx[g], c);
            // every survivor comes earlier in the order: at least as large a sum, and a different vector, so one at
            // least as good in every dimension is strictly better
            if (!tree.dominated(c)) {
                out.add(idx, g, end);
                tree.add(c);
            }
            g = end;
        }
    }

    /** Candidates from which the skyline is worth splitting among threads. */
    static final int PARALLEL_FROM = 16_384;
    /** A block of the split skyline: about as many groups as have survived so far, within these bounds. */
    private static final int MIN_BLOCK = 1_024;
    private static final int MAX_BLOCK = 8_192;

    /**
     * The skyline of {@link #skyline}, a block of groups at a time: first each group of the block is checked against
     * the survivors of the earlier blocks, on {@code threads} tasks at once (the tree is only read then), then, in
     * order, each group no earlier survivor dominates is checked against the survivors of its own block before it.
     * Every survivor comes earlier in the order than what it dominates, so this is the one-thread answer, in its
     * order.
     */
    private static void skylineInBlocks(long[][] v, int[] idx, Groups out, Budget budget, String where,
            int maxGroups, Executor executor, int threads) {
        int d = v.length;
        int[] starts = new int[idx.length + 1];
        int groups = 0;
        for (int g = 0; g < idx.length; g = groupEnd(v, idx, g)) {
            starts[groups++] = g;
        }
        starts[groups] = idx.length;
        var tree = new DominanceTree(d);
        boolean[] beaten = new boolean[MAX_BLOCK];
        long[] c = new long[d];
        for (int from = 0; from < groups && tree.size() <= maxGroups;) {
            budget.check(where + " (the Pareto filter)");
            int first = from;
            int len = Math.min(groups - from, Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, tree.size() / 4)));
            int tasks = Math.min(len, threads * 4);
            Parallel.forEach(tasks, executor, threads, () -> false, t -> {
                var search = new DominanceTree.Search();
                long[] mine = new long[d];
                int hi = first + (int) ((long) len * (t + 1) / tasks);
                for (int g = first + (int) ((long) len * t / tasks); g < hi; g++) {
                    if ((g & 255) == 0) {
                        budget.check(where + " (the Pareto filter)"); // thrown out of Parallel.forEach
                    }
                    vector(v, idx[starts[g]], mine);
                    beaten[g - first] = tree.dominated(mine, search);
                }
            }, done -> {
            }, "blocks");
            var block = new DominanceTree(d);
            int[] kept = new int[len];
            int keptCount = 0;
            for (int g = first; g < first + len && tree.size() + block.size() <= maxGroups; g++) {
                if (beaten[g - first]) {
                    continue;
                }
                vector(v, idx[starts[g]], c);
                if (!block.dominated(c)) {
                    out.add(idx, starts[g], starts[g + 1]);
                    block.add(c);
                    kept[keptCount++] = g;
                }
            }
            for (int i = 0; i < keptCount; i++) {
                vector(v, idx[starts[kept[i]]], c);
                tree.add(c);
            }
            from += len;
        }
    }

    /** Candidate {@code candidate}'s utility vector, into {@code into}. */
    private static void vector(long[][] v, int candidate, long[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = v[k][candidate];
        }
    }

    /** Survivors grouped by equal vectors: group g is {@code members[start(g) .. start(g + 1))}. */
    static final class Groups {
        private int[] members;
        private int[] starts;
        private int size;
        private int groups;

        Groups(int capacity) {
            members = new int[Math.max(1, Math.min(capacity, 1024))];
            starts = new int[16];
        }

        void add(int[] idx, int from, int to) {
            int len = to - from;
            if (len == 1 && size < members.length && groups + 2 <= starts.length) { // the usual group: no tie
                members[size] = idx[from];
                starts[groups] = size;
                starts[++groups] = ++size;
                return;
            }
            if (size + len > members.length) {
                members = Arrays.copyOf(members, Math.max(members.length * 2, size + len));
            }
            if (groups + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            System.arraycopy(idx, from, members, size, len);
            starts[groups] = size;
            size += len;
            groups++;
            starts[groups] = size;
        }

        int groupCount() {
            return groups;
        }

        int start(int g) {
            return starts[g];
        }

        int member(int i) {
            return members[i];
        }

        /** The first member of group g; all members share its vector. */
        int representative(int g) {
            return members[starts[g]];
        }
    }
}
