package dev.parley.engine.analysis;

import java.util.Arrays;

/**
 * The survivors of {@link ParetoFilter}'s skyline so far, as a k-d tree over their vectors (a node splits on dimension depth mod d: the left
 * subtree below its value there, the right at or above), each node with the largest coordinates of its subtree.
 * Survivors arrive in descending order of the sum, which would make a chain of a tree grown by insertion alone,
 * so it is rebuilt balanced (on medians) each time its size doubles from 32: O(n log n) in all. Insert-only. Not
 * thread-safe, except that many threads may search it at once, each with its own {@link Search}, while nothing is
 * added.
 */
final class DominanceTree {
    private final int d;
    private int root = -1;
    /**
     * Node n's largest coordinates of its subtree at {@code [n·2d, n·2d + d)}, its own vector right after them: the
     * two a search reads of a node, side by side in memory.
     */
    private long[] data = new long[0];
    private int[] left = new int[0];
    private int[] right = new int[0];
    private int[] split = new int[0];
    private int size;
    private final Search own = new Search();

    /**
     * One searcher's scratch: its stack, and the survivor that dominated its last candidate (asked first next time).
     * Several threads may search one tree at once, each with its own, while nothing is added. A search serves one
     * tree: the tree only grows, so the node it remembers stays valid.
     */
    static final class Search {
        private int lastDominator = -1;
        private int[] stack = new int[64];
    }

    DominanceTree(int d) {
        this.d = d;
    }

    int size() {
        return size;
    }

    /** Whether some survivor is at least as good as {@code c} in every dimension. */
    boolean dominated(long[] c) {
        return dominated(c, own);
    }

    /** As {@link #dominated(long[])}, with the caller's scratch: safe from many threads while nothing is added. */
    boolean dominated(long[] c, Search s) {
        if (s.lastDominator >= 0 && covers(row(s.lastDominator), c)) {
            return true;
        }
        if (size == 0) {
            return false;
        }
        int[] stack = s.stack;
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int node = stack[--top];
            if (!covers(node * 2 * d, c)) {
                continue; // nothing in this subtree reaches c in some dimension
            }
            if (covers(row(node), c)) {
                s.lastDominator = node;
                s.stack = stack;
                return true;
            }
            int k = split[node];
            if (top + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            if (right[node] >= 0) {
                stack[top++] = right[node];
            }
            // the left subtree holds values below this node's on its dimension: none reaches c if c is above
            if (left[node] >= 0 && c[k] < data[row(node) + k]) {
                stack[top++] = left[node];
            }
        }
        s.stack = stack;
        return false;
    }

    /** Where node {@code node}'s own vector starts in {@link #data}. */
    private int row(int node) {
        return node * 2 * d + d;
    }

    /** Whether the d values of {@link #data} from {@code at} are at least {@code c} in every dimension. */
    private boolean covers(int at, long[] c) {
        for (int k = 0; k < d; k++) {
            if (data[at + k] < c[k]) {
                return false;
            }
        }
        return true;
    }

    void add(long[] c) {
        if (size == left.length) {
            int cap = Math.max(16, size * 2);
            data = Arrays.copyOf(data, cap * 2 * d);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            split = Arrays.copyOf(split, cap);
        }
        int node = size++;
        System.arraycopy(c, 0, data, row(node), d);
        System.arraycopy(c, 0, data, node * 2 * d, d);
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
                data[at * 2 * d + k] = Math.max(data[at * 2 * d + k], c[k]);
            }
            int k = split[at];
            boolean below = c[k] < data[row(at) + k];
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
        long value = data[row(ids[mid]) + k];
        int lt = from;
        for (int i = from; i < to; i++) {
            if (data[row(ids[i]) + k] < value) {
                swap(ids, i, lt++);
            }
        }
        for (int i = lt; i < to; i++) {
            if (data[row(ids[i]) + k] == value) {
                swap(ids, i, lt);
                break;
            }
        }
        int node = ids[lt];
        split[node] = k;
        left[node] = build(ids, from, lt, depth + 1);
        right[node] = build(ids, lt + 1, to, depth + 1);
        System.arraycopy(data, row(node), data, node * 2 * d, d);
        for (int child : new int[]{left[node], right[node]}) {
            if (child >= 0) {
                for (int j = 0; j < d; j++) {
                    data[node * 2 * d + j] = Math.max(data[node * 2 * d + j], data[child * 2 * d + j]);
                }
            }
        }
        return node;
    }

    /** Rearranges {@code ids[lo..hi]} so that position {@code nth} holds what sorting on {@code k} would put there. */
    private void select(int[] ids, int lo, int hi, int nth, int k) {
        while (lo < hi) {
            long pivot = data[row(ids[(lo + hi) >>> 1]) + k];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (data[row(ids[i]) + k] < pivot) {
                    i++;
                }
                while (data[row(ids[j]) + k] > pivot) {
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
