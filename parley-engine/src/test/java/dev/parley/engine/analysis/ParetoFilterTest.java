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
