package dev.parley.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    static final List<Issue> ISSUES = List.of(
            new Issue("CF", "Ceasefire", List.of(new Option("full", "Full"), new Option("partial", "Partial"))),
            new Issue("KU", "Kursk", List.of(new Option("hold", "Hold"), new Option("withdraw", "Withdraw"),
                    new Option("surrender", "Surrender"))));

    @Test
    void parse_readsIdsInAnyOrder() {
        Outcome o = Outcome.parse(ISSUES, "KU=surrender, CF=partial");
        assertThat(o.toArray()).containsExactly(1, 2);
        assertThat(o.format(ISSUES)).isEqualTo("CF=partial,KU=surrender");
        assertThat(Outcome.parse(ISSUES, o.format(ISSUES))).isEqualTo(o);
        assertThat(o.toMap(ISSUES)).containsExactly(java.util.Map.entry("CF", "partial"),
                java.util.Map.entry("KU", "surrender"));
    }

    @Test
    void parse_namesEveryProblem() {
        assertThatThrownBy(() -> Outcome.parse(ISSUES, "CF=ful,XX=1,CF=full,oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no option 'ful' in issue CF (options: full, partial); no issue 'XX' (issues: CF, KU); "
                        + "'oops' is not ISSUE=OPTION; no option given for KU");
        assertThatThrownBy(() -> Outcome.parse(ISSUES, "CF=full,CF=partial,KU=hold"))
                .hasMessage("issue CF is given twice");
    }

    @Test
    void optional_isTheSameOneEachTime_holdingTheOutcome() {
        Outcome o = Outcome.of(1, 2);
        assertThat(o.optional()).containsSame(o);
        assertThat(o.optional()).isSameAs(o.optional());
        assertThat(Outcome.of(1, 2).optional()).isNotSameAs(o.optional()).isEqualTo(o.optional());
    }

    @Test
    void is_comparesThePositions() {
        Outcome o = Outcome.of(1, 2);
        assertThat(o.is(1, 2)).isTrue();
        assertThat(o.is(1, 1)).isFalse();
        assertThat(o.is(2, 1)).isFalse();
        assertThat(o.is(1, 2, 0)).isFalse();
        assertThat(o.is(1)).isFalse();
    }

    @Test
    void order_isIndexOrder() {
        assertThat(Outcome.of(0, 2)).isLessThan(Outcome.of(1, 0));
        assertThat(Outcome.of(1, 0)).isLessThan(Outcome.of(1, 1));
    }
}
