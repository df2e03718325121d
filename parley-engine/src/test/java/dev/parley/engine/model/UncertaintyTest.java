package dev.parley.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Draws from a profile's uncertainty, checked against the distributions' known moments (not against the sampler):
 * the Dirichlet's mean is the point weights and its variance w(1 − w)/(c + 1); Gamma(k)'s mean and variance are k;
 * weights drawn uniformly in the order of a ranking average the rank-order-centroid weights (1/n) Σ_{j≥k} 1/j.
 * Seeded, so each run draws the same numbers; the tolerances are five standard errors.
 */
class UncertaintyTest {
    static final List<Issue> ISSUES = List.of(issue("A", 3), issue("B", 2), issue("C", 2), issue("D", 2));
    static final double[] W = {0.5, 0.3, 0.2, 0};
    static final Profile POINT = Profile.of(ISSUES, W, new double[][]{{1, 0.5, 0}, {0, 1}, {1, 0}, {0, 1}}, 0.4,
            new boolean[][]{{false, false, true}, {false, false}, {false, false}, {false, false}});
    static final int N = 20_000;

    static Issue issue(String id, int options) {
        var list = new java.util.ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(java.util.Locale.ROOT) + k, "option " + k));
        }
        return new Issue(id, id, list);
    }

    static double[][] values(Profile p) {
        double[][] v = new double[p.issueCount()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[p.optionCount(i)];
            for (int o = 0; o < v[i].length; o++) {
                v[i][o] = p.value(i, o);
            }
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1, 4.5, 40})
    void gammaDraws_haveMeanAndVarianceEqualToTheShape(double shape) {
        var random = new SplittableRandom(7);
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < N; k++) {
            double x = Uncertainty.gamma(shape, random);
            assertThat(x).isGreaterThanOrEqualTo(0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / N;
        double variance = squares / N - mean * mean;
        assertThat(mean).isCloseTo(shape, within(5 * Math.sqrt(shape / N)));
        assertThat(variance).isCloseTo(shape, within(0.1 * shape + 0.05));
    }

    @Test
    void dirichletDraws_sumToOne_keepZeroWeights_andAverageThePointWithTheKnownSpread() {
        double c = 60;
        var u = Uncertainty.of(POINT, new Uncertainty.Dirichlet(c), values(POINT), values(POINT), 0.4, 0.4);
        var random = new SplittableRandom(11);
        double[] sum = new double[W.length];
        double[] squares = new double[W.length];
        for (int k = 0; k < N; k++) {
            Profile p = u.sample(ISSUES, POINT, random);
            double total = 0;
            for (int i = 0; i < W.length; i++) {
                total += p.weight(i);
                sum[i] += p.weight(i);
                squares[i] += p.weight(i) * p.weight(i);
            }
            assertThat(total).isCloseTo(1, within(1e-12));
            assertThat(p.weight(3)).isZero();
            assertThat(p.isRedLine(0, 2)).isTrue();
            assertThat(p.reservation()).isEqualTo(0.4);
        }
        for (int i = 0; i < 3; i++) {
            double sd = Math.sqrt(W[i] * (1 - W[i]) / (c + 1));
            double mean = sum[i] / N;
            assertThat(mean).as("mean of weight %d", i).isCloseTo(W[i], within(5 * sd / Math.sqrt(N)));
            assertThat(Math.sqrt(squares[i] / N - mean * mean)).as("sd of weight %d", i).isCloseTo(sd, within(0.1
                    * sd));
        }
    }

    @Test
    void rankingDraws_keepTheOrder_andAverageTheRankOrderCentroid() {
        int[] order = {0, 1, 2, 3}; // A, B, C, D: the point weights' own order
        var u = Uncertainty.of(POINT, new Uncertainty.Ranking(order), values(POINT), values(POINT), 0.4, 0.4);
        var random = new SplittableRandom(3);
        double[] sum = new double[4];
        for (int k = 0; k < N; k++) {
            Profile p = u.sample(ISSUES, POINT, random);
            for (int i = 1; i < 4; i++) {
                assertThat(p.weight(i)).isLessThanOrEqualTo(p.weight(i - 1));
            }
            for (int i = 0; i < 4; i++) {
                sum[i] += p.weight(i);
            }
        }
        double[] roc = {(1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4, (1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4, (1 / 3.0 + 1
                / 4.0) / 4, (1 / 4.0) / 4};
        for (int i = 0; i < 4; i++) {
            assertThat(sum[i] / N).as("mean of weight %d", i).isCloseTo(roc[i], within(0.005));
        }
    }

    @Test
    void intervals_boundEveryValueAndTheReservation_andTheWeightsBeforeScaling() {
        double[][] low = values(POINT);
        double[][] high = values(POINT);
        low[0][1] = 0.3;
        high[0][1] = 0.9;
        var weights = new Uncertainty.Intervals(new double[]{0.4, 0.2, 0.1, 0}, new double[]{0.6, 0.4, 0.3, 0});
        var u = Uncertainty.of(POINT, weights, low, high, 0.3, 0.6);
        var random = new SplittableRandom(5);
        double valueSum = 0;
        double minValue = 1;
        double maxValue = 0;
        for (int k = 0; k < N; k++) {
            Profile p = u.sample(ISSUES, POINT, random);
            assertThat(p.value(0, 1)).isBetween(0.3, 0.9);
            assertThat(p.value(0, 0)).isEqualTo(1);
            assertThat(p.reservation()).isBetween(0.3, 0.6);
            // each weight was drawn in its interval and then all scaled by at most 1/0.7 or at least 1/1.3
            assertThat(p.weight(0)).isBetween(0.4 / 1.3, 0.6 / 0.7);
            valueSum += p.value(0, 1);
            minValue = Math.min(minValue, p.value(0, 1));
            maxValue = Math.max(maxValue, p.value(0, 1));
        }
        assertThat(valueSum / N).isCloseTo(0.6, within(5 * 0.6 / Math.sqrt(12 * N)));
        assertThat(minValue).isLessThan(0.31);
        assertThat(maxValue).isGreaterThan(0.89);
    }

    @Test
    void theSameSeed_drawsTheSameProfile_andAnotherSeedAnother() {
        var u = Uncertainty.of(POINT, new Uncertainty.Dirichlet(20), values(POINT), values(POINT), 0.2, 0.6);
        assertThat(u.sample(ISSUES, POINT, new SplittableRandom(9))).isEqualTo(u.sample(ISSUES, POINT,
                new SplittableRandom(9)));
        assertThat(u.sample(ISSUES, POINT, new SplittableRandom(9))).isNotEqualTo(u.sample(ISSUES, POINT,
                new SplittableRandom(10)));
    }

    @Test
    void noSpread_drawsThePointProfile() {
        assertThat(Uncertainty.none(POINT).sample(ISSUES, POINT, new SplittableRandom(1))).isEqualTo(POINT);
        assertThat(Uncertainty.none(POINT).isNone()).isTrue();
    }

    @Test
    void spreadsThatContradictThePoint_areRefused() {
        double[][] v = values(POINT);
        assertThatThrownBy(() -> Uncertainty.of(POINT, new Uncertainty.Fixed(), v, v, 0.5, 0.6))
                .hasMessageContaining("the reservation");
        assertThatThrownBy(() -> Uncertainty.of(POINT, new Uncertainty.Ranking(new int[]{1, 0, 2, 3}), v, v, 0.4,
                0.4)).hasMessageContaining("larger point weight");
        assertThatThrownBy(() -> Uncertainty.of(POINT, new Uncertainty.Ranking(new int[]{0, 1, 2}), v, v, 0.4, 0.4))
                .hasMessageContaining("every issue once");
        double[][] high = values(POINT);
        high[1][1] = 0.9; // below the point value 1
        assertThatThrownBy(() -> Uncertainty.of(POINT, new Uncertainty.Fixed(), v, high, 0.4, 0.4))
                .hasMessageContaining("the value of option 1 of issue 1");
        Profile withTerm = POINT.withInteractions(List.of(new Interaction(new int[]{0, 1}, new boolean[][]{{true,
                false, false}, {false, true}}, -0.1)));
        assertThatThrownBy(() -> Uncertainty.of(withTerm, new Uncertainty.Fixed(), v, v, 0.4, 0.4))
                .hasMessageContaining("interaction terms");
    }
}
