package dev.parley.engine.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TournamentTest {
    static final List<String> FOUR = List.of("boulware", "linear", "conceder", "hardliner");

    static Scenario generated(long seed, int parties) {
        return RandomScenarios.generate(new SplittableRandom(seed), new RandomScenarios.Settings(parties, 3, 3, 4, 0,
                0.3, 0.05));
    }

    static Tournament offers(List<Tournament.Entry> scenarios, boolean selfPlay, int repetitions) {
        return new Tournament(scenarios, List.of(new Tournament.Play("alternating", ProtocolKind.ALTERNATING, 50,
                Optional.empty()), new Tournament.Play("saop", ProtocolKind.SAOP, 50, Optional.empty())), Map.of(
                        SeatRole.NEGOTIATOR, FOUR),
                Map.of(), selfPlay, repetitions, 7, Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @CsvSource({"true, 1", "true, 3", "false, 1", "false, 2"})
    void sessions_areEveryAssignmentTimesProtocolsTimesRepetitions(boolean selfPlay, int repetitions) {
        var t = offers(List.of(new Tournament.Entry("a", generated(1, 2)), new Tournament.Entry("b", generated(2,
                2))), selfPlay, repetitions);
        int k = FOUR.size();
        int assignments = selfPlay ? k * k : k * (k - 1); // ordered pairs over the two principals' seats
        assertThat(t.sessions()).hasSize(2 * 2 * assignments * repetitions);
        for (int i = 0; i < t.sessions().size(); i++) {
            assertThat(t.sessions().get(i).index()).isEqualTo(i);
        }
        var keys = new HashSet<String>();
        var seeds = new HashSet<Long>();
        for (var c : t.sessions()) {
            assertThat(keys.add(t.key(c))).as("unique key").isTrue();
            seeds.add(t.seed(c));
            if (!selfPlay) {
                assertThat(c.principals().get(0)).isNotEqualTo(c.principals().get(1));
            }
        }
        assertThat(seeds).hasSize(t.sessions().size());
    }

    @Test
    void aSessionsSeed_dependsOnItsCoordinatesOnly_notOnWhatElseIsPlayed() {
        Scenario b = generated(2, 2);
        var both = offers(List.of(new Tournament.Entry("a", generated(1, 2)), new Tournament.Entry("b", b)), true, 2);
        var alone = offers(List.of(new Tournament.Entry("b", b)), true, 2);
        for (var c : alone.sessions()) {
            var same = both.sessions().stream().filter(x -> both.key(x).equals(alone.key(c))).findFirst()
                    .orElseThrow();
            assertThat(same.index()).isNotEqualTo(c.index()); // another place in the order...
            assertThat(both.seed(same)).isEqualTo(alone.seed(c)); // ...the same seed
        }
    }

    @Test
    void aMediatedProtocol_onAScenarioWithoutAMediator_isSkippedWithTheReason() {
        var t = new Tournament(List.of(new Tournament.Entry("two", generated(1, 2)), new Tournament.Entry("three",
                generated(3, 3))), List.of(
                        new Tournament.Play("single-text", ProtocolKind.SINGLE_TEXT, 40, Optional
                                .empty())),
                Map.of(SeatRole.VOTER, List.of("truthful", "could-sign"), SeatRole.TEXT_MEDIATOR,
                        List.of("hill-climb", "anneal")),
                Map.of(), true, 1, 1, Duration.ofSeconds(5));
        assertThat(t.skipped()).singleElement().satisfies(s -> {
            assertThat(s.scenario()).isEqualTo("two");
            assertThat(s.reason()).contains("needs a mediator");
        });
        // three parties: P0, P1 principals (voters), P2 the mediator: 2 × 2 voter assignments × 2 mediators
        assertThat(t.sessions()).hasSize(8);
        assertThat(t.sessions()).allSatisfy(c -> assertThat(c.mediator()).isPresent());
    }

    @Test
    void fixedSeats_areNotCompetedFor() {
        var t = new Tournament(List.of(new Tournament.Entry("three", generated(3, 3))), List.of(new Tournament.Play(
                "single-text", ProtocolKind.SINGLE_TEXT, 40, Optional.empty())), Map.of(SeatRole.VOTER,
                        List.of(
                                "truthful", "could-sign"),
                        SeatRole.TEXT_MEDIATOR, List.of("hill-climb", "anneal")),
                Map.of(
                        "P0", "truthful", "P2", "hill-climb"),
                true, 1, 1, Duration.ofSeconds(5));
        assertThat(t.sessions()).hasSize(2); // only P1's seat is competed for
        assertThat(t.sessions()).allSatisfy(c -> {
            assertThat(c.principals()).hasSize(1);
            assertThat(c.mediator()).isEmpty();
        });
    }

    @Test
    void nothingToPlay_orTwoScenariosOfOneName_isRefused() {
        assertThatThrownBy(() -> new Tournament(List.of(new Tournament.Entry("two", generated(1, 2))), List.of(
                new Tournament.Play("shuttle", ProtocolKind.SHUTTLE, 10, Optional.empty())), Map.of(), Map.of(), true,
                1, 1, Duration.ofSeconds(1))).isInstanceOf(InvalidInput.class).hasMessageContaining(
                        "no session can be played");
        assertThatThrownBy(() -> offers(List.of(new Tournament.Entry("x", generated(1, 2)), new Tournament.Entry("x",
                generated(2, 2))), true, 1)).isInstanceOf(InvalidInput.class).hasMessageContaining(
                        "two scenarios are named x");
    }
}
