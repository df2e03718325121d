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
 * One instance per call, confined to it.
 */
final class CandidateMerge {

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
        return new CandidateMerge(vec, nodes, cells, opts, feasible, budget, where).sweep(maxGroups);
    }

    private final long[][] vec;
    private final int nodes;
    private final long[][] cells;
    private final int[] opts;
    private final Feasible feasible;
    private final Budget budget;
    private final String where;
    /** Per list (option position): its head's vector, candidate number and node. */
    private final long[][] head;
    private final int[] headId;
    private final int[] cursor;
    /** The lists with a head left, as a binary heap by {@link #before}. */
    private final int[] heap;
    private int size;
    private final long[] u;
    /** Candidates looked at, for the time budget's checks. */
    private int looked;

    private CandidateMerge(long[][] vec, int nodes, long[][] cells, int[] opts, Feasible feasible, Budget budget,
            String where) {
        this.vec = vec;
        this.nodes = nodes;
        this.cells = cells;
        this.opts = opts;
        this.feasible = feasible;
        this.budget = budget;
        this.where = where + " (the Pareto filter)";
        int d = vec.length;
        int len = opts.length;
        head = new long[d][len];
        headId = new int[len];
        cursor = new int[len];
        heap = new int[len];
        u = new long[d];
        for (int l = 0; l < len; l++) {
            if (advance(l, 0)) {
                heap[size] = l;
                siftUp(size++);
            }
        }
    }

    private ParetoFilter.Groups sweep(int maxGroups) {
        int d = vec.length;
        var out = new ParetoFilter.Groups(1024);
        int[] run = new int[16];
        long[] runVec = new long[d];
        long best = Long.MIN_VALUE;
        while (size > 0 && out.groupCount() <= maxGroups) {
            // One run of equal vectors: the heap's top, and every head equal to it.
            int top = heap[0];
            for (int k = 0; k < d; k++) {
                runVec[k] = head[k][top];
            }
            int runLength = 0;
            while (size > 0 && sameVector(heap[0], runVec)) {
                int l = heap[0];
                if (runLength == run.length) {
                    run = java.util.Arrays.copyOf(run, run.length * 2);
                }
                run[runLength++] = headId[l];
                if (!advance(l, cursor[l] + 1)) {
                    heap[0] = heap[--size];
                }
                siftDown(0);
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
    private boolean advance(int p, int from) {
        int o = opts[p];
        for (int j = from; j < nodes; j++) {
            if ((++looked & 1023) == 0) {
                budget.check(where);
            }
            for (int k = 0; k < u.length; k++) {
                u[k] = vec[k][j] + cells[k][o];
            }
            if (feasible.test(u)) {
                for (int k = 0; k < u.length; k++) {
                    head[k][p] = u[k];
                }
                headId[p] = j * opts.length + p;
                cursor[p] = j;
                return true;
            }
        }
        return false;
    }

    private boolean sameVector(int l, long[] v) {
        for (int k = 0; k < v.length; k++) {
            if (head[k][l] != v[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether list a's head comes before list b's: the larger vector, or the smaller candidate number. */
    private boolean before(int a, int b) {
        for (long[] dim : head) {
            if (dim[a] != dim[b]) {
                return dim[a] > dim[b];
            }
        }
        return headId[a] < headId[b];
    }

    private void siftUp(int i) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(x, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private void siftDown(int i) {
        if (size == 0) {
            return;
        }
        int x = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], x)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }
}
