package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The model of what the parties said, worked out by hand, and what the mediator presents, against the events. */
class ModelTraderTest {
    static final List<Issue> ISSUES = List.of(issue("X", 3), issue("Y", 2));

    @Test
    void theModel_valuesWhatAPartyAcceptsOrAsksFor_weighsWhatItObjectsTo_andLearnsItsRedLines() {
        var w = new ModelTrader.Words(ISSUES);
        assertThat(w.add(new Event.Accepted(0, "B", Outcome.of(2, 0)))).contains(Outcome.of(2, 0));
        assertThat(w.add(rejected(0, 1))).contains(Outcome.of(2, 1)); // the package as B would have it
        w.add(rejected(1, 1));
        assertThat(w.add(new Event.Voted(0, "B", true))).isEmpty();
        // X: x2 accepted once and asked for twice, x0 and x1 never: 3+1 / 3+1, 1/4, 1/4; Y: y0 accepted once: 1,
        // y1 1/2. Weights: X objected to twice, Y never: 3/4, 1/4. x0 and x1 each objected to once where they stood.
        OpponentModel m = w.model();
        assertThat(m.parties()).containsExactly("B");
        assertThat(m.utility("B", new int[]{2, 0})).isCloseTo(1, within(1e-12));
        assertThat(m.utility("B", new int[]{0, 1})).isCloseTo(0.75 / 4 + 0.25 / 2, within(1e-12));
        // x0 objected to a second time where it stood, never accepted: a red line, worth next to nothing
        w.add(rejected(0, 0));
        // X objected to three times now: weights 4/5, 1/5
        assertThat(w.model().utility("B", new int[]{0, 0})).isCloseTo(0.8 * ModelTrader.RED_VALUE + 0.2 * 1,
                within(1e-12));
    }

