package dev.parley.engine.analysis;

import java.util.function.Consumer;

/**
 * The result of {@link AdditiveFrontier}: the distinct utility vectors of the frontier (nodes), how many outcomes
 * give each, and the way back from each node to its outcomes. Immutable.
 */
final class FrontierSet {
    /**
     * How one slot's nodes were reached: node x's entries are {@code provStart[x] .. provStart[x+1]}, entry e the
     * candidate number {@code pred[e]} (the previous node times the slot's option count, plus the option's position
     * in {@code opts}), {@code best[x]} the entry of node x's smallest outcome. When no two candidates tied,
     * {@code provStart} and {@code best} are null: node x's one entry is x.
     */
    record Level(int[] provStart, int[] pred, int[] opts, int[] best) {
        int start(int x) {
            return provStart == null ? x : provStart[x];
        }

        int end(int x) {
            return provStart == null ? x + 1 : provStart[x + 1];
        }

        int best(int x) {
            return best == null ? x : best[x];
        }

        int predNode(int e) {
            return pred[e] / opts.length;
        }

        int predOption(int e) {
            return opts[pred[e] % opts.length];
        }
    }

    private final Instance instance;
    private final Level[] levels;
    private final long[][] vec;
    private final long[] count; // null: one outcome per node
    private final int[] rank;
    /** Up to this many outcomes of a node are listed by holding and sorting them. */
    static final long HELD_TIES = 1024;
    /** Up to this many outcomes of a node are compared one by one for its smallest in issue order. */
    private static final long FEW_TIES = 64;

    /** Smallest outcomes in issue order, found when asked (only for layouts that do not keep the order). */
    private final java.util.Map<Integer, int[]> smallest = new java.util.concurrent.ConcurrentHashMap<>();

    FrontierSet(Instance instance, Level[] levels, long[][] vec, long[] count, int[] rank) {
        this.instance = instance;
        this.levels = levels;
        this.vec = vec;
        this.count = count;
        this.rank = rank;
    }

    Instance instance() {
        return instance;
    }

    /** The way back, slot by slot. */
    Level[] levels() {
        return levels;
    }

    /** The number of distinct utility vectors. */
    int nodes() {
        return vec[0].length;
    }

    /** Dimension {@code dim}'s utility at node {@code node}, in ticks. */
    long vector(int dim, int node) {
        return vec[dim][node];
    }

    /** How many outcomes have node {@code node}'s utility vector. */
    long count(int node) {
        return count == null ? 1 : count[node];
    }

    /** The number of frontier outcomes, ties included. */
    long outcomes() {
        if (count == null) {
            return nodes();
        }
        long total = 0;
        for (long c : count) {
            total = Math.addExact(total, c);
        }
        return total;
    }

    /**
     * Compares two nodes by their smallest scenario outcome index: negative when {@code a}'s is smaller. With an
     * order-keeping layout that is the rank the frontier search carried; otherwise the smallest outcomes are found
     * and compared.
     */
    int compareSmallest(int a, int b) {
        if (instance.layout.ordered) {
            return Integer.compare(rank[a], rank[b]);
        }
        return java.util.Arrays.compare(smallestOutcome(a), smallestOutcome(b));
    }

    /** The outcome (scenario options) with the smallest index among those of node {@code node}. */
    int[] smallestOutcome(int node) {
        Layout layout = instance.layout;
        if (layout.ordered) {
            return layout.trivial() ? smallestInSlots(node) : layout.decode(smallestInSlots(node));
        }
        int[] known = smallest.get(node);
        if (known == null) {
            known = smallestInIssueOrder(node);
            smallest.put(node, known);
        }
        return known.clone();
    }

    /** The node's outcome smallest in slot order. */
    private int[] smallestInSlots(int node) {
        int[] choice = new int[levels.length];
        int x = node;
        for (int i = levels.length - 1; i >= 0; i--) {
            Level level = levels[i];
            int e = level.best(x);
            choice[i] = level.predOption(e);
            x = level.predNode(e);
        }
        return choice;
    }

