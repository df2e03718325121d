package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default scenario carries every number of shared/scenarios/ceasefire-2025.md. */
class BuiltinScenariosTest {
    final Scenario s = BuiltinScenarios.find("ceasefire-2025").orElseThrow();

    @Test
    void ceasefire_hasItsPartiesIssuesAndOutcomeCount() {
        assertThat(s.parties()).extracting(Party::id).containsExactly("UA", "RU", "US", "EUR");
        assertThat(s.ratifyingParties()).hasSize(4);
        assertThat(s.issues()).extracting(i -> i.id() + "/" + i.size())
                .containsExactly("CF/4", "KU/4", "TR/5", "MO/5", "AID/5", "PK/4", "SG/5", "NATO/4", "SAN/5");
        assertThat(s.space().size()).isEqualTo(800_000);
        assertThat(s.protocol().orElseThrow().type()).isEqualTo("single-text");
        assertThat(s.protocol().orElseThrow().mediator()).contains("US");
    }

    @Test
    void ceasefire_descriptionSaysTheNumbersAreIllustrative() {
        assertThat(s.description()).contains("ILLUSTRATIVE MODELLING ASSUMPTIONS").contains("March 2025")
                .contains("accepts the philosophy");
    }

    @Test
    void ceasefire_profilesCarryTheSpecNumbers() {
        var ua = s.profile("UA").orElseThrow();
        var ru = s.profile("RU").orElseThrow();
        var us = s.profile("US").orElseThrow();
        var eu = s.profile("EUR").orElseThrow();
        assertThat(List.of(ua.reservation(), ru.reservation(), us.reservation(), eu.reservation()))
                .containsExactly(0.45, 0.50, 0.35, 0.45);
        assertThat(weights(us)).containsExactly(.35, .04, .08, .04, .12, .07, .10, .08, .12);
        assertThat(weights(eu)).containsExactly(.10, .02, .15, .08, .15, .15, .17, .05, .13);
        int tr = s.issueIndex("TR");
        assertThat(values(ru, tr, 5)).containsExactly(0, .3, .5, .85, 1);
        assertThat(values(us, s.issueIndex("SAN"), 5)).containsExactly(.3, .8, .9, 1, .8);
        assertThat(values(eu, s.issueIndex("NATO"), 4)).containsExactly(.7, 1, .5, .2);
        assertThat(ua.isRedLine(tr, 3)).isTrue();
        assertThat(ua.isRedLine(tr, 4)).isTrue();
        assertThat(ua.isRedLine(s.issueIndex("MO"), 4)).isTrue();
        assertThat(ru.isRedLine(s.issueIndex("PK"), 0)).isTrue();
        assertThat(ru.isRedLine(s.issueIndex("PK"), 1)).isTrue();
        assertThat(ru.isRedLine(s.issueIndex("NATO"), 0)).isTrue();
        assertThat(us.hasRedLines()).isFalse();
        assertThat(eu.hasRedLines()).isFalse();
    }

    @Test
    void ceasefire_has144000OutcomesWithinRedLines() {
        // Brute force: every outcome, checked against every ratifying party's red lines.
        var tables = s.ratifyingParties().stream()
                .map(p -> UtilityTable.of(s.space(), s.profile(p.id()).orElseThrow())).toList();
        int[] choice = new int[s.issues().size()];
        long within = 0;
        do {
            boolean ok = true;
            for (UtilityTable t : tables) {
                ok &= !t.breaksRedLine(choice);
            }
            within += ok ? 1 : 0;
        } while (s.space().increment(choice));
        assertThat(within).isEqualTo(144_000);
    }

    @Test
    void ceasefire_nashPackageHasTheSpecUtilities() {
        int[] nash = new int[s.issues().size()];
        String[] options = {"full-30d", "surrender", "de-facto-line", "ukraine-halts", "us-pause-europe-continues",
                "neutral-monitors", "binding-us-europe", "neutrality", "phased-with-snapback"};
        for (int i = 0; i < nash.length; i++) {
            nash[i] = s.issues().get(i).indexOf(options[i]);
            assertThat(nash[i]).as(options[i]).isNotNegative();
        }
        assertThat(utility("UA", nash)).isCloseTo(0.5805, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(utility("RU", nash)).isCloseTo(0.554, org.assertj.core.data.Offset.offset(5e-4));
        assertThat(utility("US", nash)).isCloseTo(0.808, org.assertj.core.data.Offset.offset(5e-4));
        assertThat(utility("EUR", nash)).isCloseTo(0.668, org.assertj.core.data.Offset.offset(5e-4));
    }

    @Test
    void resolve_takesBuiltinIdsAndRefusesUnknownOnes() {
        assertThat(BuiltinScenarios.resolve("ceasefire-2025")).isSameAs(s);
        assertThatThrownBy(() -> BuiltinScenarios.resolve("ceasefire-2026")).isInstanceOf(ScenarioException.class)
                .hasMessage("ceasefire-2026: no such file or built-in scenario (did you mean 'ceasefire-2025'?)"
                        + " (built-in: ceasefire-2025)");
    }

    private double utility(String party, int[] choice) {
        return UtilityTable.of(s.space(), s.profile(party).orElseThrow()).utility(choice);
    }

    private static double[] weights(dev.parley.engine.model.Profile p) {
        double[] w = new double[p.issueCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.weight(i);
        }
        return w;
    }

    private static double[] values(dev.parley.engine.model.Profile p, int issue, int k) {
        double[] v = new double[k];
        for (int o = 0; o < k; o++) {
            v[o] = p.value(issue, o);
        }
        return v;
    }
}
