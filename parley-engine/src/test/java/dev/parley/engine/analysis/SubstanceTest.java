package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.analysis.Assessment.Flag;
import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The assessment on substance, worked out by hand on a scenario of two issues X and Y, two options each: principals A
 * (wants x0, y0) and B (wants x1, y1), each weighing X 0.6 and Y 0.4 with values 1 and 0 and reservation 0; the
 * mediator M (ratifying) wants x1 whatever Y; stakeholder S does not ratify, is A's ally and wants what A wants, with
 * weights 0.5 and 0.5. A states demands {@code a-x} (X = x0) and {@code a-y} (Y = y0); B states {@code b-x} (X = x1)
 * and {@code b-both} (X = x1 and Y = y1). No red lines: the zone is all four packages.
 * <pre>
 * package  A    B    M  S     A's demands   B's demands
 * x1 y1    0    1    1  0     none          b-x, b-both
 * x1 y0    0.4  0.6  1  0.5   a-y           b-x
 * x0 y1    0.6  0.4  0  0.5   a-x           none
 * </pre>
 * Each party's best in the zone is 1, so a share equals its utility. Demands are weighted by the party's own weights
 * on the issues they name: A's a-x 0.6, a-y 0.4; B's b-x 0.6, b-both 0.6 + 0.4 = 1.
 */
class SubstanceTest {
    static final List<Issue> ISSUES = List.of(issue("X"), issue("Y"));

    static Issue issue(String id) {
        String o = id.toLowerCase(java.util.Locale.ROOT);
        return new Issue(id, id, List.of(new Option(o + "0", o + "0"), new Option(o + "1", o + "1")));
    }

    static Profile profile(double wx, double[] x, double[] y, double reservation, boolean[][] red) {
        return Profile.of(ISSUES, new double[]{wx, 1 - wx}, new double[][]{x, y}, reservation, red);
    }

    static boolean[][] none() {
        return new boolean[][]{{false, false}, {false, false}};
    }

