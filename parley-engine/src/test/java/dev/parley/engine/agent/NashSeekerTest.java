package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.analysis.LinkedAnalysisPropertiesTest;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The frequency model worked out by hand, and the Nash-seeking bids against the definitions. */
class NashSeekerTest {
    static final List<Issue> ISSUES = List.of(issue("X", 3), issue("Y", 2));

    @Test
    void theFrequencyModel_valuesWhatAPartyOffers_andWeighsWhatItKeeps() {
        // B offers x2 y0, x2 y1, x2 y0: X kept twice, Y never; x2 three times, y0 twice, y1 once.
        var events = List.<Event>of(offered("B", 2, 0), offered("A", 0, 0), offered("B", 2, 1), offered("B", 2, 0));
        OpponentModel m = OpponentModel.of("A", ISSUES, events);
        assertThat(m.parties()).containsExactly("B");
        // Weights (1 + 2, 1 + 0) / 4 = 0.75, 0.25; values X (0+1, 0+1, 3+1)/4, Y (2+1, 1+1)/3.
        assertThat(m.utility("B", new int[]{2, 0})).isCloseTo(0.75 * 1 + 0.25 * 1, within(1e-12));
        assertThat(m.utility("B", new int[]{0, 1})).isCloseTo(0.75 * 0.25 + 0.25 * (2.0 / 3), within(1e-12));
        assertThat(m.logProduct(new int[]{2, 0})).isCloseTo(0, within(1e-12));
        // From x2 y0 (worth 1 to B), y1 instead: 0.75 * 1 + 0.25 * 2/3; x0 instead: 0.75 * 1/4 + 0.25 * 1.
        double[] at = new double[1];
        m.utilities(new int[]{2, 0}, at);
        assertThat(at[0]).isCloseTo(1, within(1e-12));
        assertThat(m.productWith(at, new int[]{2, 0}, 1, 1)).isCloseTo(0.75 + 0.25 * 2 / 3.0, within(1e-12));
        assertThat(m.productWith(at, new int[]{2, 0}, 0, 0)).isCloseTo(0.75 / 4 + 0.25, within(1e-12));
    }

