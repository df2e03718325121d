package dev.parley.engine.analysis;

/**
 * The Pareto filter of one frontier step for one or two dimensions, without materialising the candidates. A
 * candidate extends node j of the previous step by the option at position p of the slot; it is numbered
 * {@code j * options + p}. The previous nodes come in descending lexicographic order of their vectors (what this
 * filter and {@link ParetoFilter} return), and adding one option's cells to every node keeps that order, so the
 * candidates of one option form a sorted list. A k-way merge of these lists, one per option (a binary heap,
 * Williams 1964), yields every candidate in exactly the order {@link ParetoFilter} sorts them: vectors
 * descending, equal vectors by candidate number. The sweep of {@link ParetoFilter} then keeps the largest vector
 * (one dimension) or each vector whose second utility beats every earlier one (two). What is held is the survivors'
 * numbers and a few numbers per list, never the candidates.
 * <p>
 * Stateless; each call allocates its own arrays.
 */
final class CandidateMerge {
    private CandidateMerge() {
    }

    /** Decides whether candidate vectors may still reach every floor. */
    interface Feasible {
        boolean test(long[] u);
    }

    /**
     * The surviving candidates, grouped by equal vectors in the merged order: group members are candidate numbers.
     *
     * @param vec the previous nodes' vectors, {@code vec[k][j]}, in descending lexicographic order
     * @param nodes how many previous nodes: at least as many as options, or sorting the candidates costs less
     * @param cells this slot's cells by option, {@code cells[k][option]}
     * @param opts the slot's allowed options
     * @param feasible which candidate vectors to keep
     * @param maxGroups stop as soon as more groups than this survive
     */
    static ParetoFilter.Groups filter(long[][] vec, int nodes, long[][] cells, int[] opts, Feasible feasible,
            Budget budget, String where, int maxGroups) {
        int d = vec.length;
        int len = opts.length;
        long[][] head = new long[d][len];
        int[] headId = new int[len];
        int[] cursor = new int[len];
        int[] heap = new int[len];
        int size = 0;
        long[] u = new long[d];
        for (int l = 0; l < len; l++) {
            if (advance(l, 0, nodes, len, vec, cells, opts, feasible, u, head, headId, cursor)) {
                heap[size] = l;
                siftUp(heap, size++, head, headId);
            }
        }
        var out = new ParetoFilter.Groups(1024);
        int[] run = new int[16];
        long[] runVec = new long[d];
        long best = Long.MIN_VALUE;
        int popped = 0;
        while (size > 0 && out.groupCount() <= maxGroups) {
            // One run of equal vectors: the heap's top, and every head equal to it.
            int top = heap[0];
            for (int k = 0; k < d; k++) {
                runVec[k] = head[k][top];
            }
            int runLength = 0;
            while (size > 0 && sameVector(head, heap[0], runVec)) {
                if ((++popped & 1023) == 0) {
                    budget.check(where + " (the Pareto filter)");
                }
                int l = heap[0];
                if (runLength == run.length) {
                    run = java.util.Arrays.copyOf(run, run.length * 2);
                }
                run[runLength++] = headId[l];
                if (advance(l, cursor[l] + 1, nodes, len, vec, cells, opts, feasible, u, head, headId,
                        cursor)) {
                    siftDown(heap, 0, size, head, headId);
                } else {
                    heap[0] = heap[--size];
                    siftDown(heap, 0, size, head, headId);
                }
            }
            if (d == 1) {
                out.add(run, 0, runLength);
                break;
            }
            if (runVec[1] > best) {
                out.add(run, 0, runLength);
                best = runVec[1];
            }
        }
        return out;
    }

    /**
     * Moves the list of option position {@code p} to its first feasible candidate at or after node {@code from};
     * false when there is none.
     */
    private static boolean advance(int p, int from, int nodes, int len, long[][] vec, long[][] cells, int[] opts,
            Feasible feasible, long[] u, long[][] head, int[] headId, int[] cursor) {
        int o = opts[p];
        for (int j = from; j < nodes; j++) {
            for (int k = 0; k < u.length; k++) {
                u[k] = vec[k][j] + cells[k][o];
            }
            if (feasible.test(u)) {
                for (int k = 0; k < u.length; k++) {
                    head[k][p] = u[k];
                }
                headId[p] = j * len + p;
                cursor[p] = j;
                return true;
            }
        }
        return false;
    }

    private static boolean sameVector(long[][] head, int l, long[] v) {
        for (int k = 0; k < v.length; k++) {
            if (head[k][l] != v[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether list a's head comes before list b's: the larger vector, or the smaller candidate number. */
    private static boolean before(long[][] head, int[] headId, int a, int b) {
        for (long[] dim : head) {
            if (dim[a] != dim[b]) {
                return dim[a] > dim[b];
            }
        }
        return headId[a] < headId[b];
    }

    private static void siftUp(int[] heap, int i, long[][] head, int[] headId) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(head, headId, x, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private static void siftDown(int[] heap, int i, int size, long[][] head, int[] headId) {
        if (size == 0) {
            return;
        }
        int x = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(head, headId, heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(head, headId, heap[child], x)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }
}
