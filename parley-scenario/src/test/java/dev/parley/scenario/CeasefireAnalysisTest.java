package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.BlockingDemand;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis of the built-in scenario: its sanity figures (the README's example output; hard conditions included), and
 * the zone and frontier checked here by enumerating all 800,000 outcomes, each condition applied by its definition.
 * Without the conditions, the wave-1 figures (the zone of 33,425 and the frontier of 634 outcomes were also
 * reproduced outside Parley, by brute force in exact integer arithmetic).
 */
class CeasefireAnalysisTest {
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
    static final Analysis A = Analyzer.analyze(S, AnalysisOptions.defaults());
    static final List<double[]> ZONE = new ArrayList<>();

    @BeforeAll
    static void enumerateZone() {
        List<Profile> profiles = S.ratifyingParties().stream().map(p -> S.profile(p.id()).orElseThrow()).toList();
        List<UtilityTable> tables = profiles.stream().map(p -> UtilityTable.of(S.space(), p)).toList();
        int[] choice = new int[S.issues().size()];
        do {
            double[] u = new double[tables.size()];
            boolean in = true;
            for (int k = 0; k < u.length; k++) {
                UtilityTable t = tables.get(k);
                u[k] = t.utility(choice);
                in &= !t.breaksRedLine(choice) && u[k] >= t.reservation() - 1e-9;
                for (Condition c : profiles.get(k).conditions()) { // these options only with those
                    in &= !(c.ifOptions()[choice[c.ifIssue()]] && !c.thenOptions()[choice[c.thenIssue()]]);
                }
            }
            if (in) {
                ZONE.add(u);
            }
        } while (S.space().increment(choice));
    }

    @Test
    void counts_matchTheSpecAndTheEnumeration() {
        assertThat(A.outcomes()).isEqualTo(BigInteger.valueOf(800_000));
        assertThat(A.withinRedLines()).isEqualTo(BigInteger.valueOf(77_760));
        assertThat(A.agreementZone().getAsLong()).isEqualTo(ZONE.size()).isEqualTo(17_532);
        assertThat(A.zoneEmpty()).isFalse();
        assertThat(A.notes()).isEmpty();
    }

    @Test
    void withoutTheConditions_theWaveOneFigures() {
        var profiles = new java.util.LinkedHashMap<String, Profile>();
        S.profiles().forEach((id, p) -> profiles.put(id, p.withConditions(List.of())));
        Scenario plain = Scenario.of(S.id(), S.title(), S.description(), S.parties(), S.issues(), profiles, S
                .protocol(), S.demands());
        Analysis a = Analyzer.analyze(plain, AnalysisOptions.defaults().withBlockingDemands(false));
        assertThat(a.withinRedLines()).isEqualTo(BigInteger.valueOf(144_000));
        assertThat(a.agreementZone().getAsLong()).isEqualTo(33_425);
        assertThat(a.frontierSize().getAsLong()).isEqualTo(634);
        Solution nash = a.solutions().get(SolutionKind.NASH);
        assertThat(nash.outcome().format(S.issues())).isEqualTo("CF=full-30d,KU=surrender,TR=de-facto-line,"
                + "MO=ukraine-halts,AID=us-pause-europe-continues,PK=neutral-monitors,SG=binding-us-europe,"
                + "NATO=neutrality,SAN=phased-with-snapback");
        assertThat(nash.utilities()).containsEntry("UA", 0.5805).containsEntry("RU", 0.554)
                .containsEntry("US", 0.808).containsEntry("EUR", 0.668);
    }

    @Test
    void countBudgetRunningOut_leavesTheZoneUncountedButTheFrontierAndNashExact() {
        Analysis a = Analyzer.analyze(S, AnalysisOptions.defaults().withBlockingDemands(false).withCountBudget(1_000));
        assertThat(a.agreementZone()).isEmpty();
        assertThat(a.zoneEmpty()).isFalse();
        assertThat(a.notes()).containsExactly(
                "agreement zone not counted: the search budget of 1,000 branches ran out; the zone is not empty");
        assertThat(a.frontierSize()).isEqualTo(A.frontierSize());
        assertThat(a.solutions().get(SolutionKind.NASH).outcome())
                .isEqualTo(A.solutions().get(SolutionKind.NASH).outcome());
    }

    @Test
    void frontier_isExactlyTheNonDominatedZone() {
        List<double[]> front = A.frontier(Integer.MAX_VALUE).stream().map(CeasefireAnalysisTest::vector).toList();
        assertThat(front).hasSize(486);
        assertThat(A.frontierSize().getAsLong()).isEqualTo(486);
        for (double[] f : front) {
            assertThat(ZONE.stream().noneMatch(z -> dominates(z, f))).isTrue();
        }
        for (double[] z : ZONE) {
            assertThat(front.stream().anyMatch(f -> atLeast(f, z))).isTrue();
        }
    }

    @Test
    void nash_isTheSpecPackageWithTheSpecUtilities() {
        Solution nash = A.solutions().get(SolutionKind.NASH);
        assertThat(nash.outcome().format(S.issues())).isEqualTo("CF=full-after-monitoring,KU=corridor,"
                + "TR=de-facto-line,MO=ukraine-halts,AID=us-pause-europe-continues,PK=neutral-monitors,"
                + "SG=binding-us-europe,NATO=neutrality,SAN=phased-with-snapback");
        assertThat(nash.utilities()).containsEntry("UA", 0.5805).containsEntry("RU", 0.556)
                .containsEntry("US", 0.758).containsEntry("EUR", 0.658);
        double best = ZONE.stream().mapToDouble(z -> (z[0] - .45) * (z[1] - .5) * (z[2] - .35) * (z[3] - .45)).max()
                .orElseThrow();
        assertThat(nash.value()).isCloseTo(best, within(1e-12));
    }

    @Test
    void everySolution_isAFrontierOutcome() {
        List<FrontierPoint> front = A.frontier(Integer.MAX_VALUE);
        for (Solution s : A.solutions().values()) {
            assertThat(front).extracting(FrontierPoint::outcome).contains(s.outcome());
        }
        assertThat(A.solutions()).hasSize(4);
    }

    @Test
    void blockingDemands_coverEveryRedLineConditionAndReservation_rankedByZoneGrowth() {
        List<BlockingDemand> b = A.blockingDemands();
        assertThat(b).hasSize(6 + 3 + 4);
        assertThat(b.stream().filter(d -> d.kind() == BlockingDemand.Kind.CONDITION).map(BlockingDemand::demand))
                .containsExactlyInAnyOrder("RU condition CF=full-30d only with AID=all-paused|permanent-halt",
                        "RU condition CF=full-30d|full-after-monitoring only with MO=mutual-pause|ukraine-halts|"
                                + "permanent-caps",
                        "UA condition NATO=neutrality only with SG=binding-us-europe|europe-with-us-backstop");
        assertThat(b.stream().filter(d -> d.kind() == BlockingDemand.Kind.RED_LINE).map(BlockingDemand::demand))
                .containsExactlyInAnyOrder("UA red line TR=recognise-occupied", "UA red line TR=recognise-five-regions",
                        "UA red line MO=permanent-caps", "RU red line PK=european-force-us-backstop",
                        "RU red line PK=european-force", "RU red line NATO=membership-path");
        for (int i = 1; i < b.size(); i++) {
            long before = b.get(i - 1).zoneWithout().getAsLong() - b.get(i - 1).zoneWith().getAsLong();
            long after = b.get(i).zoneWithout().getAsLong() - b.get(i).zoneWith().getAsLong();
            assertThat(before).isGreaterThanOrEqualTo(after);
        }
        assertThat(b).allMatch(d -> d.zoneWithout().getAsLong() >= d.zoneWith().getAsLong());
    }

    private static double[] vector(FrontierPoint p) {
        List<Party> parties = S.ratifyingParties();
        double[] v = new double[parties.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = p.utilities().get(parties.get(k).id());
        }
        return v;
    }

    /** a is at least as good as b for every party, up to floating-point dust. */
    private static boolean atLeast(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] < b[k] - 1e-12) {
                return false;
            }
        }
        return true;
    }

    /** a dominates b, beyond floating-point dust. */
    private static boolean dominates(double[] a, double[] b) {
        boolean greater = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] < b[k] - 1e-12) {
                return false;
            }
            greater |= a[k] > b[k] + 1e-12;
        }
        return greater;
    }
}
