package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A mediator's stance on the hand scenario ({@link HandScenario}), worked out by hand. The zone holds x1 y0 z0 (A 0.8,
 * B 0.4), x1 y1 z0 (0.4, 0.8), x2 y0 z0 (0.6, 0.6) and x2 y0 z1 (0.4, 0.4); both reserve 0.25.
 */
class StanceTest {
    private static final Analysis A = Analyzer.analyze(HandScenario.S, AnalysisOptions.defaults());

    @Test
    void neutral_aimsAtTheNashPackage_interested_atItsOwnBestInTheZone() {
        // Nash products over (0.25, 0.25): 0.55·0.15, 0.15·0.55, 0.35·0.35 (the largest), 0.15·0.15.
        assertThat(Stance.NEUTRAL.aim(A, "A")).contains(HandScenario.of(2, 0, 0));
        assertThat(Stance.INTERESTED.aim(A, "A")).contains(HandScenario.of(1, 0, 0));
        assertThat(Stance.INTERESTED.aim(A, "B")).contains(HandScenario.of(1, 1, 0));
        // S does not ratify: its best in the zone is 0.55, at x2 y0 z0 and x2 y0 z1; the first gives A and B more.
        assertThat(Stance.INTERESTED.aim(A, "S")).contains(HandScenario.of(2, 0, 0));
        assertThat(Stance.INTERESTED.aim(A, "nobody")).isEmpty();
    }

    @Test
    void aStep_staysAmongTheTextsNoRatifyingPartyValuesLess() {
        // From x2 y0 z1 (0.4, 0.4) every package of the zone but itself is no worse for both; over (0.4, 0.4) the
        // Nash products are 0.4·0, 0·0.4 and 0.2·0.2: x2 y0 z0.
        Outcome from = HandScenario.of(2, 0, 1);
        assertThat(Stance.NEUTRAL.step(HandScenario.S, from, "A", AnalysisOptions.defaults())).contains(HandScenario
                .of(2, 0, 0));
        assertThat(Stance.INTERESTED.step(HandScenario.S, from, "A", AnalysisOptions.defaults())).contains(
                HandScenario.of(1, 0, 0));
        // From x2 y0 z0 (0.6, 0.6) nothing else is as good for both (x0 y1 z0 breaks B's red line): no step.
        assertThat(Stance.NEUTRAL.step(HandScenario.S, HandScenario.of(2, 0, 0), "A", AnalysisOptions.defaults()))
                .isEmpty();
    }

    @Test
    void stances_areNamedAsInTheApi() {
        assertThat(Stance.of("neutral")).contains(Stance.NEUTRAL);
        assertThat(Stance.of("interested")).contains(Stance.INTERESTED);
        assertThat(Stance.of("partial")).isEqualTo(Optional.empty());
    }
}
