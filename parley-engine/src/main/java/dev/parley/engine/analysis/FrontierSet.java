package dev.parley.engine.analysis;

import java.util.function.Consumer;

/**
 * The result of {@link AdditiveFrontier}: the distinct utility vectors of the frontier (nodes), how many outcomes
 * give each, and the way back from each node to its outcomes. Immutable.
 */
final class FrontierSet {
    /** How one issue's nodes were reached: node x's entries are {@code provStart[x] .. provStart[x+1]}. */
    record Level(int[] provStart, int[] predNode, int[] predOption, int[] best) {
    }

    private final Instance instance;
    private final Level[] levels;
    private final long[][] vec;
    private final long[] count;
    private final long[] rank;

    FrontierSet(Instance instance, Level[] levels, long[][] vec, long[] count, long[] rank) {
        this.instance = instance;
        this.levels = levels;
        this.vec = vec;
        this.count = count;
        this.rank = rank;
    }

    Instance instance() {
        return instance;
    }

    /** The number of distinct utility vectors. */
    int nodes() {
        return count.length;
    }

    /** Dimension {@code dim}'s utility at node {@code node}, in ticks. */
    long vector(int dim, int node) {
        return vec[dim][node];
    }

    /** How many outcomes have node {@code node}'s utility vector. */
    long count(int node) {
        return count[node];
    }

    /** The number of frontier outcomes, ties included. */
    long outcomes() {
        long total = 0;
        for (long c : count) {
            total = Math.addExact(total, c);
        }
        return total;
    }

    /** Orders nodes by their smallest outcome index: a smaller rank has a smaller smallest index. */
    long rank(int node) {
        return rank[node];
    }

    /** The outcome with the smallest index among those of node {@code node}. */
    int[] smallestOutcome(int node) {
        int[] choice = new int[levels.length];
        int x = node;
        for (int i = levels.length - 1; i >= 0; i--) {
            Level level = levels[i];
            int e = level.best()[x];
            choice[i] = level.predOption()[e];
            x = level.predNode()[e];
        }
        return choice;
    }

    /**
     * Gives up to {@code limit} outcomes of node {@code node} to {@code sink}, the smallest index first and the
     * rest in provenance order. The array passed is reused: copy it to keep it.
     */
    void outcomes(int node, long limit, Consumer<int[]> sink) {
        int[] first = smallestOutcome(node);
        sink.accept(first);
        if (limit > 1) {
            long[] left = {limit - 1};
            walk(levels.length - 1, node, new int[levels.length], first, left, sink);
        }
    }

    private void walk(int i, int x, int[] choice, int[] skip, long[] left, Consumer<int[]> sink) {
        if (left[0] <= 0) {
            return;
        }
        if (i < 0) {
            if (!java.util.Arrays.equals(choice, skip)) {
                sink.accept(choice);
                left[0]--;
            }
            return;
        }
        Level level = levels[i];
        for (int e = level.provStart()[x]; e < level.provStart()[x + 1] && left[0] > 0; e++) {
            choice[i] = level.predOption()[e];
            walk(i - 1, level.predNode()[e], choice, skip, left, sink);
        }
    }
}
