package dev.parley.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeSpaceTest {
    static Issue issue(String id, int options) {
        var list = new ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option("o" + k, "option " + k));
        }
        return new Issue(id, id, list);
    }

    @Test
    void encodeDecode_roundTripsEveryOutcomeInLexicographicOrder() {
        var space = OutcomeSpace.of(List.of(issue("A", 3), issue("B", 2), issue("C", 4)));
        assertThat(space.size()).isEqualTo(24);
        int[] walk = new int[3];
        int[] decoded = new int[3];
        long expected = 0;
        do {
            assertThat(space.encode(walk)).isEqualTo(expected);
            space.decode(expected, decoded);
            assertThat(decoded).containsExactly(walk);
            expected++;
        } while (space.increment(walk));
        assertThat(expected).isEqualTo(24);
        assertThat(walk).containsOnly(0);
    }

    @Test
    void firstIssue_isMostSignificant() {
        var space = OutcomeSpace.of(List.of(issue("A", 3), issue("B", 5)));
        assertThat(space.encode(new int[]{1, 0})).isEqualTo(5);
        assertThat(space.encode(new int[]{0, 4})).isEqualTo(4);
    }

    @Test
    void hugeSpace_isCountedExactlyButNotIndexable() {
        var issues = new ArrayList<Issue>();
        for (int i = 0; i < 20; i++) {
            issues.add(issue("I" + i, 10));
        }
        var space = OutcomeSpace.of(issues);
        assertThat(space.count()).isEqualTo(BigInteger.TEN.pow(20));
        assertThat(space.isIndexable()).isFalse();
        assertThatThrownBy(space::size).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("100000000000000000000 outcomes");
    }

    @Test
    void decode_outOfRange_isRefused() {
        var space = OutcomeSpace.of(List.of(issue("A", 2)));
        assertThatThrownBy(() -> space.decode(2, new int[1])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> space.encode(new int[]{2})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void issue_withOneOption_isRefused() {
        assertThatThrownBy(() -> issue("A", 1)).hasMessageContaining("at least 2 options");
    }
}
