package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gap from what the principals said, on {@link HandScenario} (principals A and B; X of 3 options, Y and Z of 2;
 * both weigh X 0.4, Y 0.4, Z 0.2), worked out by hand.
 */
class PositionsTest {
    @Test
    void beforeAnythingIsSaid_eachStandsAtItsBestPackage() {
        // A's best x0 y0 z0; B's best within its red line (x0): x2 y1 z0. Gap 0.4·2/2 + 0.4·1/1 + 0 = 0.8.
        assertThat(new Positions(HandScenario.S).gap().orElseThrow()).isCloseTo(0.8, within(1e-12));
        // Per issue: X |0 − 2|/2 = 1, Y |0 − 1|/1 = 1, Z 0.
        assertThat(new Positions(HandScenario.S).issueGaps().orElseThrow()).containsExactly(new double[]{1, 1, 0},
                within(1e-12));
    }

    @Test
    void distanceToAcceptance_isHowFarEachRatifyingPartyFallsShortOfItsReservation() {
        // x2 y1 z1: A 0.0 against its 0.25, B 0.8; S does not ratify. x1 y0 z0: A 0.8, B 0.4, both above 0.25.
        assertThat(Picture.distanceToAcceptance(HandScenario.S, HandScenario.of(2, 1, 1))).containsExactly(java.util.Map
                .entry("A", 0.25), java.util.Map.entry("B", 0.0));
        assertThat(Picture.distanceToAcceptance(HandScenario.S, HandScenario.of(1, 0, 0)).values()).containsOnly(0.0);
    }

    @Test
    void singleText_criticismOverridesTheAcceptedText_andALaterAcceptanceSupersedesIt() {
        var p = new Positions(HandScenario.S);
        p.see(new Event.Proposed(0, "S", HandScenario.of(1, 0, 0)));
        p.see(new Event.Voted(0, "A", true));
        p.see(new Event.Voted(0, "B", true));
        p.see(new Event.Criticised(0, "B", true, List.of("Y"), List.of("y1")));
        // A at x1 y0 z0 (accepted); B at x1 y1 z0 (accepted, but wants y1): gap 0.4·1/1 = 0.4.
        assertThat(p.position("B")).containsExactly(1, 1, 0);
        assertThat(p.gap().orElseThrow()).isCloseTo(0.4, within(1e-12));
        p.see(new Event.TextAdopted(0, HandScenario.of(1, 0, 0)));
        p.see(new Event.Proposed(1, "S", HandScenario.of(2, 0, 0)));
        p.see(new Event.Voted(1, "B", true)); // B accepts x2 y0 z0 with no criticism: y1 no longer said
        assertThat(p.position("B")).containsExactly(2, 0, 0);
        // A still at x1 y0 z0: gap 0.4·1/2 = 0.2.
        assertThat(p.gap().orElseThrow()).isCloseTo(0.2, within(1e-12));
        p.see(new Event.Voted(1, "A", false)); // a rejection says nothing by itself
        assertThat(p.position("A")).containsExactly(1, 0, 0);
    }

    @Test
    void offers_areThePositionInTheOfferProtocols() {
        var p = new Positions(HandScenario.S);
        p.see(new Event.Offered(0, "A", Outcome.of(2, 1, 1)));
        p.see(new Event.Offered(0, "B", Outcome.of(2, 1, 0)));
        assertThat(p.gap().orElseThrow()).isCloseTo(0.2, within(1e-12)); // only Z differs: 0.2·1/1
    }
}
