package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Scenario;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The sanity figures of shared/scenarios/ceasefire-2025.md, from the analysis of the built-in scenario. */
class CeasefireAnalysisTest {
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
    static final Analysis A = Analyzer.analyze(S, AnalysisOptions.defaults());

    @Test
    void counts_matchTheSpec() {
        assertThat(A.outcomes()).isEqualTo(BigInteger.valueOf(800_000));
        assertThat(A.withinRedLines()).isEqualTo(BigInteger.valueOf(144_000));
        assertThat(A.agreementZone()).isPresent();
        assertThat(A.zoneEmpty()).isFalse();
        assertThat(A.notes()).isEmpty();
    }

    @Test
    void nash_isTheSpecPackageWithTheSpecUtilities() {
        Solution nash = A.solutions().get(SolutionKind.NASH);
        assertThat(nash.outcome().format(S.issues())).isEqualTo("CF=full-30d,KU=surrender,TR=de-facto-line,"
                + "MO=ukraine-halts,AID=us-pause-europe-continues,PK=neutral-monitors,SG=binding-us-europe,"
                + "NATO=neutrality,SAN=phased-with-snapback");
        assertThat(nash.utilities().get("UA")).isCloseTo(0.5805, within(1e-9));
        assertThat(nash.utilities().get("RU")).isCloseTo(0.554, within(1e-9));
        assertThat(nash.utilities().get("US")).isCloseTo(0.808, within(1e-9));
        assertThat(nash.utilities().get("EU")).isCloseTo(0.668, within(1e-9));
    }

    @Test
    void print() {
        System.out.println("zone " + A.agreementZone() + " frontier " + A.frontierSize() + " distinct "
                + A.frontierDistinct());
        A.solutions().forEach((k, v) -> System.out.println(k + " " + v.outcome().format(S.issues()) + " "
                + v.utilities()));
        A.blockingDemands().forEach(b -> System.out.println(b.demand() + " " + b.zoneWith() + " -> "
                + b.zoneWithout() + " " + b.nashShift()));
    }
}
