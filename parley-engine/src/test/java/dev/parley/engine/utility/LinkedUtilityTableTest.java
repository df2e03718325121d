package dev.parley.engine.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.analysis.LinkedAnalysisPropertiesTest;
import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compiled profile with hard conditions and interaction terms, against the definitions applied outcome by outcome
 * (u = Σ w·v + the terms that hold; a package is forbidden when it takes a red line, or an option a condition is on
 * without one it needs), on the seeded scenarios of {@link LinkedAnalysisPropertiesTest}.
 */
public class LinkedUtilityTableTest {
    static java.util.stream.LongStream seeds() {
        return LinkedAnalysisPropertiesTest.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void utilityBestAndWorst_andTheBestPackageAllowed_equalEnumeration(long seed) {
        Scenario s = LinkedAnalysisPropertiesTest.scenario(seed);
        for (Profile p : s.profiles().values()) {
            UtilityTable t = UtilityTable.of(s.space(), p);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double bestAllowed = Double.NEGATIVE_INFINITY;
            int[] c = new int[s.issues().size()];
            do {
                double u = byDefinition(p, c);
                assertThat(t.utility(c)).isCloseTo(u, offset(1e-12));
                assertThat(t.forbids(c)).isEqualTo(forbiddenByDefinition(p, c));
                max = Math.max(max, u);
                min = Math.min(min, u);
                bestAllowed = forbiddenByDefinition(p, c) ? bestAllowed : Math.max(bestAllowed, u);
            } while (s.space().increment(c));
            assertThat(t.best()).isCloseTo(max, offset(1e-12));
            assertThat(t.worst()).isCloseTo(min, offset(1e-12));
            int[] best = t.bestPackage();
            if (bestAllowed > Double.NEGATIVE_INFINITY) {
                assertThat(forbiddenByDefinition(p, best)).as("the best package is allowed").isFalse();
                assertThat(byDefinition(p, best)).isCloseTo(bestAllowed, offset(1e-12));
            }
        }
    }

    @Test
    void aTermThatTakesTheUtilityAboveOne_isRefused() {
        List<Issue> issues = List.of(issue("X"), issue("Y"));
        Profile p = Profile.of(issues, new double[]{0.5, 0.5}, new double[][]{{0, 1}, {0, 1}}, 0, new boolean[][]{
                {false, false}, {false, false}});
        var high = new Interaction(new int[]{0, 1}, new boolean[][]{{false, true}, {false, true}}, 0.25);
        assertThatThrownBy(() -> p.withInteractions(List.of(high))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0.0, 1.25]");
        var low = new Interaction(new int[]{0, 1}, new boolean[][]{{true, false}, {true, false}}, -0.25);
        assertThatThrownBy(() -> p.withInteractions(List.of(low))).hasMessageContaining("[-0.25, 1.0]");
        var fits = new Interaction(new int[]{0, 1}, new boolean[][]{{true, false}, {false, true}}, 0.25);
        assertThat(p.withInteractions(List.of(fits)).range()).containsExactly(0.0, 1.0);
    }

    public static double byDefinition(Profile p, int[] c) {
        double u = 0;
        for (int i = 0; i < c.length; i++) {
            u += p.weight(i) * p.value(i, c[i]);
        }
        for (Interaction t : p.interactions()) {
            boolean holds = true;
            for (int j = 0; j < t.issues().length; j++) {
                holds &= t.options()[j][c[t.issues()[j]]];
            }
            u += holds ? t.value() : 0;
        }
        return u;
    }

    public static boolean forbiddenByDefinition(Profile p, int[] c) {
        boolean forbidden = false;
        for (int i = 0; i < c.length; i++) {
            forbidden |= p.isRedLine(i, c[i]);
        }
        for (Condition h : p.conditions()) {
            forbidden |= h.ifOptions()[c[h.ifIssue()]] && !h.thenOptions()[c[h.thenIssue()]];
        }
        return forbidden;
    }

    private static Issue issue(String id) {
        return new Issue(id, id, List.of(new Option(id + "0", id + "0"), new Option(id + "1", id + "1")));
    }
}