    static Scenario scenario(double reservationB, boolean[][] redLinesA) {
        var parties = List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of("B", "B", Role.PRINCIPAL), Party.of("M",
                "M", Role.MEDIATOR), new Party("S", "S", Role.STAKEHOLDER, false, List.of(), List.of("A")));
        var profiles = Map.of(
                "A", profile(0.6, new double[]{1, 0}, new double[]{1, 0}, 0, redLinesA),
                "B", profile(0.6, new double[]{0, 1}, new double[]{0, 1}, reservationB, none()),
                "M", profile(1, new double[]{0, 1}, new double[]{0, 0}, 0, none()),
                "S", profile(0.5, new double[]{1, 0}, new double[]{1, 0}, 0, none()));
        var demands = Map.of(
                "A", List.of(new Demand("a-x", "X at x0", Map.of("X", List.of("x0"))), new Demand("a-y", "Y at y0",
                        Map.of("Y", List.of("y0")))),
                "B", List.of(new Demand("b-x", "X at x1", Map.of("X", List.of("x1"))), new Demand("b-both",
                        "Both at 1", new java.util.LinkedHashMap<>(Map.of("X", List.of("x1"), "Y", List.of("y1"))))));
        return Scenario.of("substance", "By hand", "", parties, ISSUES, profiles, Optional.empty(), demands);
    }

    static Assessment assess(Scenario s, int x, int y) {
        return assess(s, x, y, AssessmentLimits.DEFAULTS);
    }

    static Assessment assess(Scenario s, int x, int y, AssessmentLimits limits) {
        return Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false)).assess(Outcome.of(new int[]{
                x, y}), limits);
    }

    static Flag flag(Assessment a, String kind) {
        return a.flags().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + kind + " flag in " + a.flags()));
    }

    static List<String> kinds(Assessment a) {
        return a.flags().stream().map(Flag::kind).toList();
    }

    @Test
    void onesBestPackage_isOneSidedOnDemands_favoursTheMediator_andLeavesTheOtherSideAndItsAllyFarWorse() {
        Assessment a = assess(scenario(0, none()), 1, 1);
        assertThat(a.demands().get("B").granted()).containsExactly("b-x", "b-both");
        assertThat(a.demands().get("B").share()).isCloseTo(1, within(1e-12));
        assertThat(a.demands().get("A").granted()).isEmpty();
        assertThat(a.demands().get("A").share()).isZero();
        assertThat(kinds(a)).containsExactlyInAnyOrder(Assessment.VICTORY, Assessment.DEMANDS_ONE_SIDED,
                Assessment.MEDIATOR_FAVOURED, Assessment.ALLIES_WORSE);

        Flag demands = flag(a, Assessment.DEMANDS_ONE_SIDED);
        assertThat(demands.party()).isEqualTo("B");
        assertThat(demands.detail()).isEqualTo("one-sided on stated demands: B is granted 2 of 2 demands (100% by its "
                + "weights), A 0 of 2 demands (0% by its weights) (one-sided at 60% or more against 33% or less)");
        assertThat(demands.figures()).containsEntry("B", 1.0).containsEntry("A", 0.0);

        // M gets 1, the principals 0 and 1: a mean of 0.5, exceeded by 0.5 > 0.4.
        Flag mediator = flag(a, Assessment.MEDIATOR_FAVOURED);
        assertThat(mediator.party()).isEqualTo("M");
        assertThat(mediator.figures()).containsEntry("M", 1.0).containsEntry("principalsMean", 0.5);

        // A and its ally S: 0 and 0; B alone: 1.
        Flag allies = flag(a, Assessment.ALLIES_WORSE);
        assertThat(allies.party()).isEqualTo("A");
        assertThat(allies.figures()).containsEntry("sideMean", 0.0).containsEntry("otherSideMean", 1.0);
        assertThat(allies.detail()).startsWith("A and its allies fare far worse than B: 0% of their possible gain on "
                + "average (A 0%, S 0%) against 100% (B 100%");
    }

    @Test
    void aPackageThatSplitsTheDemands_isNotOneSided_butStillFavoursTheMediator() {
        Assessment a = assess(scenario(0, none()), 1, 0);
        // A is granted a-y (0.4 of 1.0), B b-x (0.6 of 1.6).
        assertThat(a.demands().get("A").share()).isCloseTo(0.4, within(1e-12));
        assertThat(a.demands().get("B").share()).isCloseTo(0.6 / 1.6, within(1e-12));
        // M 1 against a principals' mean of (0.4 + 0.6) / 2 = 0.5; A's side (0.4 + 0.5) / 2 = 0.45 against 0.6.
        assertThat(kinds(a)).containsExactly(Assessment.MEDIATOR_FAVOURED);
    }

    @Test
    void aPackageTheMediatorGainsNothingFrom_isOneSidedOnDemandsAlone() {
        Assessment a = assess(scenario(0, none()), 0, 1);
        assertThat(a.demands().get("A").granted()).containsExactly("a-x");
        assertThat(a.demands().get("B").granted()).isEmpty();
        // A 0.6 of 1.0 granted, B 0 of 1.6: one-sided (0.6 is at least the default 0.6, 0 at most 1/3). Mediator
        // favoured? M gets nothing: no. Pareto-dominated? x1 y0 gives A 0.4: no.
        assertThat(kinds(a)).containsExactly(Assessment.DEMANDS_ONE_SIDED);
        Assessment stricter = assess(scenario(0, none()), 0, 1, new AssessmentLimits(0.4, 0.61, 1.0 / 3, 0.4, 0.4));
        assertThat(kinds(stricter)).as("0.6 short of 'most' at 0.61").isEmpty();
    }

    @Test
    void sharesStayInTheirRange_orSayWhyNot() {
        // A's red line y1 and B's reservation 0.5 leave the zone {x1 y0}: B's best in it is 0.6.
        boolean[][] redY1 = {{false, false}, {false, true}};
        Assessment outside = assess(scenario(0.5, redY1), 1, 1);
        // B gets 1, more than the zone's best 0.6: its share of the zone is (1 − 0.5)/(0.6 − 0.5) = 5; of its own
        // red lines (none) (1 − 0.5)/(1 − 0.5) = 1.
        assertThat(outside.shares().get("B")).isCloseTo(5, within(1e-9));
        assertThat(outside.sharesWithinRedLines().get("B")).isCloseTo(1, within(1e-12));
        // A's own red lines allow at best 1 (x0 y0): its red-line share is its utility, 0.
        assertThat(outside.sharesWithinRedLines().get("A")).isCloseTo(0, within(1e-12));
        Assessment below = assess(scenario(0.5, redY1), 0, 0);
        // B gets 0 against its reservation 0.5: below by 0.5, however its share would read.
        assertThat(below.belowReservationBy()).containsOnlyKeys("B");
        assertThat(below.belowReservationBy().get("B")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void limits_areTheUsers() {
        Analysis analysis = Analyzer.analyze(scenario(0, none()), AnalysisOptions.defaults().withBlockingDemands(
                false));
        Assessment relaxed = analysis.assess(Outcome.of(new int[]{1, 0}), new AssessmentLimits(0.4, 2.0 / 3, 1.0 / 3,
                0.6, 0.4));
        assertThat(kinds(relaxed)).doesNotContain(Assessment.MEDIATOR_FAVOURED);
        Assessment strict = analysis.assess(Outcome.of(new int[]{0, 1}), new AssessmentLimits(0.4, 0.5, 0.1, 0.4,
                0.4));
        assertThat(kinds(strict)).contains(Assessment.DEMANDS_ONE_SIDED);
    }
}
