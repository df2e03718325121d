package dev.parley.engine.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.session.Seating;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RefereeTest {
    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(12);
    }

    static Tournament offers(Scenario s, List<String> agents, int repetitions, Duration limit) {
        return new Tournament(List.of(new Tournament.Entry("s", s)), List.of(new Tournament.Play("alternating",
                ProtocolKind.ALTERNATING, 60, Optional.empty()),
                new Tournament.Play("saop", ProtocolKind.SAOP, 60,
                        Optional.empty())),
                Map.of(SeatRole.NEGOTIATOR, agents), Map.of(), true, repetitions, 11,
                limit);
    }

    /** Every figure of every session against a brute force over the whole outcome space. */
    @ParameterizedTest
    @MethodSource("seeds")
    void scores_areThoseOfABruteForceOverEveryOutcome(long seed) {
        Scenario s = TournamentTest.generated(seed, 2);
        var t = offers(s, List.of("boulware", "conceder", "random", "hardliner"), 1, Duration.ofMinutes(1));
        var referee = new Referee(t);
        var oracle = new Oracle(s);
        for (var c : t.sessions()) {
            Result r = referee.play(c);
            assertThat(r.status().played()).as(r.detail()).isTrue();
            double[] u = r.deal().map(d -> oracle.utilities(Outcome.parse(s.issues(), d)
                    .toArray())).orElse(oracle.reservation);
            for (int k = 0; k < 2; k++) {
                Result.Seat seat = r.seats().get(k);
                double max = oracle.best[k];
                double expected = r.deal().isEmpty()
                        ? 0
                        : (u[k] - oracle.reservation[k]) / (max
                                - oracle.reservation[k]);
                assertThat(seat.utility()).isCloseTo(u[k], within(1e-12));
                assertThat(seat.advantage()).isCloseTo(expected, within(1e-9));
                assertThat(seat.agent()).isEqualTo(c.principals().get(k));
            }
            assertThat(r.welfare()).isCloseTo(u[0] + u[1], within(1e-12));
            if (oracle.frontier.isEmpty()) {
                assertThat(r.paretoDistance()).isNaN();
            } else {
                assertThat(r.paretoDistance()).isCloseTo(oracle.distanceToFrontier(u), within(1e-9));
                assertThat(r.nashDistance()).isCloseTo(Math.hypot(u[0] - oracle.nash[0], u[1] - oracle.nash[1]),
                        within(1e-9));
            }
            if (r.deal().isPresent() && !oracle.frontier.isEmpty()) {
                int[] x = Outcome.parse(s.issues(), r.deal().get()).toArray();
                boolean inZone = oracle.profiles.stream().allMatch(p -> p.accepts(x) && p.utility(x) >= p
                        .reservation());
                double product = inZone ? (u[0] - oracle.reservation[0]) * (u[1] - oracle.reservation[1]) : 0;
                double best = (oracle.nash[0] - oracle.reservation[0]) * (oracle.nash[1] - oracle.reservation[1]);
                assertThat(r.nps()).isCloseTo(product / best, within(1e-6));
            }
        }
    }

    @Test
    void results_areTheSame_onOneThreadOrTwo_inAnyOrder() {
        Scenario s = TournamentTest.generated(5, 2);
        var t = offers(s, List.of("boulware", "random", "linear"), 3, Duration.ofMinutes(1));
        int[] forward = IntStream.range(0, t.sessions().size()).toArray();
        var reversed = new ArrayList<Integer>();
        for (int i : forward) {
            reversed.add(i);
        }
        Collections.shuffle(reversed, new java.util.Random(3));
        List<Result> one = playAll(t, forward, 1);
        List<Result> two = playAll(t, reversed.stream().mapToInt(Integer::intValue).toArray(), 2);
        assertThat(two).isEqualTo(one);
        // the random bidder draws from its seat's stream: repetitions differ, so seeds matter
        assertThat(one.stream().filter(r -> r.key().contains("random,random")).map(Result::rounds).distinct())
                .hasSizeGreaterThan(1);
    }

    private static List<Result> playAll(Tournament t, int[] todo, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var out = new ConcurrentLinkedQueue<Result>();
            new Referee(t).play(todo, pool, threads, () -> false, out::add, d -> {
            });
            return out.stream().sorted(java.util.Comparator.comparingInt(Result::index)).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgentThatThrows_isRecordedAgainstItsSeat_andTheOthersPlayOn() {
        Scenario s = TournamentTest.generated(2, 2);
        var t = offers(s, List.of("boulware", "bomb"), 1, Duration.ofMinutes(1));
        Seating.Maker maker = (field, spec, role, random) -> spec.equals("bomb")
                ? view -> {
                    throw new IllegalStateException("boom");
                }
                : Agents.create(field, spec, role, random);
        var referee = new Referee(t, maker, System::nanoTime);
        List<Result> results = t.sessions().stream().map(referee::play).toList();
        for (Result r : results) {
            boolean bombed = r.key().contains("bomb");
            assertThat(r.status()).isEqualTo(bombed ? Result.Status.ERROR : Result.Status.AGREED);
            if (bombed) {
                String party = r.culprit().orElseThrow();
                assertThat(r.seats().stream().filter(x -> x.party().equals(party)).findFirst().orElseThrow().agent())
                        .isEqualTo("bomb");
                assertThat(r.detail()).contains("boom").contains(party + "'s seat (bomb)");
                assertThat(r.nps()).isNaN();
            }
        }
        var standings = new Standings.Accumulator();
        results.forEach(standings::add);
        var bomb = standings.standings().agents().stream().filter(a -> a.agent().equals("bomb")).findFirst()
                .orElseThrow();
        // 2 protocols × (bomb, boulware) and (boulware, bomb) and (bomb, bomb): every one stops on a bomb's move
        assertThat(bomb.errors()).isEqualTo(6);
        assertThat(bomb.plays()).isZero();
    }

    @Test
    void aSessionPastTheTimeLimit_isRecordedAsTimedOut() {
        Scenario s = TournamentTest.generated(2, 2);
        var t = offers(s, List.of("boulware"), 1, Duration.ofSeconds(10));
        var now = new AtomicLong();
        // every reading of the clock is one second later: the 11th move is past the limit
        var referee = new Referee(t, Agents::create, () -> now.getAndAdd(1_000_000_000L));
        Result r = referee.play(t.sessions().get(0));
        assertThat(r.status()).isEqualTo(Result.Status.TIMEOUT);
        assertThat(r.detail()).contains("time limit of 10 s");
        assertThat(r.culprit()).isPresent();
        assertThat(r.seats()).allSatisfy(seat -> assertThat(seat.advantage()).isNaN());
    }

    @Test
    void theTimeLimit_isEachSeatsOwn_andBlamesTheSlowAgent() {
        Scenario s = TournamentTest.generated(2, 2);
        var t = offers(s, List.of("boulware", "slow"), 1, Duration.ofSeconds(10));
        var now = new AtomicLong();
        Seating.Maker maker = (field, spec, role, random) -> {
            Agent inner = Agents.create(field, "boulware", role, random);
            return spec.equals("slow") ? view -> {
                now.addAndGet(1_000_000_000L); // each of its moves takes a second
                return inner.act(view);
            } : inner;
        };
        var referee = new Referee(t, maker, now::get);
        for (var c : t.sessions()) {
            Result r = referee.play(c);
            if (!c.principals().contains("slow")) {
                assertThat(r.status()).isEqualTo(Result.Status.AGREED);
                continue;
            }
            assertThat(r.status()).isEqualTo(Result.Status.TIMEOUT);
            String party = r.culprit().orElseThrow();
            assertThat(c.principals().get(party.equals("P0") ? 0 : 1)).isEqualTo("slow");
            assertThat(r.culpritAgent()).contains("slow");
        }
    }

    @Test
    void aFailureInASeatNotCompetedFor_isCountedAgainstNoAgent() {
        Scenario s = TournamentTest.generated(3, 3); // P2, the mediator, ratifies alternating's deals
        var t = new Tournament(List.of(new Tournament.Entry("s", s)), List.of(new Tournament.Play("alternating",
                ProtocolKind.ALTERNATING, 60, Optional.empty())), Map.of(SeatRole.NEGOTIATOR,
                        List.of("boulware",
                                "linear")),
                Map.of(), true, 1, 1, Duration.ofMinutes(1));
        Seating.Maker maker = (field, spec, role, random) -> role == SeatRole.RATIFIER
                ? view -> {
                    throw new IllegalStateException("the ratifier broke");
                }
                : Agents.create(field, spec, role, random);
        var referee = new Referee(t, maker, System::nanoTime);
        var standings = new Standings.Accumulator();
        int failed = 0;
        for (var c : t.sessions()) {
            Result r = referee.play(c);
            standings.add(r);
            if (r.status() == Result.Status.ERROR) {
                failed++;
                assertThat(r.culprit()).contains("P2");
                assertThat(r.culpritAgent()).isEmpty();
            }
        }
        Standings st = standings.standings();
        assertThat(failed).isPositive();
        assertThat(st.errors()).isEqualTo(failed);
        assertThat(st.agents()).allSatisfy(row -> assertThat(row.errors()).isZero());
        assertThat(st.mediators()).isEmpty();
    }

    /** The figures by enumerating every outcome of a small scenario: nothing of the engine's analysis. */
    static final class Oracle {
        final Scenario s;
        final List<Profile> profiles;
        final double[] reservation = new double[2];
        final double[] best = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        final List<double[]> frontier = new ArrayList<>();
        double[] nash;

        Oracle(Scenario s) {
            this.s = s;
            this.profiles = List.of(s.profiles().get("P0"), s.profiles().get("P1"));
            for (int k = 0; k < 2; k++) {
                reservation[k] = profiles.get(k).reservation();
            }
            var zone = new ArrayList<double[]>();
            for (int[] x : every(s.issues())) {
                double[] u = utilities(x);
                for (int k = 0; k < 2; k++) {
                    best[k] = Math.max(best[k], u[k]);
                }
                if (profiles.stream().allMatch(p -> p.accepts(x)) && u[0] >= reservation[0] && u[1] >= reservation[1]) {
                    zone.add(u);
                }
            }
            double bestProduct = -1;
            for (double[] u : zone) {
                boolean dominated = zone.stream().anyMatch(v -> v[0] >= u[0] && v[1] >= u[1] && (v[0] > u[0]
                        || v[1] > u[1]));
                if (!dominated) {
                    frontier.add(u);
                }
                double product = (u[0] - reservation[0]) * (u[1] - reservation[1]);
                if (product > bestProduct) {
                    bestProduct = product;
                    nash = u;
                }
            }
        }

        double[] utilities(int[] x) {
            return new double[]{profiles.get(0).utility(x), profiles.get(1).utility(x)};
        }

        double distanceToFrontier(double[] u) {
            return frontier.stream().mapToDouble(f -> Math.hypot(f[0] - u[0], f[1] - u[1])).min().orElseThrow();
        }

        static List<int[]> every(List<Issue> issues) {
            List<int[]> out = new ArrayList<>();
            out.add(new int[0]);
            for (Issue issue : issues) {
                var longer = new ArrayList<int[]>();
                for (int[] prefix : out) {
                    for (int o = 0; o < issue.size(); o++) {
                        int[] x = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                        x[prefix.length] = o;
                        longer.add(x);
                    }
                }
                out = longer;
            }
            return out;
        }
    }
}