    /**
     * The node's outcome smallest in scenario issue order when slots do not keep it: among a few, by comparing them;
     * else issue by issue, the smallest option with which some path to the node remains.
     */
    private int[] smallestInIssueOrder(int node) {
        Layout layout = instance.layout;
        if (count(node) <= FEW_TIES) { // the usual case, no tie or few: compare them all
            int[][] best = {null};
            walk(levels.length - 1, node, new int[levels.length], new int[instance.scenario.issues().size()], null,
                    new long[]{count(node)}, c -> {
                        if (best[0] == null || java.util.Arrays.compare(c, best[0]) < 0) {
                            best[0] = c.clone();
                        }
                    });
            return best[0];
        }
        int n = instance.scenario.issues().size();
        int[] fixed = new int[n];
        java.util.Arrays.fill(fixed, -1);
        for (int i = 0; i < n; i++) {
            int radix = instance.scenario.issues().get(i).size();
            for (int k = 0; k < radix; k++) {
                fixed[i] = k;
                if (reachable(node, fixed, layout)) {
                    break;
                }
            }
        }
        return fixed;
    }

    /** Whether some path from the empty package to {@code node} takes the options {@code fixed} (-1: any). */
    private boolean reachable(int node, int[] fixed, Layout layout) {
        java.util.BitSet at = new java.util.BitSet();
        at.set(node);
        for (int i = levels.length - 1; i >= 0 && !at.isEmpty(); i--) {
            Level level = levels[i];
            java.util.BitSet before = new java.util.BitSet();
            for (int x = at.nextSetBit(0); x >= 0; x = at.nextSetBit(x + 1)) {
                for (int e = level.start(x); e < level.end(x); e++) {
                    if (!before.get(level.predNode(e)) && fits(i, level.predOption(e), fixed, layout)) {
                        before.set(level.predNode(e));
                    }
                }
            }
            at = before;
        }
        return !at.isEmpty();
    }

    private static boolean fits(int slot, int combination, int[] fixed, Layout layout) {
        for (int j = 0; j < layout.groups.size(slot); j++) {
            int i = layout.groups.member(slot, j);
            if (fixed[i] >= 0 && layout.option(i, combination) != fixed[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The outcomes (scenario options) of node {@code node} in the order of their indices. Up to
     * {@link #HELD_TIES}: all of them, held and sorted. More, with an order-keeping layout: all of them, made one at
     * a time ({@link OrderedOutcomes}, whose set-up costs a walk back over the levels). Otherwise up to
     * {@code limit} of them (the smallest, then the others in provenance order), held and sorted. The arrays given
     * may be reused.
     */
    java.util.Iterator<int[]> outcomesInOrder(int node, long limit) {
        long n = count(node);
        if (n == 1) {
            return java.util.List.of(smallestOutcome(node)).iterator();
        }
        if (n > HELD_TIES && instance.layout.ordered) {
            return new OrderedOutcomes(levels, instance.layout, instance.scenario.issues().size(), node);
        }
        var held = new java.util.ArrayList<int[]>();
        outcomes(node, n <= HELD_TIES ? n : limit, c -> held.add(c.clone()));
        held.sort(java.util.Arrays::compare);
        return held.iterator();
    }

    /**
     * Gives up to {@code limit} outcomes (scenario options) of node {@code node} to {@code sink}, the smallest index
     * first and the rest in provenance order. The array passed is reused: copy it to keep it.
     */
    void outcomes(int node, long limit, Consumer<int[]> sink) {
        int[] first = smallestOutcome(node);
        sink.accept(first.clone());
        if (limit > 1) {
            long[] left = {limit - 1};
            walk(levels.length - 1, node, new int[levels.length], new int[first.length], first, left, sink);
        }
    }

    private void walk(int i, int x, int[] slots, int[] choice, int[] skip, long[] left, Consumer<int[]> sink) {
        if (left[0] <= 0) {
            return;
        }
        if (i < 0) {
            instance.layout.decode(slots, choice);
            if (!java.util.Arrays.equals(choice, skip)) {
                sink.accept(choice);
                left[0]--;
            }
            return;
        }
        Level level = levels[i];
        for (int e = level.start(x); e < level.end(x) && left[0] > 0; e++) {
            slots[i] = level.predOption(e);
            walk(i - 1, level.predNode(e), slots, choice, skip, left, sink);
        }
    }
}
