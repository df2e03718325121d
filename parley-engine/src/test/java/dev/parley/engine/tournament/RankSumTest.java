package dev.parley.engine.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.special.Erf;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The rank-sum test against Hipparchus's, an independent implementation, on seeded samples with and without ties. */
class RankSumTest {
    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pValue_isHipparchusNormalApproximation(long seed) {
        var random = new SplittableRandom(seed);
        int n1 = 5 + random.nextInt(80);
        int n2 = 5 + random.nextInt(80);
        boolean ties = seed % 2 == 0;
        double shift = random.nextDouble() * 0.4;
        double[] x = sample(random, n1, 0, ties);
        double[] y = sample(random, n2, shift, ties);
        RankSum.Test t = RankSum.test(x, y);
        double expected = new MannWhitneyUTest().mannWhitneyUTest(x, y, false);
        assertThat(t.p()).isCloseTo(expected, within(1e-9 + 1e-9 * expected));
        assertThat(t.u() + RankSum.test(y, x).u()).isEqualTo((double) n1 * n2); // U1 + U2 = n1 n2
    }

    private static double[] sample(SplittableRandom r, int n, double shift, boolean ties) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble() + shift;
            v[i] = ties ? Math.round(x * 5) / 5.0 : x;
        }
        return v;
    }

    @Test
    void u_countsThePairsWhereXIsAbove_tiesHalf() {
        // x = {1, 3}, y = {2, 3}: (3 > 2) counts 1, (3 = 3) one half; nothing else: U = 1.5
        assertThat(RankSum.test(new double[]{1, 3}, new double[]{2, 3}).u()).isEqualTo(1.5);
    }

    @Test
    void everyValueEqual_tellsNothing() {
        assertThat(RankSum.test(new double[]{0.5, 0.5}, new double[]{0.5}).p()).isEqualTo(1.0);
    }

    @Test
    void upperTail_isHipparchusErfc() {
        for (double z = 0; z < 9; z += 0.137) {
            double expected = 0.5 * Erf.erfc(z / Math.sqrt(2));
            assertThat(RankSum.upperTail(z)).as("z = %s", z).isCloseTo(expected, within(1e-13 + 1e-12 * expected));
        }
    }

    @Test
    void holm_byHand() {
        // sorted 0.01, 0.02, 0.03, 0.5: × 4, 3, 2, 1 → 0.04, 0.06, 0.06, 0.5 (kept monotone)
        assertThat(RankSum.holm(new double[]{0.03, 0.5, 0.01, 0.02})).containsExactly(new double[]{0.06, 0.5,
                0.04, 0.06}, within(1e-15));
    }
}
