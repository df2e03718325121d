package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Profile;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bid search, by hand: X (values 0, 0.5, 1) and Y (0, 1), weighted 0.5 each; the reference is the other side's
 * last offer.
 */
class BidSearchTest {
    static final List<Issue> ISSUES = List.of(new Issue("X", "X", List.of(new Option("x0", "x0"), new Option("x1",
            "x1"), new Option("x2", "x2"))), new Issue("Y", "Y", List.of(new Option("y0", "y0"),
                    new Option("y1",
                            "y1"))));

    static UtilityTable table(boolean[][] redLines) {
        return UtilityTable.of(OutcomeSpace.of(ISSUES), Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{0,
                0.5, 1}, {0, 1}}, 0, redLines));
    }

    static final boolean[][] NONE = {{false, false, false}, {false, false}};

    @Test
    void aReferenceThatMeetsTheTarget_isBidAsItIs() {
        assertThat(BidSearch.near(table(NONE), 0.5, new int[]{1, 1})).containsExactly(1, 1);
    }

    @Test
    void theLastIssueMoved_stopsAtTheOptionNearestTheReferenceThatSuffices() {
        // From x0 y0 (0) to 0.2: X moves first (gains tie, X comes first) and x1 (0.25) suffices.
        assertThat(BidSearch.near(table(NONE), 0.2, new int[]{0, 0})).containsExactly(1, 0);
    }

    @Test
    void issuesMove_inTheOrderOfWhatTheyGain_untilTheTargetIsMet() {
        // To 0.6: X to its best (0.5 gained), then Y to y1 for the missing 0.1.
        assertThat(BidSearch.near(table(NONE), 0.6, new int[]{0, 0})).containsExactly(2, 1);
        // From x2 y0 (0.5) to 0.9, only Y can gain.
        assertThat(BidSearch.near(table(NONE), 0.9, new int[]{2, 0})).containsExactly(2, 1);
    }

    @Test
    void anUnreachableTarget_givesTheBestPackage() {
        assertThat(BidSearch.near(table(NONE), 2, new int[]{0, 0})).containsExactly(2, 1);
    }

    @Test
    void aRedLineOfTheReference_isReplacedByTheBestOption_andNeverChosen() {
        boolean[][] noY0 = {{false, false, false}, {true, false}};
        assertThat(BidSearch.near(table(noY0), 0.4, new int[]{0, 0})).containsExactly(0, 1);
        boolean[][] noX1 = {{false, true, false}, {false, false}};
        // x1 would suffice for 0.2, but it is a red line: the search takes x2.
        assertThat(BidSearch.near(table(noX1), 0.2, new int[]{0, 0})).containsExactly(2, 0);
    }
}
