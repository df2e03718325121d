package dev.parley.engine.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class UtilityTableTest {
    private static List<Issue> issues(int... radices) {
        var list = new ArrayList<Issue>();
        for (int i = 0; i < radices.length; i++) {
            var options = new ArrayList<Option>();
            for (int k = 0; k < radices[i]; k++) {
                options.add(new Option("o" + k, "o" + k));
            }
            list.add(new Issue("I" + i, "issue " + i, options));
        }
        return list;
    }

    private static boolean[][] none(int... radices) {
        var r = new boolean[radices.length][];
        for (int i = 0; i < radices.length; i++) {
            r[i] = new boolean[radices[i]];
        }
        return r;
    }

    @Test
    void utility_isTheWeightedSumOfValues() {
        var issues = issues(2, 3);
        var profile = Profile.of(issues, new double[]{0.25, 0.75}, new double[][]{{1, 0}, {0, 0.5, 1}}, 0.4,
                none(2, 3));
        var table = UtilityTable.of(OutcomeSpace.of(issues), profile);
        assertThat(table.utility(new int[]{0, 1})).isCloseTo(0.25 + 0.375, within(1e-15));
        assertThat(table.utility(new int[]{1, 0})).isZero();
        assertThat(table.best()).isCloseTo(1.0, within(1e-15));
        assertThat(table.worst()).isZero();
        assertThat(table.reservation()).isEqualTo(0.4);
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void utilityByIndex_equalsUtilityByChoice_toTheLastBit(long seed) {
        var rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(1, 6);
        int[] radices = new int[n];
        for (int i = 0; i < n; i++) {
            radices[i] = rnd.nextInt(2, 7);
        }
        var issues = issues(radices);
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextDouble(0.01, 1);
            sum += w[i];
        }
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
            v[i] = rnd.doubles(radices[i], 0, 1).toArray();
        }
        // Normalising may leave the last weight a hair above 1 in total; keep it valid.
        w[n - 1] = Math.max(0, 1 - java.util.Arrays.stream(w, 0, n - 1).sum());
        var space = OutcomeSpace.of(issues);
        var table = UtilityTable.of(space, Profile.of(issues, w, v, 0.5, none(radices)));
        int[] choice = new int[n];
        long index = 0;
        double max = Double.NEGATIVE_INFINITY;
        do {
            assertThat(table.utility(index)).isEqualTo(table.utility(choice));
            max = Math.max(max, table.utility(choice));
            index++;
        } while (space.increment(choice));
        assertThat(table.best()).isCloseTo(max, within(1e-12));
    }

    @Test
    void redLines_areFoundInAnyIssue() {
        var issues = issues(2, 3);
        var red = none(2, 3);
        red[1][2] = true;
        var table = UtilityTable.of(OutcomeSpace.of(issues),
                Profile.of(issues, new double[]{0.5, 0.5}, new double[][]{{1, 0}, {0, 0.5, 1}}, 0, red));
        assertThat(table.breaksRedLine(new int[]{0, 2})).isTrue();
        assertThat(table.breaksRedLine(new int[]{1, 1})).isFalse();
        assertThat(table.isRedLine(1, 2)).isTrue();
    }

    @Test
    void profile_withBadNumbers_isRefused() {
        var issues = issues(2);
        assertThatThrownBy(() -> Profile.of(issues, new double[]{0.9}, new double[][]{{1, 0}}, 0, none(2)))
                .hasMessageContaining("weights sum to 0.9");
        assertThatThrownBy(() -> Profile.of(issues, new double[]{1}, new double[][]{{1.5, 0}}, 0, none(2)))
                .hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> Profile.of(issues, new double[]{1}, new double[][]{{1, 0}}, -0.1, none(2)))
                .hasMessageContaining("reservation");
        assertThatThrownBy(() -> Profile.of(issues, new double[]{1}, new double[][]{{1}}, 0, none(2)))
                .hasMessageContaining("2 options");
    }

    @Test
    void profile_forAnotherSpace_isRefused() {
        var profile = Profile.of(issues(2), new double[]{1}, new double[][]{{1, 0}}, 0, none(2));
        assertThatThrownBy(() -> UtilityTable.of(OutcomeSpace.of(issues(3)), profile))
                .hasMessageContaining("3 options in the space");
    }
}