    @Test
    void anOptionOnceAccepted_isNeverARedLine() {
        var w = new ModelTrader.Words(ISSUES);
        w.add(new Event.Accepted(0, "B", Outcome.of(1, 0)));
        w.add(rejected(1, 0));
        w.add(rejected(1, 1));
        // x1 objected to twice but accepted before: (1 + 1) / (2 + 1) beside x2's (2 + 1) / (2 + 1), weight 3/4;
        // not the red-line value
        assertThat(w.model().utility("B", new int[]{1, 0}) - w.model().utility("B", new int[]{2, 0})).isCloseTo(
                0.75 * (2 / 3.0 - 1), within(1e-12));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    /**
     * In every round it presents one package to every party; one it can sign itself (its reservation reached, none of
     * its red lines or conditions broken) whenever there is one, and its own best package when there is none (then no
     * deal is possible, the mediator ratifying).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void itPresentsOnePackageARound_thatItCanSign(long seed) {
        Session session = talks(seed);
        Scenario s = session.scenario();
        String mediator = session.protocol().settings().mediator().orElseThrow();
        Profile own = s.profiles().get(mediator);
        var u = UtilityTable.of(s.space(), own);
        boolean canSign = LongStream.range(0, s.space().size()).mapToObj(i -> {
            int[] c = new int[s.issues().size()];
            s.space().decode(i, c);
            return c;
        }).anyMatch(c -> own.accepts(c) && own.utility(c) >= own.reservation()); // the space, enumerated: the oracle
        var byRound = new HashMap<Integer, Outcome>();
        for (Event e : session.events()) {
            if (e instanceof Event.Presented x) {
                Outcome was = byRound.putIfAbsent(x.round(), x.outcome());
                assertThat(was == null ? x.outcome() : was).as("round %d", x.round()).isEqualTo(x.outcome());
                int[] c = x.outcome().toArray();
                if (canSign) {
                    assertThat(own.accepts(c)).isTrue();
                    assertThat(own.utility(c)).isGreaterThanOrEqualTo(own.reservation() - 1e-9);
                } else {
                    assertThat(own.utility(c)).isCloseTo(own.utility(u.bestPackage()), within(1e-12));
                }
            }
        }
        assertThat(byRound).isNotEmpty();
        if (!canSign) {
            assertThat(session.agreement()).isEmpty();
        }
    }

    /**
     * From {@link ModelTrader#CLOSE} of the deadline on, it goes back to the package most parties accepted (counted
     * here from the events), then moves only issues a party objected to the round before, each by one option, except
     * when it cannot sign that and takes the search's package instead: over the seeds, most closing rounds are such
     * moves.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void itClosesFromThePackageMostPartiesAccepted(long seed) {
        closing(seed);
    }

    @Test
    void mostClosingRounds_moveOnlyWhatThePartiesObjectedTo() {
        int[] sum = new int[2];
        seeds().forEach(seed -> {
            int[] c = closing(seed);
            sum[0] += c[0];
            sum[1] += c[1];
        });
        assertThat(sum[1]).as("closing rounds").isPositive();
        assertThat(sum[0]).as("closing rounds that move what the parties objected to, of %d", sum[1]).isGreaterThan(
                sum[1] / 2);
    }

    /**
     * Checks where the closing of the talks of {@code seed} starts; returns how many later closing rounds moved only
     * issues objected to the round before, each by one option, and how many later closing rounds there were.
     */
    private static int[] closing(long seed) {
        Session session = talks(seed);
        int close = (int) Math.ceil(ModelTrader.CLOSE * session.protocol().settings().rounds());
        var byRound = new HashMap<Integer, Outcome>();
        var acceptedBy = new LinkedHashMap<Outcome, Set<String>>();
        var objected = new HashMap<Integer, Set<Integer>>();
        int[] moves = new int[2];
        for (Event e : session.events()) {
            switch (e) {
                case Event.Presented x when !byRound.containsKey(x.round()) -> {
                    byRound.put(x.round(), x.outcome());
                    int most = acceptedBy.values().stream().mapToInt(Set::size).max().orElse(0);
                    if (x.round() == close && most > 0) {
                        assertThat(acceptedBy.get(x.outcome())).as("round %d", close).hasSize(most);
                    } else if (x.round() > close) {
                        moves[1]++;
                        int[] was = byRound.get(x.round() - 1).toArray();
                        int[] now = x.outcome().toArray();
                        var asked = objected.getOrDefault(x.round() - 1, Set.of());
                        boolean move = true;
                        for (int i = 0; i < now.length; i++) {
                            move &= now[i] == was[i] || asked.contains(i) && Math.abs(now[i] - was[i]) == 1;
                        }
                        moves[0] += move ? 1 : 0;
                    }
                }
                case Event.Accepted a -> acceptedBy.computeIfAbsent(a.outcome(), o -> new HashSet<>()).add(a
                        .party());
                case Event.Rejected r -> r.objections().forEach(id -> objected.computeIfAbsent(r.round(),
                        k -> new HashSet<>()).add(Issue.indexIn(session.scenario().issues(), id)));
                default -> {
                }
            }
        }
        return moves;
    }

    @Test
    void overTheSeeds_someTalksEndInADeal() {
        assertThat(seeds().mapToObj(ModelTraderTest::talks).filter(x -> x.agreement().isPresent()).count())
                .isPositive();
    }

    private static Session talks(long seed) {
        var rnd = new SplittableRandom(seed);
        Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(3 + rnd.nextInt(3), 2 + rnd.nextInt(
                4), 2, 5, seed % 2 == 0 ? 4 : 0, 0.6, 0.05));
        Protocol p = Settings.defaults(s).withKind(ProtocolKind.SHUTTLE).withRounds(60).create(s);
        var specs = Seating.defaults(p);
        specs.put(p.settings().mediator().orElseThrow(), "model-trader");
        return Session.run(s, p, Seating.agents(p, specs, seed, "seats"));
    }

    private static Event.Rejected rejected(int x, int y) {
        return new Event.Rejected(0, "B", Outcome.of(x, y), List.of("X"), List.of("x2"));
    }

    private static Issue issue(String id, int options) {
        var list = new ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(Locale.ROOT) + k, id.toLowerCase(Locale.ROOT) + k));
        }
        return new Issue(id, id, list);
    }
}
