package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The first outcomes of a frontier in listing order, made one at a time as they are read: the most balanced first
 * (by Nash product over the ratifying parties, gains below reservation counting as 0), then by Σ u, then by
 * outcome index. What is held is the order of the frontier's distinct utility vectors (an {@code int} each, and
 * while it is sorted 16 bytes more each) and the outcomes of one vector at a time, so that ten million frontier
 * outcomes can be written out without ever being all in memory. Each iteration makes the same points again.
 * Immutable once made; iterators are not thread-safe.
 */
public final class FrontierListing implements Iterable<FrontierPoint> {
    private final Analysis analysis;
    private final FrontierSet listed;
    private final int[] order;
    private final long size;

    FrontierListing(Analysis analysis, FrontierSet listed, long[] reservation, long limit) {
        this.analysis = analysis;
        this.listed = listed;
        if (listed == null || limit <= 0) {
            this.order = new int[0];
            this.size = 0;
            return;
        }
        int n = listed.nodes();
        int d = reservation.length;
        double[] product = new double[n];
        long[] sum = new long[n];
        for (int x = 0; x < n; x++) {
            double prod = 1;
            for (int k = 0; k < d; k++) {
                long u = listed.vector(k, x);
                prod *= Ticks.utility(Math.max(0, u - reservation[k]));
                sum[x] += u;
            }
            product[x] = prod;
        }
        IndexSort.IndexComparator first = (a, b) -> product[a] != product[b]
                ? Double.compare(product[b], product[a])
                : sum[a] != sum[b] ? Long.compare(sum[b], sum[a]) : listed.compareSmallest(a, b);
        int[] nodes;
        if (limit < n / 8) {
            nodes = best((int) limit, n, first); // every node gives an outcome: the best limit nodes are enough
        } else {
            nodes = new int[n];
            for (int x = 0; x < n; x++) {
                nodes[x] = x;
            }
        }
        IndexSort.sort(nodes, 0, nodes.length, first);
        long total = 0;
        int used = 0;
        while (used < nodes.length && total < limit) {
            total = Math.addExact(total, listed.count(nodes[used++])); // as FrontierSet.outcomes counts them
        }
        this.order = used == nodes.length ? nodes : java.util.Arrays.copyOf(nodes, used);
        this.size = Math.min(total, limit);
    }

    /**
     * The {@code k} first of nodes {@code 0..n-1} by {@code order} (a total order), unsorted: a heap of the best k
     * so far, worst on top, so that listing ten of 10^7 frontier nodes does not sort them all.
     */
    private static int[] best(int k, int n, IndexSort.IndexComparator order) {
        var heap = new java.util.PriorityQueue<Integer>(k, (a, b) -> order.compare(b, a));
        for (int x = 0; x < n; x++) {
            if (heap.size() < k) {
                heap.add(x);
            } else if (order.compare(x, heap.peek()) < 0) {
                heap.poll();
                heap.add(x);
            }
        }
        return heap.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many points an iteration gives: the limit, or every frontier outcome when there are fewer. */
    public long size() {
        return size;
    }

    /** The points, in order; each call makes them again. */
    public Stream<FrontierPoint> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), size, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    @Override
    public Iterator<FrontierPoint> iterator() {
        return new Iterator<>() {
            private int next;
            private long left = size;
            private Iterator<int[]> ties = java.util.Collections.emptyIterator();
            private long count;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public FrontierPoint next() {
                if (left <= 0) {
                    throw new NoSuchElementException();
                }
                if (!ties.hasNext()) {
                    int node = order[next++];
                    ties = listed.outcomesInOrder(node, left);
                    count = listed.count(node);
                }
                left--;
                int[] choice = ties.next();
                return new FrontierPoint(Outcome.of(choice), ZoneAnalysis.utilities(analysis.zoneInstance(), choice),
                        analysis.inZone(choice), count);
            }
        };
    }
}
