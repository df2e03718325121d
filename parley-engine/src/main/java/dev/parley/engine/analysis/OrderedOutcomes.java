package dev.parley.engine.analysis;

import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The outcomes of one frontier node, smallest slot choice first, one at a time: for layouts that keep the order of
 * outcome indices ({@link Layout#ordered}), that is the order of their indices. Nothing but the way to them is held,
 * so a node with 10^9 tied outcomes lists them as a node with two does.
 * <p>
 * The way back from the node ({@link FrontierSet.Level}) is turned forward: first the nodes of each earlier slot
 * from which the node can be reached, then, per slot, each such node's steps (option, next node) that stay among
 * them, sorted by node and option. A depth-first walk over those steps, options in ascending order, then meets
 * every outcome of the node exactly once, in order, and never a dead end. Memory: a bit per node of each slot and
 * three ints per step that leads to the node. Not thread-safe.
 */
final class OrderedOutcomes implements Iterator<int[]> {
    private final Layout layout;
    /** Per slot i: the steps into slot i's nodes, by (from, option): from is a node of slot i - 1 (0 for slot 0). */
    private final int[][] from;
    private final int[][] option;
    private final int[][] to;
    /** The walk: per slot, the step taken and the end of the steps out of the node it left from. */
    private final int[] at;
    private final int[] end;
    private final int[] slots;
    private final int[] choice;
    private boolean ready;
    private boolean done;

    OrderedOutcomes(FrontierSet.Level[] levels, Layout layout, int issues, int node) {
        this.layout = layout;
        int n = levels.length;
        BitSet[] reach = new BitSet[n];
        reach[n - 1] = new BitSet();
        reach[n - 1].set(node);
        for (int i = n - 1; i > 0; i--) {
            reach[i - 1] = new BitSet();
            for (int x = reach[i].nextSetBit(0); x >= 0; x = reach[i].nextSetBit(x + 1)) {
                for (int e = levels[i].start(x); e < levels[i].end(x); e++) {
                    reach[i - 1].set(levels[i].predNode(e));
                }
            }
        }
        from = new int[n][];
        option = new int[n][];
        to = new int[n][];
        for (int i = 0; i < n; i++) {
            FrontierSet.Level level = levels[i];
            int steps = 0;
            for (int x = reach[i].nextSetBit(0); x >= 0; x = reach[i].nextSetBit(x + 1)) {
                steps += level.end(x) - level.start(x);
            }
            int[] f = new int[steps];
            int[] o = new int[steps];
            int[] t = new int[steps];
            int k = 0;
            for (int x = reach[i].nextSetBit(0); x >= 0; x = reach[i].nextSetBit(x + 1)) {
                for (int e = level.start(x); e < level.end(x); e++) {
                    f[k] = level.predNode(e);
                    o[k] = level.predOption(e);
                    t[k++] = x;
                }
            }
            int[] order = new int[steps];
            for (int s = 0; s < steps; s++) {
                order[s] = s;
            }
            IndexSort.sort(order, 0, steps, (a, b) -> f[a] != f[b]
                    ? Integer.compare(f[a], f[b])
                    : Integer.compare(o[a], o[b]));
            from[i] = new int[steps];
            option[i] = new int[steps];
            to[i] = new int[steps];
            for (int s = 0; s < steps; s++) {
                from[i][s] = f[order[s]];
                option[i][s] = o[order[s]];
                to[i][s] = t[order[s]];
            }
        }
        at = new int[n];
        end = new int[n];
        slots = new int[n];
        choice = new int[issues];
        descend(0, 0);
        ready = true;
    }

    /** Takes the first step out of node {@code x} at slot {@code i}, and the first steps of every slot after it. */
    private void descend(int i, int x) {
        for (int s = i; s < at.length; s++) {
            int lo = lowerBound(from[s], x);
            int hi = lowerBound(from[s], x + 1);
            // every node on the way reaches the node listed, so it has a step out at every slot
            at[s] = lo;
            end[s] = hi;
            x = to[s][lo];
        }
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean hasNext() {
        if (!ready && !done) {
            // the next step: the deepest slot with another step out of the same node, then the first of the rest
            int i = at.length - 1;
            while (i >= 0 && at[i] + 1 >= end[i]) {
                i--;
            }
            if (i < 0) {
                done = true;
            } else {
                at[i]++;
                if (i + 1 < at.length) {
                    descend(i + 1, to[i][at[i]]);
                }
                ready = true;
            }
        }
        return !done;
    }

    /** The next outcome, as scenario options; the array is reused by the next call. */
    @Override
    public int[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        for (int i = 0; i < at.length; i++) {
            slots[i] = option[i][at[i]];
        }
        layout.decode(slots, choice);
        return choice;
    }
}
