package dev.parley.engine.analysis;

/**
 * Sorts an {@code int[]} of indices by a comparator over primitive data, without boxing: a stable merge sort with
 * insertion sort for short runs. Not thread-safe; allocates one scratch array per call.
 */
final class IndexSort {
    /** Orders two indices; negative when {@code a} goes first. */
    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 24;

    private IndexSort() {
    }

    /**
     * Sorts {@code idx[0..n)} by {@code key[idx]} (descending when asked), then runs of equal keys by {@code tie}.
     * Key and index are packed into one {@code long} and sorted as primitives, which is several times faster than
     * comparing through a comparator: the key as its distance from the smallest (or the largest, descending), cut to
     * its top bits when that distance and n do not fit together in 63 bits; the runs that then share their packed key
     * (equal keys, or keys equal in their top bits) are put in order by the key and {@code tie}.
     */
    static void sortByKey(int[] idx, int n, long[] key, boolean descending, IndexComparator tie) {
        if (n < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long k = key[idx[i]];
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        int bits = 64 - Long.numberOfLeadingZeros(n - 1L);
        long range = max - min; // as an unsigned number: max - min is always below 2^64
        int shift = Math.max(0, (64 - Long.numberOfLeadingZeros(range)) - (63 - bits));
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long k = key[idx[i]];
            packed[i] = (((descending ? max - k : k - min) >>> shift) << bits) | i;
        }
        java.util.Arrays.sort(packed);
        long mask = (1L << bits) - 1;
        int[] original = idx.clone();
        for (int i = 0; i < n; i++) {
            idx[i] = original[(int) (packed[i] & mask)];
        }
        IndexComparator full = (a, b) -> {
            int c = descending ? Long.compare(key[b], key[a]) : Long.compare(key[a], key[b]);
            return c != 0 ? c : tie.compare(a, b);
        };
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (packed[i] >>> bits) != (packed[start] >>> bits)) {
                if (i - start > 1) {
                    sort(idx, start, i, full);
                }
                start = i;
            }
        }
    }

    static void sort(int[] idx, int from, int to, IndexComparator c) {
        if (to - from < 2) {
            return;
        }
        int[] scratch = new int[to - from];
        mergeSort(idx, scratch, from, to, c);
    }

    private static void mergeSort(int[] a, int[] scratch, int from, int to, IndexComparator c) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid, c);
        mergeSort(a, scratch, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return; // already in order
        }
        System.arraycopy(a, from, scratch, 0, mid - from);
        int i = 0;
        int iEnd = mid - from;
        int j = mid;
        int k = from;
        while (i < iEnd && j < to) {
            a[k++] = c.compare(a[j], scratch[i]) < 0 ? a[j++] : scratch[i++];
        }
        while (i < iEnd) {
            a[k++] = scratch[i++];
        }
    }
}
