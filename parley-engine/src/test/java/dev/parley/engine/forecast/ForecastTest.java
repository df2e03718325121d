package dev.parley.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.model.Uncertainty;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The forecast against figures worked out by hand. One issue X with options x0, x1, x2: A values them 1, 0.6, 0 and
 * B 0, 0.6, 1; B reserves 0.5. Only x1 can give both 0.5 or more, so the zone is empty exactly when A's reservation
 * exceeds 0.6: with A's reservation uniform on [0.2, 0.8], P(empty) = 0.2 / 0.6 = 1/3, and then the smallest thing to
 * relax is A's reservation.
 */
class ForecastTest {
    static final List<Issue> ISSUES = List.of(new Issue("X", "X", List.of(new Option("x0", "x0"), new Option("x1",
            "x1"), new Option("x2", "x2"))));

    /** The scenario above, A's point reservation the middle of its interval. */
    static Scenario scenario(double reservationLow, double reservationHigh) {
        Profile a = Profile.of(ISSUES, new double[]{1}, new double[][]{{1, 0.6, 0}}, (reservationLow
                + reservationHigh) / 2, new boolean[][]{
                        {false,
                                false, false}});
        Profile b = Profile.of(ISSUES, new double[]{1}, new double[][]{{0, 0.6, 1}}, 0.5, new boolean[][]{{false,
                false, false}});
        Scenario s = Scenario.of("one-issue", "One issue", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of(
                "B", "B", Role.PRINCIPAL)), ISSUES, Map.of("A", a, "B", b), Optional.empty());
        double[][] v = {{1, 0.6, 0}};
        return s.withUncertainty(Map.of("A", Uncertainty.of(a, new Uncertainty.Fixed(), v, v, reservationLow,
                reservationHigh)));
    }

    static Forecast.Plan plan(Scenario s, int runs, long seed) {
        return new Forecast.Plan(Settings.defaults(s).withKind(ProtocolKind.SAOP).withRounds(40), Map.of(), runs,
                seed);
    }

    static final Executor DIRECT = Runnable::run;

    @Test
    void theZoneIsEmptyAsOftenAsTheReservationExceedsWhatTheOnlySharedPackageGives() {
        Scenario s = scenario(0.2, 0.8);
        List<Forecast.Run> runs = Forecast.runs(s, plan(s, 3000, 42), DIRECT, done -> {
        });
        Summary x = Summary.of(runs, 40, new int[]{3});
        assertThat(x.zoneEmpty().share()).isCloseTo(1 / 3.0, within(0.03));
        assertThat(x.zoneEmpty().low()).isLessThan(1 / 3.0);
        assertThat(x.zoneEmpty().high()).isGreaterThan(1 / 3.0);
        assertThat(x.blocking()).extracting(Summary.Blocker::relaxation).contains("A reservation");
        for (Forecast.Run r : runs) {
            double drawn = Forecast.draw(s, 42, r.index()).profiles().get("A").reservation();
            assertThat(r.zoneEmpty()).as("run %d, A reserves %f", r.index(), drawn).isEqualTo(drawn > 0.6);
            if (!r.zoneEmpty()) {
                assertThat(r.nash()).contains(Outcome.of(1)); // the only package in the zone
            }
            assertThat(r.agreed()).as("a deal only where there is a zone").isEqualTo(r.agreed() && !r.zoneEmpty());
        }
        // a deal only where the zone is open (P = 2/3 at most), and only on its one package
        assertThat((long) x.agreement().count()).isPositive()
                .isLessThanOrEqualTo(runs.stream().filter(r -> !r.zoneEmpty())
                        .count());
        assertThat(x.deals()).singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.of(1)));
    }

    @Test
    void theSensitivity_findsThatAHigherReservationMakesADealRarer() {
        Scenario s = scenario(0.2, 0.8);
        List<Forecast.Run> runs = Forecast.runs(s, plan(s, 2000, 5), DIRECT, done -> {
        });
        List<String> names = Forecast.parameters(s).stream().map(Forecast.Parameter::name).toList();
        assertThat(names).containsExactly("A reservation");
        Summary.Effect e = Summary.of(runs, 40, new int[]{3}, names, Forecast.points(s), true).sensitivity().get(0);
        // split at the point reservation 0.5: below it the zone is always open; above it only up to 0.6, a third
        assertThat(e.point()).isEqualTo(0.5);
        assertThat(e.low().share()).isGreaterThan(e.high().share() + 0.3);
        assertThat(e.difference()).isLessThan(-e.margin());
        for (Forecast.Run r : runs) {
            assertThat(r.drawn(0)).isEqualTo(Forecast.draw(s, 5, r.index()).profiles().get("A").reservation());
        }
    }

    @Test
    void aFinalTextBelowAReservation_isTheRefusalNamed() {
        List<Issue> issues = ISSUES;
        boolean[][] none = {{false, false, false}};
        Profile a = Profile.of(issues, new double[]{1}, new double[][]{{1, 0.6, 0}}, 0.2, none);
        Profile b = Profile.of(issues, new double[]{1}, new double[][]{{0, 0.6, 0.6}}, 0.9, none); // nothing reaches
        Profile m = Profile.of(issues, new double[]{1}, new double[][]{{0.5, 1, 0.5}}, 0, none);
        Scenario s = Scenario.of("refused", "Refused", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of("B",
                "B", Role.PRINCIPAL), Party.of("M", "M", Role.MEDIATOR)), issues, Map.of("A", a, "B", b, "M", m),
                Optional.empty());
        double[][] v = {{1, 0.6, 0}};
        s = s.withUncertainty(Map.of("A", Uncertainty.of(a, new Uncertainty.Fixed(), v, v, 0.1, 0.3)));
        var plan = new Forecast.Plan(Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).withRounds(20), Map
                .of(), 30, 1);
        List<Forecast.Run> runs = Forecast.runs(s, plan, DIRECT, done -> {
        });
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.agreed()).isFalse();
            assertThat(r.zoneEmpty()).isTrue();
            assertThat(r.refusals()).contains("B reservation");
        });
        Summary x = Summary.of(runs, 20, new int[]{3}, List.of("A reservation"), Forecast.points(s), true);
        assertThat(x.refusals().get(0).relaxation()).isEqualTo("B reservation");
        assertThat(x.refusals().get(0).share().count()).isEqualTo(30);
    }

    @Test
    void offerProtocols_haveNoFinalTextToRefuse() {
        Scenario s = scenario(0.7, 0.8); // the zone is always empty: no deal
        assertThat(Forecast.runs(s, plan(s, 10, 1), DIRECT, done -> {
        })).allSatisfy(r -> {
            assertThat(r.agreed()).isFalse();
            assertThat(r.refusals()).isEmpty();
        });
    }

    @Test
    void theSummary_isTheSameWhateverOrderTheRunsComeIn() {
        Scenario s = scenario(0.2, 0.8);
        List<Forecast.Run> runs = Forecast.runs(s, plan(s, 300, 9), DIRECT, done -> {
        });
        List<String> names = Forecast.parameters(s).stream().map(Forecast.Parameter::name).toList();
        Summary inOrder = Summary.of(runs, 40, new int[]{3}, names, Forecast.points(s), true);
        var shuffled = new java.util.ArrayList<>(runs);
        java.util.Collections.shuffle(shuffled, new java.util.Random(4));
        assertThat(shuffled).isNotEqualTo(runs);
        assertThat(Summary.of(shuffled, 40, new int[]{3}, names, Forecast.points(s), true)).isEqualTo(inOrder);
        var streamed = new Summary.Accumulator(40, new int[]{3}, names, Forecast.points(s), true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Forecast.stream(s, plan(s, 300, 9), pool, 2, done -> {
            }, () -> false, streamed::add);
        } finally {
            pool.shutdownNow();
        }
        assertThat(streamed.summary()).isEqualTo(inOrder);
    }

    @Test
    void theRuns_areTheSameWhateverTheThreads() {
        Scenario s = scenario(0.2, 0.8);
        List<Forecast.Run> alone = Forecast.runs(s, plan(s, 200, 7), DIRECT, done -> {
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertThat(Forecast.runs(s, plan(s, 200, 7), pool, done -> {
            })).isEqualTo(alone);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Forecast.runs(s, plan(s, 200, 8), DIRECT, done -> {
        })).isNotEqualTo(alone);
    }

    @Test
    void withoutUncertainty_everyRunIsTheTalksOnThePointScenario() {
        Scenario s = scenario(0.5, 0.5);
        Forecast.Plan plan = plan(s, 20, 3);
        var p = plan.settings().create(s);
        Session alone = Session.run(s, p, Seating.agents(p, Seating.defaults(p), 99, "seats")); // boulware: no chance
        for (Forecast.Run r : Forecast.runs(s, plan, DIRECT, done -> {
        })) {
            assertThat(r.deal()).isEqualTo(alone.state().agreement());
            assertThat(r.rounds()).isEqualTo(alone.state().round());
            assertThat(r.zoneEmpty()).isFalse();
        }
    }

    @Test
    void theSummaryCountsByHand() {
        var runs = List.of(new Forecast.Run(0, false, List.of(), Optional.of(Outcome.of(1)), Optional.of(Outcome.of(
                1)), 10, 1.0), new Forecast.Run(1, false, List.of(), Optional.of(Outcome.of(1)), Optional.of(
                        Outcome
                                .of(2)),
                        30, 0.5),
                new Forecast.Run(2, true, List.of("A reservation"), Optional.empty(), Optional.empty(), 40, 0),
                new Forecast.Run(3, false, List.of(), Optional.of(Outcome.of(1)), Optional.of(Outcome.of(1)), 20,
                        1.0));
        Summary x = Summary.of(runs, 40, new int[]{3});
        assertThat(x.agreement().count()).isEqualTo(3);
        assertThat(x.agreement().share()).isEqualTo(0.75);
        assertThat(x.deals()).extracting(f -> f.outcome()).containsExactly(Outcome.of(1), Outcome.of(2));
        assertThat(x.deals().get(0).share().count()).isEqualTo(2);
        assertThat(x.dealIsNash().count()).isEqualTo(2);
        assertThat(x.rounds().median()).hasValue(20);
        assertThat(x.rounds().max()).hasValue(30);
        assertThat(x.agreedBy().get(0).round()).isEqualTo(4);
        assertThat(x.agreedBy().get(2).agreed().count()).isEqualTo(1); // by round 12: the run agreed in 10
        assertThat(x.agreedBy().get(9).agreed().count()).isEqualTo(3);
        assertThat(x.meanNashShare()).isCloseTo(2.5 / 4, within(1e-12));
        assertThat(x.blocking()).singleElement().satisfies(b -> assertThat(b.share().count()).isEqualTo(1));
        // Wilson's interval for 3 of 4 (z = 1.96): centre (0.75 + z²/8) / (1 + z²/4), by hand 0.3006 to 0.9544
        assertThat(x.agreement().low()).isCloseTo(0.3006, within(1e-3));
        assertThat(x.agreement().high()).isCloseTo(0.9544, within(1e-3));
    }
}
