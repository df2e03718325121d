package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Profile;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bid search, by hand: X (values 0, 0.5, 1) and Y (0, 1), weighted 0.5 each; the reference is the other side's
 * last offer.
 */
class BidSearchTest {
    static final List<Issue> ISSUES = List.of(new Issue("X", "X", List.of(new Option("x0", "x0"), new Option("x1",
            "x1"), new Option("x2", "x2"))), new Issue("Y", "Y", List.of(new Option("y0", "y0"),
                    new Option("y1",
                            "y1"))));
    static final boolean[][] NONE = {{false, false, false}, {false, false}};
    static final boolean[][] NO_Y0 = {{false, false, false}, {true, false}};
    static final boolean[][] NO_X1 = {{false, true, false}, {false, false}};

    static Stream<Arguments> cases() {
        return Stream.of(
                // A reference that meets the target is bid as it is.
                Arguments.of("meets the target", NONE, 0.5, new int[]{1, 1}, new int[]{1, 1}),
                // From x0 y0 (0) to 0.2: X moves first (the gains tie, X comes first) and x1 (0.25) suffices.
                Arguments.of("nearest option that suffices", NONE, 0.2, new int[]{0, 0}, new int[]{1, 0}),
                // To 0.6: X to its best (0.5 gained), then Y to y1 for the missing 0.1.
                Arguments.of("issues in the order of their gain", NONE, 0.6, new int[]{0, 0}, new int[]{2, 1}),
                // From x1 y0 (0.25) to 0.75: Y gains 0.5, X only 0.25, so Y moves first, and alone suffices (the
                // first issue that gains anything, X, moved first, would give x2 y1).
                Arguments.of("the issue that gains most moves first", NONE, 0.75, new int[]{1, 0}, new int[]{1, 1}),
                // From x2 y0 (0.5) to 0.9, only Y can gain.
                Arguments.of("only one issue can gain", NONE, 0.9, new int[]{2, 0}, new int[]{2, 1}),
                // An unreachable target gives the best package.
                Arguments.of("unreachable", NONE, 2.0, new int[]{0, 0}, new int[]{2, 1}),
                // The reference's red-line option is replaced by the best option.
                Arguments.of("red line in the reference", NO_Y0, 0.4, new int[]{0, 0}, new int[]{0, 1}),
                // x1 would suffice for 0.2, but it is a red line: the search takes x2.
                Arguments.of("red line never chosen", NO_X1, 0.2, new int[]{0, 0}, new int[]{2, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void near_findsThePackageWorkedOutByHand(String what, boolean[][] redLines, double target, int[] reference,
            int[] expected) {
        UtilityTable table = UtilityTable.of(OutcomeSpace.of(ISSUES), Profile.of(ISSUES, new double[]{0.5, 0.5},
                new double[][]{{0, 0.5, 1}, {0, 1}}, 0, redLines));
        assertThat(BidSearch.near(table, target, dev.parley.engine.model.Outcome.of(reference))).containsExactly(
                expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void near_inAWorkingArray_findsTheSamePackageThere_whateverTheArrayHeld(String what, boolean[][] redLines,
            double target, int[] reference, int[] expected) {
        UtilityTable table = UtilityTable.of(OutcomeSpace.of(ISSUES), Profile.of(ISSUES, new double[]{0.5, 0.5},
                new double[][]{{0, 0.5, 1}, {0, 1}}, 0, redLines));
        for (int[] held : new int[][]{{0, 0}, {2, 1}, {1, 0}, {7, -3}}) {
            int[] into = held.clone();
            int[] found = BidSearch.near(table, target, dev.parley.engine.model.Outcome.of(reference), into);
            assertThat(found).as("held %s", java.util.Arrays.toString(held)).isSameAs(into).containsExactly(
                    expected);
        }
    }

    @org.junit.jupiter.api.Test
    void near_withoutAReference_startsFromTheBestPackage() {
        // Nobody has offered yet: the search starts from x2 y1 (1.0), which meets any target; with y1 a red line,
        // from x2 y0 (0.5), which meets 0.5 but not 0.6 (then the best package, x2 y0, for want of better).
        UtilityTable open = UtilityTable.of(OutcomeSpace.of(ISSUES), Profile.of(ISSUES, new double[]{0.5, 0.5},
                new double[][]{{0, 0.5, 1}, {0, 1}}, 0, NONE));
        assertThat(BidSearch.near(open, 0.3, null)).containsExactly(2, 1);
        boolean[][] noY1 = {{false, false, false}, {false, true}};
        UtilityTable held = UtilityTable.of(OutcomeSpace.of(ISSUES), Profile.of(ISSUES, new double[]{0.5, 0.5},
                new double[][]{{0, 0.5, 1}, {0, 1}}, 0, noY1));
        assertThat(BidSearch.near(held, 0.5, null)).containsExactly(2, 0);
        assertThat(BidSearch.near(held, 0.6, null)).containsExactly(2, 0);
    }
}
