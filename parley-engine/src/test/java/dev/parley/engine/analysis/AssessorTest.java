package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.analysis.Assessment.Flag;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every flag and the victory index, on {@link HandScenario}, each figure worked out by hand there. */
class AssessorTest {
    static Analysis analysis;

    @BeforeAll
    static void analyse() {
        analysis = Analyzer.analyze(HandScenario.S, AnalysisOptions.defaults().withBlockingDemands(false));
    }

    static List<String> kinds(Assessment a) {
        return a.flags().stream().map(Flag::kind).toList();
    }

    @Test
    void theZone_andTheIdeals_areAsWorkedOut() {
        assertThat(analysis.agreementZone().getAsLong()).isEqualTo(4); // the four of the table marked yes
        assertThat(analysis.ideals().get("A")).isCloseTo(0.8, within(1e-12));
        assertThat(analysis.ideals().get("B")).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aBalancedParetoOptimalPackage_raisesNoFlag() {
        Assessment a = analysis.assess(HandScenario.of(2, 0, 0));
        assertThat(a.flags()).isEmpty();
        assertThat(a.inZone()).isTrue();
        assertThat(a.paretoOptimal()).isTrue();
        assertThat(a.shares().get("A")).isCloseTo(0.35 / 0.55, within(1e-12));
        assertThat(a.victoryIndices()).singleElement().satisfies(v -> assertThat(v.value()).isCloseTo(0, within(
                1e-12)));
    }

    @Test
    void oneSidesBestPackage_isItsVictory_andLeavesTheStakeholderBelowItsReservation() {
        Assessment a = analysis.assess(HandScenario.of(1, 0, 0));
        // Shares: A (0.8 − 0.25)/0.55 = 1, B (0.4 − 0.25)/0.55 = 3/11; the index B − A = −8/11.
        assertThat(a.victoryIndices().get(0).value()).isCloseTo(3.0 / 11 - 1, within(1e-12));
        assertThat(kinds(a)).containsExactlyInAnyOrder(Assessment.VICTORY, Assessment.STAKEHOLDER_BELOW_RESERVATION);
        Flag victory = a.flags().stream().filter(f -> f.kind().equals(Assessment.VICTORY)).findFirst().orElseThrow();
        assertThat(victory.party()).isEqualTo("A");
        assertThat(victory.detail()).isEqualTo("looks like a victory for A: A gets 100% of its possible gain, B 27% "
                + "of its possible gain (victory index -0.73, limit 0.40)");
        assertThat(victory.figures().get("victoryIndex")).isCloseTo(3.0 / 11 - 1, within(1e-12));
        Flag stakeholder = a.flags().stream().filter(f -> f.kind().equals(Assessment.STAKEHOLDER_BELOW_RESERVATION))
                .findFirst().orElseThrow();
        assertThat(stakeholder.detail()).isEqualTo("stakeholder S gets 0.3500, below its reservation 0.5000");
        assertThat(a.paretoOptimal()).isTrue();
    }

    @Test
    void theVictoryLimit_isTheCallers() {
        assertThat(kinds(analysis.assess(HandScenario.of(1, 0, 0), 0.75))).doesNotContain(Assessment.VICTORY);
        assertThat(kinds(analysis.assess(HandScenario.of(1, 0, 0), 0.7))).contains(Assessment.VICTORY);
    }

    @Test
    void aPackageBetterForBothExists_soItIsParetoDominated() {
        Assessment a = analysis.assess(HandScenario.of(2, 0, 1));
        // S, who does not ratify, gets 0.55, its best in the zone (share 1); A and B 0.15/0.55 each: it is favoured.
        assertThat(kinds(a)).containsExactlyInAnyOrder(Assessment.MEDIATOR_FAVOURED, Assessment.PARETO_DOMINATED);
        Flag favoured = a.flags().stream().filter(f -> f.kind().equals(Assessment.MEDIATOR_FAVOURED)).findFirst()
                .orElseThrow();
        assertThat(favoured.party()).isEqualTo("S");
        assertThat(favoured.figures().get("S")).isCloseTo(1, within(1e-9));
        assertThat(favoured.figures().get("principalsMean")).isCloseTo(0.15 / 0.55, within(1e-12));
        // (0.4, 0.4) is dominated by each of the three other zone packages; the flag names one of them.
        assertThat(a.flags().stream().filter(f -> f.kind().equals(Assessment.PARETO_DOMINATED)).findFirst()
                .orElseThrow().detail()).containsAnyOf("X=x2,Y=y0,Z=z0", "X=x1,Y=y0,Z=z0", "X=x1,Y=y1,Z=z0");
        assertThat(a.inZone()).isTrue();
        assertThat(a.paretoOptimal()).isFalse();
    }

    @Test
    void aRedLine_isNamed_andThePackageIsOutsideTheZone() {
        Assessment a = analysis.assess(HandScenario.of(0, 1, 0));
        assertThat(kinds(a)).containsExactly(Assessment.RED_LINE_BROKEN);
        assertThat(a.flags().get(0).party()).isEqualTo("B");
        assertThat(a.flags().get(0).detail()).isEqualTo("breaks B's red line X=x0");
        assertThat(a.inZone()).isFalse();
        assertThat(a.nashProductShare()).contains(0.0);
    }

    @Test
    void belowAReservation_isNamed_andTheOtherSideWins() {
        Assessment a = analysis.assess(HandScenario.of(2, 1, 1));
        // (0, 0.8) is dominated by x1 y1 z0, (0.4, 0.8), alone. S gets 0.55 (share 1) against the principals' mean
        // of 0 (A, below its reservation, counts as nothing) and 1: favoured by 0.5.
        assertThat(kinds(a)).containsExactlyInAnyOrder(Assessment.BELOW_RESERVATION, Assessment.VICTORY,
                Assessment.MEDIATOR_FAVOURED, Assessment.PARETO_DOMINATED);
        assertThat(a.belowReservationBy().get("A")).isCloseTo(0.25, within(1e-12));
        // Never a negative share in words: A is below its reservation, and said to be.
        assertThat(a.flags().stream().filter(f -> f.kind().equals(Assessment.VICTORY)).findFirst().orElseThrow()
                .detail()).isEqualTo("looks like a victory for B: B gets 100% of its possible gain, A nothing of its "
                        + "possible gain (below its reservation by 0.2500) (victory index +1.45, limit 0.40)");
        assertThat(a.flags().stream().filter(f -> f.kind().equals(Assessment.PARETO_DOMINATED)).findFirst()
                .orElseThrow().detail()).contains("X=x1,Y=y1,Z=z0");
        assertThat(a.flags().stream().filter(f -> f.kind().equals(Assessment.BELOW_RESERVATION)).findFirst()
                .orElseThrow().detail()).isEqualTo("A gets 0.0000, below its reservation 0.2500");
        // Shares: A (0 − 0.25)/0.55, B (0.8 − 0.25)/0.55 = 1; the index 1 + 5/11.
        assertThat(a.victoryIndices().get(0).value()).isCloseTo(1 + 5.0 / 11, within(1e-12));
    }
}
