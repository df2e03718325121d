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
