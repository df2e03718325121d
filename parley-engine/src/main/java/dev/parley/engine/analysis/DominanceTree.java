package dev.parley.engine.analysis;

import java.util.Arrays;

/**
 * The survivors of {@link ParetoFilter}'s skyline so far, as a k-d tree over their vectors (a node splits on dimension depth mod d: the left
 * subtree below its value there, the right at or above), each node with the largest coordinates of its subtree.
 * Survivors arrive in descending order of the sum, which would make a chain of a tree grown by insertion alone,
 * so it is rebuilt balanced (on medians) each time its size doubles from 32: O(n log n) in all. Insert-only. Not
 * thread-safe.
 */
final class DominanceTree {
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
