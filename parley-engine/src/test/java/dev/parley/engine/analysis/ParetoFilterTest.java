package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pareto kernel against the definition, for 1–8 dimensions, with many duplicates and equal coordinates. */
class ParetoFilterTest {
    /** Seeds 1–60: 1–5 dimensions, few distinct values; seeds 61–100: 4–8 dimensions, larger frontiers. */
    static Stream<Arguments> cases() {
        return Stream.iterate(1L, s -> s + 1).limit(100).map(seed -> Arguments.of(seed, seed <= 60
                ? 1 + (int) (seed % 5)
                : 4 + (int) (seed % 5)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void survivors_areExactlyTheNonDominated_groupedByEqualVectors(long seed, int d) {
        var rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(0, seed <= 60 ? 400 : 1500);
        // few distinct values: ties in every coordinate and duplicate vectors; later, many: frontiers of hundreds
        int range = seed <= 60 ? rnd.nextInt(2, 12) : rnd.nextInt(12, 2000);
        long[][] v = new long[d][n];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < n; i++) {
                v[k][i] = rnd.nextInt(range) * 1_000_000_007L;
            }
        }
        ParetoFilter.Groups g = ParetoFilter.filter(v, n);

        var expected = new TreeSet<Integer>();
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                dominated = dominates(v, j, i);
            }
            if (!dominated) {
                expected.add(i);
            }
        }
        var actual = new TreeSet<Integer>();
        for (int x = 0; x < g.groupCount(); x++) {
            List<Integer> group = new ArrayList<>();
            for (int e = g.start(x); e < g.start(x + 1); e++) {
                group.add(g.member(e));
                assertThat(same(v, g.member(e), g.representative(x))).isTrue();
            }
            actual.addAll(group);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(g.start(g.groupCount())).isEqualTo(expected.size()); // no candidate twice
        for (int x = 0; x < g.groupCount(); x++) {
            for (int y = x + 1; y < g.groupCount(); y++) {
                assertThat(same(v, g.representative(x), g.representative(y))).isFalse();
            }
        }
    }

    static Stream<Arguments> large() {
        return Stream.of(Arguments.of(101L, 4, 40), Arguments.of(102L, 6, 300), Arguments.of(103L, 8, 5000),
                Arguments.of(104L, 5, 3));
    }

    /**
     * Sets large enough to be filtered in blocks on several threads: the same groups in the same order as on one
     * thread, and exactly the non-dominated candidates (the definition, by a sweep over the candidates sorted by
     * sum: only a candidate of at least the sum can dominate). Frontiers of a few to thousands.
     */
    @ParameterizedTest
    @MethodSource("large")
    void onSeveralThreads_largeSetsGiveTheOneThreadAnswer_whichIsTheNonDominated(long seed, int d, int range) {
        var rnd = new SplittableRandom(seed);
        int n = ParetoFilter.PARALLEL_FROM + rnd.nextInt(4_000);
        long[][] v = new long[d][n];
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int k = 0; k < d - 1; k++) {
                v[k][i] = rnd.nextInt(range);
                sum += v[k][i];
            }
            v[d - 1][i] = (long) range * (d - 1) - sum + rnd.nextInt(Math.max(2, range / 4)); // near a plane: many survive
        }
        var pool = new java.util.concurrent.ForkJoinPool(3);
        ParetoFilter.Groups parallel;
        try {
            parallel = ParetoFilter.filter(v, n, Budget.UNLIMITED, "", Integer.MAX_VALUE, pool);
        } finally {
            pool.shutdown();
        }
        ParetoFilter.Groups serial = ParetoFilter.filter(v, n);
        assertThat(parallel.groupCount()).isEqualTo(serial.groupCount());
        for (int g = 0; g <= serial.groupCount(); g++) {
            assertThat(parallel.start(g)).isEqualTo(serial.start(g));
        }
        for (int e = 0; e < serial.start(serial.groupCount()); e++) {
            assertThat(parallel.member(e)).isEqualTo(serial.member(e));
        }
        Integer[] bySum = new Integer[n];
        long[] sums = new long[n];
        for (int i = 0; i < n; i++) {
            bySum[i] = i;
            for (long[] dim : v) {
                sums[i] += dim[i];
            }
        }
        java.util.Arrays.sort(bySum, (a, b) -> Long.compare(sums[b], sums[a]));
        var expected = new TreeSet<Integer>();
        for (int x = 0; x < n; x++) {
            int i = bySum[x];
            boolean dominated = false;
            for (int y = 0; y < n && sums[bySum[y]] >= sums[i] && !dominated; y++) {
                dominated = dominates(v, bySum[y], i);
            }
            if (!dominated) {
                expected.add(i);
            }
        }
        var actual = new TreeSet<Integer>();
        for (int e = 0; e < parallel.start(parallel.groupCount()); e++) {
            actual.add(parallel.member(e));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(parallel.groupCount()).isGreaterThan(1);
        // stopped as soon as more than maxGroups survive: the same first groups as one thread stopped there
        int most = parallel.groupCount() / 2;
        var again = new java.util.concurrent.ForkJoinPool(3);
        ParetoFilter.Groups cut;
        try {
            cut = ParetoFilter.filter(v, n, Budget.UNLIMITED, "", most, again);
        } finally {
            again.shutdown();
        }
        ParetoFilter.Groups cutSerial = ParetoFilter.filter(v, n, Budget.UNLIMITED, "", most);
        assertThat(cut.groupCount()).isEqualTo(cutSerial.groupCount()).isEqualTo(most + 1);
        for (int e = 0; e < cutSerial.start(cutSerial.groupCount()); e++) {
            assertThat(cut.member(e)).isEqualTo(cutSerial.member(e));
        }
    }

    private static boolean dominates(long[][] v, int a, int b) {
        boolean greater = false;
        for (long[] dim : v) {
            if (dim[a] < dim[b]) {
                return false;
            }
            greater |= dim[a] > dim[b];
        }
        return greater;
    }

    private static boolean same(long[][] v, int a, int b) {
        for (long[] dim : v) {
            if (dim[a] != dim[b]) {
                return false;
            }
        }
        return true;
    }
}
