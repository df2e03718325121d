package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gap between the principals, worked out by hand on {@link HandScenario}. */
class PictureTest {
    @Test
    void beforeAnyOffer_eachPrincipalStandsOnItsBestPackage() {
        // A's best: x0 y0 z0; B's best within its red lines: x2 y1 z0. Per issue |k_a − k_b| / (K − 1): X 2/2, Y 1/1,
        // Z 0; weighted by the principals' mean weights 0.4, 0.4, 0.2: 0.8.
        assertThat(Picture.gap(HandScenario.S, Map.of())).hasValueSatisfying(g -> assertThat(g).isCloseTo(0.8,
                within(1e-12)));
    }

    @Test
    void offers_areThePositions() {
        // A offers x1 y0 z1, B offers x2 y0 z0: X 1/2, Y 0, Z 1 → 0.4 × 0.5 + 0.2 × 1 = 0.4.
        var offers = Map.of("A", HandScenario.of(1, 0, 1), "B", HandScenario.of(2, 0, 0));
        assertThat(Picture.gap(HandScenario.S, offers)).hasValueSatisfying(g -> assertThat(g).isCloseTo(0.4, within(
                1e-12)));
        // Identical positions: no gap.
        assertThat(Picture.gap(HandScenario.S, Map.of("A", HandScenario.of(2, 0, 0), "B", HandScenario.of(2, 0, 0))))
                .hasValueSatisfying(g -> assertThat(g).isZero());
    }
}
