package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whether each stated demand can be part of an acceptable deal, on {@link SubstanceTest}'s scenario, every figure
 * worked out by hand there.
 */
class DemandChecksTest {
    static StatedDemandCheck check(Scenario s, String demand) {
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults());
        return a.statedDemands().stream().filter(c -> c.demand().equals(demand)).findFirst().orElseThrow();
    }

    @Test
    void aDemandTheZoneCanGrant_comesWithItsNashPackage_andWhatImposingItCostsEachParty() {
        Scenario s = SubstanceTest.scenario(0, SubstanceTest.none());
        // The zone is all four packages; its Nash package x1 y0 (A 0.4, B 0.6, M 1): product 0.24, the others 0.
        // b-both holds X at x1 and Y at y1: only x1 y1 (A 0, B 1, M 1, S 0) grants it.
        StatedDemandCheck c = check(s, "b-both");
        assertThat(c.party()).isEqualTo("B");
        assertThat(c.possible()).contains(true);
        assertThat(c.zoneWith()).hasValue(1);
        assertThat(c.nashWith().orElseThrow().outcome()).isEqualTo(Outcome.of(new int[]{1, 1}));
        assertThat(c.cost().get("A")).isCloseTo(0.4, within(1e-9));
        assertThat(c.cost().get("B")).isCloseTo(-0.4, within(1e-9));
        assertThat(c.cost().get("M")).isCloseTo(0, within(1e-9));
        assertThat(c.cost().get("S")).isCloseTo(0.5, within(1e-9));
        assertThat(c.redLinesInTheWay()).isEmpty();
        // b-x is granted by the Nash package itself: it costs nothing.
        assertThat(check(s, "b-x").cost().values()).allSatisfy(x -> assertThat(x).isCloseTo(0, within(1e-9)));
    }

    @Test
    void aDemandARedLineForbids_namesTheRedLine_andReservationsStandInTheWayOfAnother() {
        // A's red line y1 and B's reservation 0.5 leave the zone {x1 y0}.
        Scenario s = SubstanceTest.scenario(0.5, new boolean[][]{{false, false}, {false, true}});
        StatedDemandCheck both = check(s, "b-both");
        assertThat(both.possible()).contains(false);
        assertThat(both.redLinesInTheWay()).containsExactly("A Y=y1");
        assertThat(both.nearMisses()).isEmpty(); // with it dropped, x1 y1 (A 0, B 1, M 1) is in the zone
        // a-x needs x0: within A's red lines only x0 y0, where B gets 0, short of its 0.5.
        StatedDemandCheck ax = check(s, "a-x");
        assertThat(ax.possible()).contains(false);
        assertThat(ax.redLinesInTheWay()).isEmpty();
        assertThat(ax.nearMisses()).first().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.of(new int[]{0, 0}));
            assertThat(n.shortOf()).containsExactly("B");
            assertThat(n.shortfall()).isCloseTo(0.5, within(1e-9));
        });
        // a-y (y0) and b-x (x1) are both granted by the one zone package.
        assertThat(List.of(check(s, "a-y").possible(), check(s, "b-x").possible())).containsExactly(Optional.of(true),
                Optional.of(true));
    }

    @Test
    void aDemandOnlyACondition_forbids_namesThatConditionAndNotTheOthers() {
        // A's red line y0, and A's condition "x1 only with y0": granting b-x (x1) needs y0, which A forbids, or y1,
        // which the condition forbids. A's second condition ("y1 only with x0 or x1") is never broken: not in the way.
        Scenario base = SubstanceTest.scenario(0, new boolean[][]{{false, false}, {true, false}});
        var conditions = List.of(new dev.parley.engine.model.Condition(0, new boolean[]{false, true}, 1,
                new boolean[]{true, false}),
                new dev.parley.engine.model.Condition(1, new boolean[]{false, true}, 0,
                        new boolean[]{true, true}));
        Scenario s = base.withProfile("A", base.profiles().get("A").withConditions(conditions));
        StatedDemandCheck bx = check(s, "b-x");
        assertThat(bx.possible()).contains(false);
        assertThat(bx.zoneWith()).hasValue(0);
        assertThat(bx.redLinesInTheWay()).containsExactly("A condition X=x1 only with Y=y0");
        // a-x (x0) needs nothing of the conditions: x0 y1 is in the zone.
        assertThat(check(s, "a-x").possible()).contains(true);
    }
}