    @Test
    void withoutOffersToModel_itBidsItsBest() {
        Profile a = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{1, 0.5, 0}, {1, 0}}, 0.2,
                new boolean[][]{{false, false, false}, {false, false}});
        UtilityTable t = UtilityTable.of(dev.parley.engine.model.OutcomeSpace.of(ISSUES), a);
        assertThat(NashSeeker.bid(t, 0.9, OpponentModel.of("A", ISSUES, List.of()), List.of(), Set.of()))
                .containsExactly(0, 0);
    }

    @Test
    void itBidsTowardWhatTheOtherOffers_asFarAsItsTargetAllows() {
        // A values x0 y0 most; B keeps offering x2 y1: by the model (weights 0.5, 0.5; x2 and y1 at 1, the rest at
        // 1/3) B gets 1/3 from x0 y0, 2/3 from x2 y0 or x0 y1 (a tie: the first change found, X, is kept), and A,
        // with target 0.5, can afford one of them but not x2 y1 (worth 0 to it).
        Profile a = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{1, 0.5, 0}, {1, 0}}, 0.2,
                new boolean[][]{{false, false, false}, {false, false}});
        UtilityTable t = UtilityTable.of(dev.parley.engine.model.OutcomeSpace.of(ISSUES), a);
        var events = List.<Event>of(offered("B", 2, 1), offered("B", 2, 1));
        int[] bid = NashSeeker.bid(t, 0.5, OpponentModel.of("A", ISSUES, events), List.of(), Set.of());
        assertThat(bid).containsExactly(2, 0);
    }

    @Test
    void itMakesAFreshBidWhileOneReachesTheTarget_andRepeatsOnlyWhenNoneDoes() {
        // As above: x2 y0 and x0 y1 are worth 0.5 to A and 2/3 to B by the model. x2 y0 offered, x0 y1 is bid; with
        // target 0.9 only x0 y0 (worth 1) reaches it, and it is bid again once offered.
        Profile a = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{1, 0.5, 0}, {1, 0}}, 0.2,
                new boolean[][]{{false, false, false}, {false, false}});
        UtilityTable t = UtilityTable.of(dev.parley.engine.model.OutcomeSpace.of(ISSUES), a);
        OpponentModel m = OpponentModel.of("A", ISSUES, List.of(offered("B", 2, 1), offered("B", 2, 1)));
        assertThat(NashSeeker.bid(t, 0.5, m, List.of(), Set.of(Outcome.of(2, 0)))).containsExactly(0, 1);
        assertThat(NashSeeker.bid(t, 0.9, m, List.of(), Set.of(Outcome.of(0, 0)))).containsExactly(0, 0);
    }

    /**
     * On two issues every package is within two changes of a peak, so the bid is the best by the model of every
     * package worth the target, red lines kept, not yet offered (of those offered when all are): checked against the
     * whole space, enumerated here.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void onTwoIssues_theBidIsTheBestFreshPackageOfTheWholeSpace(long seed) {
        var rnd = new SplittableRandom(seed);
        var issues = List.of(issue("X", 2 + rnd.nextInt(4)), issue("Y", 2 + rnd.nextInt(4)));
        double w = rnd.nextDouble();
        double[][] values = new double[2][];
        boolean[][] red = new boolean[2][];
        for (int i = 0; i < 2; i++) {
            values[i] = rnd.doubles(issues.get(i).size()).toArray();
            values[i][rnd.nextInt(values[i].length)] = 1;
            red[i] = new boolean[values[i].length];
            for (int k = 0; k < red[i].length; k++) {
                red[i][k] = values[i][k] < 1 && rnd.nextDouble() < 0.15;
            }
        }
        Profile a = Profile.of(issues, new double[]{w, 1 - w}, values, 0, red);
        var space = dev.parley.engine.model.OutcomeSpace.of(issues);
        UtilityTable t = UtilityTable.of(space, a);
        var events = new java.util.ArrayList<Event>();
        var offered = new java.util.HashSet<Outcome>();
        var all = new java.util.ArrayList<int[]>();
        int[] c = new int[2];
        do {
            all.add(c.clone());
            if (rnd.nextDouble() < 0.3) {
                events.add(new Event.Offered(0, rnd.nextBoolean() ? "B" : "C", Outcome.of(c.clone())));
            }
            if (rnd.nextDouble() < 0.3) {
                offered.add(Outcome.of(c.clone()));
            }
        } while (space.increment(c));
        OpponentModel m = OpponentModel.of("A", issues, events);
        double target = rnd.nextDouble() * t.bestPackageUtility();
        int[] bid = NashSeeker.bid(t, target, m, events.stream().map(e -> ((Event.Offered) e).outcome()).toList(),
                offered);
        java.util.function.ToDoubleFunction<int[]> score = x -> m.parties().isEmpty()
                ? t.utility(x)
                : m.logProduct(
                        x);
        var worth = all.stream().filter(x -> t.utility(x) >= target - 1e-9 && !red[0][x[0]] && !red[1][x[1]])
                .toList();
        var fresh = worth.stream().filter(x -> !offered.contains(Outcome.of(x))).toList();
        assertThat(worth).isNotEmpty(); // the best package is worth the target and breaks no red line
        double expected = (fresh.isEmpty() ? worth : fresh).stream().mapToDouble(score).max().orElseThrow();
        assertThat(fresh.isEmpty() ? worth : fresh).as("bid %s", java.util.Arrays.toString(bid)).anyMatch(
                x -> java.util.Arrays.equals(x, bid));
        assertThat(score.applyAsDouble(bid)).isCloseTo(expected, within(1e-12));
    }

    static java.util.stream.LongStream seeds() {
        return LinkedAnalysisPropertiesTest.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bids_reachTheTarget_andBreakNothingOfTheMakers(long seed) {
        Scenario s = LinkedAnalysisPropertiesTest.scenario(seed);
        var rnd = new SplittableRandom(seed);
        String maker = s.parties().get(0).id();
        Profile p = s.profiles().get(maker);
        UtilityTable t = UtilityTable.of(s.space(), p);
        int[] best = t.bestPackage();
        if (t.forbids(best)) {
            return; // it forbids every package: nothing to check
        }
        var events = new java.util.ArrayList<Event>();
        for (int k = 0; k < 5; k++) {
            int[] c = new int[s.issues().size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rnd.nextInt(s.issues().get(i).size());
            }
            events.add(new Event.Offered(k, s.parties().get(1).id(), Outcome.of(c)));
        }
        double target = rnd.nextDouble() * t.utility(best);
        int[] bid = NashSeeker.bid(t, target, OpponentModel.of(maker, s.issues(), events), events.stream().map(
                e -> ((Event.Offered) e).outcome()).toList(), Set.of(Outcome.of(best)));
        assertThat(dev.parley.engine.utility.LinkedUtilityTableTest.byDefinition(p, bid)).isGreaterThanOrEqualTo(
                target - 1e-12);
        assertThat(dev.parley.engine.utility.LinkedUtilityTableTest.byDefinition(p, bid)).isCloseTo(t.utility(bid),
                within(1e-12));
        boolean broken = dev.parley.engine.utility.LinkedUtilityTableTest.forbiddenByDefinition(p, bid);
        assertThat(broken).as("bid %s", java.util.Arrays.toString(bid)).isFalse();
    }

    private static Event offered(String party, int x, int y) {
        return new Event.Offered(0, party, Outcome.of(x, y));
    }

    private static Issue issue(String id, int options) {
        var list = new java.util.ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(java.util.Locale.ROOT) + k, id.toLowerCase(java.util.Locale.ROOT) + k));
        }
        return new Issue(id, id, list);
    }
}
