package dev.parley.engine.analysis;

import java.util.Arrays;

/**
 * Offline dominance counting in one or two dimensions: for each of some thresholds (t0, t1), how many of a batch of
 * points (v0, v1) meet both (v0 ≥ t0 and v1 ≥ t1), every threshold answered in one pass over the points and
 * without sorting them. Each point is put in the bucket of how many of the first thresholds it meets and ranked by
 * how many of the second it meets; the buckets are then taken from the most thresholds met down, their points'
 * ranks counted per rank and per block of 128 ranks, and each threshold answered from those counts once the buckets
 * that meet its first part are in. O(points + thresholds × (128 + distinct second thresholds / 128)). The
 * thresholds are worked out once and used for every batch (RedLineDrops' chunks). In more dimensions, {@link #scan}
 * visits every point for every threshold. Immutable; thread-safe.
 */
final class DominanceCounts {
    private final long[] first;
    private final long[] second;
    private final Meter meets0;
    private final Meter meets1;
    /** Per threshold: its first part's rank among the distinct first parts; a point meets it above that. */
    private final int[] r0;
    /** Per threshold: its second part's rank, or −1 in one dimension; a point meets it above that. */
    private final int[] r1;
    /** The thresholds by their first part, highest first. */
    private final int[] order;
    private final boolean two;

    /** Thresholds {@code (t0[a], t1[a])}; {@code t1} null in one dimension. */
    DominanceCounts(long[] t0, long[] t1) {
        this.two = t1 != null;
        this.first = distinct(t0);
        this.second = two ? distinct(t1) : new long[0];
        this.meets0 = new Meter(first);
        this.meets1 = new Meter(second);
        this.r0 = new int[t0.length];
        this.r1 = new int[t0.length];
        this.order = new int[t0.length];
        for (int a = 0; a < t0.length; a++) {
            r0[a] = Arrays.binarySearch(first, t0[a]);
            r1[a] = two ? Arrays.binarySearch(second, t1[a]) : -1;
            order[a] = a;
        }
        IndexSort.sortByKey(order, order.length, t0, true, Integer::compare);
    }

    /**
     * Per threshold, in the order given, how many of the points {@code (v0[j], v1[j])} meet it; {@code v1} null in one
     * dimension.
     */
    long[] count(long[] v0, long[] v1) {
        int n = v0.length;
        int[] bucket = new int[n];
        int[] rank = new int[n];
        int[] size = new int[first.length + 2];
        long least0 = first.length == 0 ? Long.MAX_VALUE : first[0];
        long least1 = two && second.length > 0 ? second[0] : Long.MIN_VALUE;
        for (int j = 0; j < n; j++) { // a point short of every threshold stays in bucket 0, never counted
            if (v0[j] >= least0 && (!two || v1[j] >= least1)) {
                bucket[j] = meets0.met(v0[j]);
                rank[j] = two ? meets1.met(v1[j]) : 0;
            }
            size[bucket[j] + 1]++;
        }
        for (int g = 1; g < size.length; g++) {
            size[g] += size[g - 1]; // size[g]: where bucket g starts
        }
        int[] byBucket = new int[n];
        int[] next = Arrays.copyOf(size, size.length);
        for (int j = 0; j < n; j++) {
            byBucket[next[bucket[j]]++] = j;
        }
        int[] perRank = new int[second.length + 1];
        int[] perBlock = new int[(perRank.length >> 7) + 1];
        long[] meeting = new long[r0.length];
        int in = 0;
        int taken = first.length + 1; // buckets from here up are counted
        for (int a : order) {
            while (taken > r0[a] + 1) {
                taken--;
                for (int e = size[taken]; e < size[taken + 1]; e++) {
                    int r = rank[byBucket[e]];
                    perRank[r]++;
                    perBlock[r >> 7]++;
                }
                in += size[taken + 1] - size[taken];
            }
            int upTo = r1[a] + 1; // points in with a rank below this are short of the second part
            int short1 = 0;
            for (int b = 0; b < upTo >> 7; b++) {
                short1 += perBlock[b];
            }
            for (int r = upTo >> 7 << 7; r < upTo; r++) {
                short1 += perRank[r];
            }
            meeting[a] = in - short1;
        }
        return meeting;
    }

    /**
     * In any number of dimensions, by one pass over the points per threshold: per threshold {@code t[a]}, how many
     * of the points {@code v[dim][j]} meet it in every dimension.
     */
    static long[] scan(long[][] v, long[][] t) {
        long[] meeting = new long[t.length];
        for (int a = 0; a < t.length; a++) {
            long count = 0;
            for (int j = 0; j < v[0].length; j++) {
                boolean in = true;
                for (int x = 0; x < v.length && in; x++) {
                    in = v[x][j] >= t[a][x];
                }
                count += in ? 1 : 0;
            }
            meeting[a] = count;
        }
        return meeting;
    }

    /** The distinct values, ascending. */
    private static long[] distinct(long[] a) {
        return Arrays.stream(a).sorted().distinct().toArray();
    }

    /**
     * How many of some ascending thresholds a value meets (is at least), asked a million times: a table over the
     * thresholds' range, in equal cells, gives how many lie below each cell, and a binary search within the cell's
     * few finishes.
     */
    static final class Meter {
        private static final int CELLS = 1 << 16;
        private final long[] t;
        private final long low;
        private final long width;
        /** [cell]: how many thresholds lie below the cell's start; one more entry for the end. */
        private final int[] below;

        Meter(long[] ascending) {
            this.t = ascending;
            this.low = t.length == 0 ? 0 : t[0];
            long span = t.length == 0 ? 0 : t[t.length - 1] - low;
            // A threshold of Long.MIN_VALUE (no floor), or a span past 2^62: searched whole, one cell.
            this.width = low == Long.MIN_VALUE || span < 0 || span > Long.MAX_VALUE / 2
                    ? Long.MAX_VALUE
                    : Math.max(1, span / CELLS + 1);
            this.below = new int[CELLS + 2];
            int k = 0;
            for (int c = 1; c < below.length; c++) { // below[0] is 0: no threshold lies below the lowest
                long start = width == Long.MAX_VALUE ? Long.MAX_VALUE : low + c * width;
                while (k < t.length && (t[k] < start || width == Long.MAX_VALUE)) {
                    k++;
                }
                below[c] = k;
            }
        }

        int met(long x) {
            if (t.length == 0 || x < low) {
                return 0;
            }
            if (x >= t[t.length - 1]) {
                return t.length; // and x - low, past the span, might not fit a long
            }
            long cell = width == Long.MAX_VALUE ? 0 : (x - low) / width;
            if (cell >= CELLS) {
                return t.length;
            }
            int lo = below[(int) cell]; // thresholds before it are below x
            int hi = below[(int) cell + 1]; // thresholds from it on are at least the next cell's start, above x
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
