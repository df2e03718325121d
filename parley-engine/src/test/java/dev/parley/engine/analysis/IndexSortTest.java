package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both packings (the key's distance from the smallest, and for wide keys its rank among the distinct keys) against a
 * boxed reference sort, with and without repeated keys.
 */
class IndexSortTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sortByKey_ordersByKeyThenTie(long seed) {
        var rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(0, 3000);
        boolean wide = seed % 2 == 0; // keys spanning the whole long range are packed by rank
        long[] pool = rnd.longs(30).toArray(); // some wide keys repeat: ties broken by the tie comparator
        long[] key = new long[n];
        long[] second = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = wide
                    ? (seed % 4 == 0 ? pool[rnd.nextInt(pool.length)] : rnd.nextLong())
                    : rnd.nextInt(50)
                            * 1_000_000_007L;
            second[i] = rnd.nextInt(5);
        }
        boolean descending = seed % 3 == 0;
        int[] idx = IntStream.range(0, n).toArray();
        IndexSort.IndexComparator tie = (a, b) -> second[a] != second[b]
                ? Long.compare(second[a], second[b])
                : Integer.compare(a, b);

        IndexSort.sortByKey(idx, n, key, descending, tie);

        Comparator<Integer> byKey = Comparator.comparingLong(i -> key[i]);
        Integer[] expected = IntStream.range(0, n).boxed().sorted((descending ? byKey.reversed() : byKey)
                .thenComparing(tie::compare)).toArray(Integer[]::new);
        assertThat(Arrays.stream(idx).boxed().toArray(Integer[]::new)).containsExactly(expected);
    }
}
