package dev.parley.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.forecast.ExpectedUtility.Actor;
import dev.parley.engine.forecast.ExpectedUtility.Move;
import dev.parley.engine.forecast.ExpectedUtility.Readings;
import dev.parley.engine.forecast.ExpectedUtility.Round;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of Scholz, Calbert and Smith, "Unravelling Bueno De Mesquita's group decision model", Journal
 * of Theoretical Politics 23(4), 2011: ten European actors (capability, position on a 4–10 scale, salience), run for
 * ten rounds. The expected figures are those logged by the open Python port of their replication
 * (bdm-scholz-expected-utility-model, {@code bdm_scholz_model.py}) for this input: the weighted median and mean after
 * each round and every actor's position, to the six decimals it prints. Among them the move the port's author
 * flags as Scholz's special rule for compromises: in round 4 Belgium compromises toward the Netherlands, from 9.96
 * to 4.80, rather than toward France.
 */
class ExpectedUtilityTest {
    static final List<Actor> EUROPE = List.of(new Actor("Netherlands", 0.08, 4, 0.8), new Actor("Belgium", 0.08, 7,
            0.4), new Actor("Luxembourg", 0.03, 4, 0.2), new Actor("Germany", 0.16, 4, 0.8),
            new Actor("France", 0.16,
                    10, 0.6),
            new Actor("Italy", 0.16, 10, 0.6), new Actor("UK", 0.16, 10, 0.9), new Actor("Ireland",
                    0.05, 7, 0.1),
            new Actor("Denmark", 0.05, 4, 1.0), new Actor("Greece", 0.08, 7, 0.7));

    /** Per round 1–10: the median, the mean, then each actor's position in the order above. */
    static final double[][] LOGGED = {
            {8.415932315426764, 7.461314378277189, 4.000000, 8.415932, 7.000000, 4.000000, 10.000000, 10.000000,
                    10.000000, 4.000000, 4.000000, 7.000000},
            {9.610859134120188, 7.552500865855845, 4.000000, 9.610859, 8.415932, 4.000000, 10.000000, 10.000000,
                    10.000000, 7.000000, 4.000000, 7.000000},
            {9.961979590401311, 7.590144997451547, 4.000000, 9.961980, 9.610859, 4.000000, 10.000000, 10.000000,
                    10.000000, 8.415932, 4.000000, 7.000000},
            {9.961979590401311, 7.358130531334201, 4.000000, 4.800881, 9.961980, 4.000000, 10.000000, 10.000000,
                    10.000000, 9.610859, 4.000000, 7.000000},
            {9.961979590401311, 7.3491739896752115, 4.000000, 5.524238, 4.800881, 4.000000, 10.000000, 10.000000,
                    10.000000, 9.961980, 4.000000, 7.000000},
            {7.47204636191629, 7.414877545372958, 4.000000, 7.472046, 5.524238, 4.000000, 10.000000, 10.000000,
                    10.000000, 5.524238, 4.000000, 7.000000},
            {8.824593855262423, 7.510457183677219, 4.000000, 8.824594, 7.472046, 4.000000, 10.000000, 10.000000,
                    10.000000, 7.472046, 4.000000, 7.000000},
            {9.671129769802048, 7.5724470975503, 4.000000, 9.671130, 8.824594, 4.000000, 10.000000, 10.000000,
                    10.000000, 8.824594, 4.000000, 7.000000},
            {9.671129769802048, 7.324989065683666, 4.000000, 4.144849, 9.671130, 4.000000, 10.000000, 10.000000,
                    10.000000, 9.671130, 4.000000, 7.000000},
            {7.0, 7.242130958473938, 4.000000, 4.291541, 4.144849, 4.000000, 10.000000, 10.000000, 10.000000,
                    4.144849, 4.000000, 7.000000}};

    @Test
    void theWorkedExample_roundByRound() {
        List<Round> rounds = ExpectedUtility.run(EUROPE, 10, Readings.CODE);
        assertThat(rounds).hasSize(11);
        assertThat(rounds.get(0).median()).isEqualTo(7.0);
        assertThat(rounds.get(0).mean()).isCloseTo(7.389955686853767, within(1e-12));
        for (int k = 1; k <= 10; k++) {
            Round r = rounds.get(k);
            double[] logged = LOGGED[k - 1];
            assertThat(r.median()).as("median after round %d", k).isCloseTo(logged[0], within(1e-9));
            assertThat(r.mean()).as("mean after round %d", k).isCloseTo(logged[1], within(1e-9));
            for (int a = 0; a < EUROPE.size(); a++) {
                assertThat(r.position(a)).as("%s after round %d", EUROPE.get(a).name(), k).isCloseTo(logged[2 + a],
                        within(5e-7));
            }
        }
        Round fourth = rounds.get(4);
        assertThat(fourth.moves().get(1)).isEqualTo(Move.COMPROMISES);
        assertThat(fourth.toward().get(1)).isEqualTo("Netherlands");
    }

    @Test
    void theTextsReading_takesTheNearestCompromise_andSplitsThePairsVotes() {
        List<Round> text = ExpectedUtility.run(EUROPE, 10, Readings.TEXT);
        List<Round> code = ExpectedUtility.run(EUROPE, 10, Readings.CODE);
        assertThat(text).isNotEqualTo(code);
        for (Round r : text) {
            for (int a = 0; a < EUROPE.size(); a++) { // every move stays between the positions held at the start
                assertThat(r.position(a)).isBetween(4.0, 10.0);
            }
        }
    }

    @Test
    void theBaselines_areTheWeightedMedianAndMean_byHand() {
        // weights c·s: A 0.2 at 0, B 0.3 at 50, C 0.4 at 100: the mean is (0.3·50 + 0.4·100)/0.9; C's 0.4 is short
        // of a majority of 0.9, and 50 beats both 0 (0.7 to 0.2) and 100 (0.5 to 0.4)
        var actors = List.of(new Actor("A", 1, 0, 0.2), new Actor("B", 1, 50, 0.3), new Actor("C", 1, 100, 0.4));
        assertThat(ExpectedUtility.weightedMean(actors)).isCloseTo((0.3 * 50 + 0.4 * 100) / 0.9, within(1e-12));
        assertThat(ExpectedUtility.weightedMedian(actors)).isEqualTo(50);
    }

    @Test
    void actorsWhoAllAgree_stayPut_andBadActorsAreRefused() {
        var same = List.of(new Actor("A", 1, 30, 0.5), new Actor("B", 1, 30, 0.5));
        assertThat(ExpectedUtility.run(same, 5, Readings.CODE)).hasSize(1);
        assertThatThrownBy(() -> ExpectedUtility.run(List.of(new Actor("A", 1, 0, 1)), 3, Readings.CODE))
                .hasMessageContaining("two actors");
        assertThatThrownBy(() -> new Actor("A", -1, 0, 1)).hasMessageContaining("capability");
        assertThatThrownBy(() -> new Actor("A", 1, 0, 1.5)).hasMessageContaining("salience");
    }
}
