package dev.parley.engine.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandingsTest {
    static Result result(int index, Result.Status status, String a, double advA, String b, double advB,
            double nps) {
        boolean played = status.played();
        return new Result(index, "k" + index, "s", index % 2 == 0 ? "saop" : "alternating", Optional.empty(), 0, 0,
                status, status == Result.Status.AGREED ? Optional.of("I0=o0") : Optional.empty(), "",
                status == Result.Status.ERROR ? Optional.of("P1") : Optional.empty(), status == Result.Status.ERROR
                        ? Optional.of(b)
                        : Optional.empty(),
                10, played ? nps : Double.NaN,
                0, 0, 0, 0, List.of(new Result.Seat("P0", a, played ? advA : Double.NaN, played ? advA : Double.NaN),
                        new Result.Seat("P1", b, played ? advB : Double.NaN, played ? advB : Double.NaN)));
    }

    static List<Result> results() {
        return List.of(result(0, Result.Status.AGREED, "x", 0.8, "y", 0.2, 0.5),
                result(1, Result.Status.AGREED, "y", 0.4, "x", 0.6, 0.9),
                result(2, Result.Status.NO_AGREEMENT, "x", 0, "x", 0, 0),
                result(3, Result.Status.ERROR, "y", 0, "z", 0, 0),
                result(4, Result.Status.AGREED, "z", 0.5, "y", 0.5, 1.0));
    }

    @Test
    void meansIntervalsRanksAndFailures_byHand() {
        var acc = new Standings.Accumulator();
        results().forEach(acc::add);
        Standings s = acc.standings();
        assertThat(s.sessions()).isEqualTo(5);
        assertThat(s.agreed()).isEqualTo(3);
        assertThat(s.errors()).isEqualTo(1);
        // x: 0.8, 0.6, 0, 0 → mean 0.35; sample variance = (0.45² + 0.25² + 0.35² + 0.35²) / 3 = 0.51 / 3
        Standings.Row x = s.agents().get(2);
        assertThat(x.agent()).isEqualTo("x");
        assertThat(x.rank()).isEqualTo(3);
        assertThat(x.plays()).isEqualTo(4);
        assertThat(x.score()).isCloseTo(0.35, within(1e-12));
        double half = 1.96 * Math.sqrt(0.51 / 3 / 4);
        assertThat(x.low()).isCloseTo(0.35 - half, within(1e-12));
        assertThat(x.high()).isCloseTo(0.35 + half, within(1e-12));
        assertThat(x.agreement()).isCloseTo(0.5, within(1e-12));
        assertThat(x.bins()).containsExactly(2, 0, 0, 0, 0, 0, 1, 0, 1, 0);
        // y: 0.2, 0.4, 0.5 → 0.3667; z: 0.5 (one play: no interval) and the error in its seat
        Standings.Row z = s.agents().stream().filter(r -> r.agent().equals("z")).findFirst().orElseThrow();
        assertThat(z.rank()).as("0.5 is above x's 0.35 and y's 0.367").isEqualTo(1);
        assertThat(z.score()).isEqualTo(0.5);
        assertThat(z.low()).isNaN();
        assertThat(z.errors()).isEqualTo(1);
        assertThat(s.agents()).extracting(Standings.Row::agent).containsExactly("z", "y", "x");
        // protocols: saop holds 0, 2, 4 (two deals), alternating 1, 3 (one deal, one failed)
        assertThat(s.protocols()).extracting(Standings.Rate::protocol, Standings.Rate::sessions,
                Standings.Rate::agreed, Standings.Rate::failed).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "saop", 3, 2, 0),
                        org.assertj.core.groups.Tuple.tuple("alternating", 2, 1, 1));
        // x against y: sessions 0 and 1 → (0.8 + 0.6) / 2; x against x: session 2, twice
        assertThat(s.pairs()).filteredOn(c -> c.agent().equals("x") && c.opponent().equals("y")).singleElement()
                .satisfies(c -> assertThat(c.advantage()).isCloseTo(0.7, within(1e-12)));
        assertThat(s.pairs()).filteredOn(c -> c.agent().equals("x") && c.opponent().equals("x")).singleElement()
                .satisfies(c -> assertThat(c.plays()).isEqualTo(2));
        assertThat(s.comparisons()).hasSize(3); // x–y, x–z, y–z
    }

    @Test
    void theStandings_doNotDependOnTheOrderResultsArrive() {
        var forward = new Standings.Accumulator();
        results().forEach(forward::add);
        var shuffled = new ArrayList<>(results());
        Collections.shuffle(shuffled, new java.util.Random(9));
        var other = new Standings.Accumulator();
        shuffled.forEach(other::add);
        assertThat(other.standings()).isEqualTo(forward.standings());
    }

    @Test
    void equalScores_shareARank() {
        var acc = new Standings.Accumulator();
        acc.add(result(0, Result.Status.AGREED, "a", 0.5, "b", 0.5, 1));
        assertThat(acc.standings().agents()).extracting(Standings.Row::rank).containsExactly(1, 1);
    }
}
