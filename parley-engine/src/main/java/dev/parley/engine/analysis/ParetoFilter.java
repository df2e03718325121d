package dev.parley.engine.analysis;

import java.util.Arrays;

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
 * less when the bounds prune.
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
            default -> skyline(v, idx, out, budget, where, maxGroups);
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
            for (int dim = 0; dim < c.length; dim++) {
                c[dim] = v[dim][idx[g]];
            }
            // every survivor comes earlier in the order: at least as large a sum, and a different vector, so one at
            // least as good in every dimension is strictly better
            if (!tree.dominated(c)) {
                out.add(idx, g, end);
                tree.add(c);
            }
            g = end;
        }
    }

    /**
     * The survivors so far, as a k-d tree over their vectors (a node splits on dimension depth mod d: the left
     * subtree below its value there, the right at or above), each node with the largest coordinates of its subtree.
     * Survivors arrive in descending order of the sum, which would make a chain of a tree grown by insertion alone,
     * so it is rebuilt balanced (on medians) each time its size doubles from 32: O(n log n) in all. Insert-only. Not
     * thread-safe.
     */
    private static final class DominanceTree {
        private final int d;
        private int root = -1;
        private long[] rows = new long[0];
        private long[] max = new long[0];
        private int[] left = new int[0];
        private int[] right = new int[0];
        private int[] split = new int[0];
        private int size;
        private int lastDominator = -1;
        private int[] stack = new int[64];

        DominanceTree(int d) {
            this.d = d;
        }

        int size() {
            return size;
        }

        /** Whether some survivor is at least as good as {@code c} in every dimension. */
        boolean dominated(long[] c) {
            if (lastDominator >= 0 && covers(rows, lastDominator, c)) {
                return true;
            }
            if (size == 0) {
                return false;
            }
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int node = stack[--top];
                if (!covers(max, node, c)) {
                    continue; // nothing in this subtree reaches c in some dimension
                }
                if (covers(rows, node, c)) {
                    lastDominator = node;
                    return true;
                }
                int k = split[node];
                if (right[node] >= 0) {
                    push(right[node], top++);
                }
                // the left subtree holds values below this node's on its dimension: none reaches c if c is above
                if (left[node] >= 0 && c[k] < rows[node * d + k]) {
                    push(left[node], top++);
                }
            }
            return false;
        }

        private void push(int node, int at) {
            if (at == stack.length) {
                stack = Arrays.copyOf(stack, at * 2);
            }
            stack[at] = node;
        }

        /** Whether the vector at row {@code node} of {@code a} is at least {@code c} in every dimension. */
        private boolean covers(long[] a, int node, long[] c) {
            int at = node * d;
            for (int k = 0; k < d; k++) {
                if (a[at + k] < c[k]) {
                    return false;
                }
            }
            return true;
        }

        void add(long[] c) {
            if (size == left.length) {
                int cap = Math.max(16, size * 2);
                rows = Arrays.copyOf(rows, cap * d);
                max = Arrays.copyOf(max, cap * d);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                split = Arrays.copyOf(split, cap);
            }
            int node = size++;
            System.arraycopy(c, 0, rows, node * d, d);
            System.arraycopy(c, 0, max, node * d, d);
            left[node] = -1;
            right[node] = -1;
            if (size >= 32 && Integer.bitCount(size) == 1) {
                int[] ids = new int[size];
                for (int i = 0; i < size; i++) {
                    ids[i] = i;
                }
                root = build(ids, 0, size, 0);
                return;
            }
            if (root < 0) {
                root = node;
                split[node] = 0;
                return;
            }
            int at = root;
            int depth = 0;
            while (true) {
                for (int k = 0; k < d; k++) {
                    max[at * d + k] = Math.max(max[at * d + k], c[k]);
                }
                int k = split[at];
                boolean below = c[k] < rows[at * d + k];
                int next = below ? left[at] : right[at];
                depth++;
                if (next < 0) {
                    if (below) {
                        left[at] = node;
                    } else {
                        right[at] = node;
                    }
                    split[node] = depth % d;
                    return;
                }
                at = next;
            }
        }

        /**
         * A balanced subtree of {@code ids[from..to)}, splitting on dimension {@code depth mod d} at the median value
         * (found by quickselect; the node is one of the median's equals, the left holds only smaller values): its
         * root. O(n log n).
         */
        private int build(int[] ids, int from, int to, int depth) {
            if (from >= to) {
                return -1;
            }
            int k = depth % d;
            int mid = (from + to) >>> 1;
            select(ids, from, to - 1, mid, k);
            long value = rows[ids[mid] * d + k];
            int lt = from;
            for (int i = from; i < to; i++) {
                if (rows[ids[i] * d + k] < value) {
                    swap(ids, i, lt++);
                }
            }
            for (int i = lt; i < to; i++) {
                if (rows[ids[i] * d + k] == value) {
                    swap(ids, i, lt);
                    break;
                }
            }
            int node = ids[lt];
            split[node] = k;
            left[node] = build(ids, from, lt, depth + 1);
            right[node] = build(ids, lt + 1, to, depth + 1);
            System.arraycopy(rows, node * d, max, node * d, d);
            for (int child : new int[]{left[node], right[node]}) {
                if (child >= 0) {
                    for (int j = 0; j < d; j++) {
                        max[node * d + j] = Math.max(max[node * d + j], max[child * d + j]);
                    }
                }
            }
            return node;
        }

        /** Rearranges {@code ids[lo..hi]} so that position {@code nth} holds what sorting on {@code k} would put there. */
        private void select(int[] ids, int lo, int hi, int nth, int k) {
            while (lo < hi) {
                long pivot = rows[ids[(lo + hi) >>> 1] * d + k];
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (rows[ids[i] * d + k] < pivot) {
                        i++;
                    }
                    while (rows[ids[j] * d + k] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        swap(ids, i++, j--);
                    }
                }
                if (nth <= j) {
                    hi = j;
                } else if (nth >= i) {
                    lo = i;
                } else {
                    return;
                }
            }
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
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
