package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis over compound issues equals {@link BruteForce} on seeded random scenarios whose profiles carry hard
 * conditions and interaction terms (2–5 parties, 2–5 issues, ties from a coarse grid; links between neighbouring
 * and distant issues, so that some layouts keep the order of outcome indices and some do not).
 */
public class LinkedAnalysisPropertiesTest {
    /** Term values a binary fraction can hold exactly, so that the oracle's sums and the analysis's ticks agree. */
    private static final double[] TERMS = {-0.125, -0.0625, 0.0625, 0.125, 0.25};

    public static LongStream seeds() {
        return LongStream.rangeClosed(1, 150);
    }

    public static Scenario scenario(long seed) {
        Scenario s;
        long draw = seed;
        do { // conditions link two issues: draw until there are two
            s = AnalysisPropertiesTest.scenario(draw);
            draw += 1_000;
        } while (s.issues().size() < (seed % 2 == 0 ? 3 : 2)); // even seeds: room for a link out of issue order
        var rnd = new SplittableRandom(seed * 7919);
        var profiles = new LinkedHashMap<String, Profile>();
        for (var e : s.profiles().entrySet()) {
            // Even seeds: only the first profile is linked, its first and last issue, out of issue order.
            boolean first = profiles.isEmpty();
            profiles.put(e.getKey(), seed % 2 == 1
                    ? linked(e.getValue(), s, rnd)
                    : first
                            ? farApart(e
                                    .getValue(), s, rnd)
                            : e.getValue());
        }
        return Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles, Optional.empty());
    }

    /** A condition and an interaction term between the first and the last issue. */
    private static Profile farApart(Profile p, Scenario s, SplittableRandom rnd) {
        int last = s.issues().size() - 1;
        Profile out = p.withConditions(List.of(new Condition(last, subset(s.issues().get(last).size(), rnd), 0, subset(
                s.issues().get(0).size(), rnd))));
        try {
            return out.withInteractions(List.of(new Interaction(new int[]{0, last}, new boolean[][]{subset(s
                    .issues().get(0).size(), rnd), subset(s.issues().get(last).size(), rnd)}, TERMS[rnd.nextInt(
                            TERMS.length)])));
        } catch (IllegalArgumentException utilityLeavesTheUnitInterval) {
            return out;
        }
    }

    private static Profile linked(Profile p, Scenario s, SplittableRandom rnd) {
        int n = s.issues().size();
        var conditions = new ArrayList<Condition>();
        boolean farApart = n >= 3 && rnd.nextBoolean(); // the first and the last issue
        for (int c = rnd.nextInt(3) + (farApart ? 1 : 0); c > 0; c--) {
            int a = farApart ? n - 1 : rnd.nextInt(n);
            int b = farApart ? 0 : (a + 1 + rnd.nextInt(n - 1)) % n;
            farApart = false;
            conditions.add(new Condition(a, subset(s.issues().get(a).size(), rnd), b, subset(s.issues().get(b).size(),
                    rnd)));
        }
        Profile out = p.withConditions(conditions);
        for (int t = rnd.nextInt(3); t > 0; t--) {
            int a = rnd.nextInt(n);
            int b = (a + 1 + rnd.nextInt(n - 1)) % n;
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            var term = new Interaction(new int[]{lo, hi}, new boolean[][]{subset(s.issues().get(lo).size(), rnd),
                    subset(s.issues().get(hi).size(), rnd)}, TERMS[rnd.nextInt(TERMS.length)]);
            var terms = new ArrayList<>(out.interactions());
            terms.add(term);
            try {
                out = out.withInteractions(terms);
            } catch (IllegalArgumentException utilityLeavesTheUnitInterval) {
                // keep the profile without this term
            }
        }
        return out;
    }

    /** A random non-empty set of options. */
    private static boolean[] subset(int options, SplittableRandom rnd) {
        boolean[] in = new boolean[options];
        in[rnd.nextInt(options)] = true;
        for (int k = 0; k < options; k++) {
            in[k] |= rnd.nextInt(3) == 0;
        }
        return in;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsFrontierAndSolutions_equalTheOracle(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        Analysis a = AnalysisPropertiesTest.analyze(s, FrontierScope.ZONE);

        assertThat(a.withinRedLines().longValue()).isEqualTo(oracle.withinRedLines.size());
        assertThat(a.agreementZone().getAsLong()).isEqualTo(oracle.zone.size());
        List<Outcome> expected = AnalysisPropertiesTest.outcomes(oracle, oracle.frontier(oracle.zone));
        assertThat(AnalysisPropertiesTest.frontierOutcomes(a)).isEqualTo(expected);
        var solutions = a.solutions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome()));
        assertThat(solutions).as("the solutions, ties to the smallest outcome index").isEqualTo(oracle.solutions());
        for (Solution sol : a.solutions().values()) {
            int x = (int) s.space().encode(sol.outcome().toArray());
            for (int k = 0; k < oracle.ratifying.size(); k++) {
                String party = oracle.ratifying.get(k).id();
                assertThat(sol.utilities().get(party)).isCloseTo(oracle.utilities.get(x)[k].doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(a.notes()).as("no limit reached").noneMatch(note -> note.contains(" not "));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wholeSpaceFrontierAndZoneMembership_equalTheOracle(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        Analysis a = AnalysisPropertiesTest.analyze(s, FrontierScope.ALL);
        assertThat(AnalysisPropertiesTest.frontierOutcomes(a)).isEqualTo(AnalysisPropertiesTest.outcomes(oracle,
                oracle.frontier(oracle.allIndices())));
        var zone = new java.util.HashSet<>(oracle.zone);
        for (int x = 0; x < oracle.all.size(); x++) {
            assertThat(a.inZone(oracle.all.get(x))).as("outcome %d in the zone", x).isEqualTo(zone.contains(x));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void eachConditionDropped_givesTheOraclesZone(long seed) {
        Scenario s = scenario(seed);
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults());
        int checked = 0;
        for (var party : s.ratifyingParties()) {
            List<Condition> held = s.profiles().get(party.id()).conditions();
            for (int c = 0; c < held.size(); c++) {
                var fewer = new ArrayList<>(held);
                fewer.remove(c);
                var profiles = new LinkedHashMap<>(s.profiles());
                profiles.put(party.id(), s.profiles().get(party.id()).withConditions(fewer));
                Scenario without = Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles,
                        Optional.empty());
                String name = party.id() + " condition " + held.get(c).describe(s.issues());
                var listed = a.blockingDemands().stream().filter(b -> b.demand().equals(name)).toList();
                assertThat(listed).as(name).isNotEmpty(); // one per copy the party holds
                for (BlockingDemand b : listed) {
                    assertThat(b.zoneWithout().getAsLong()).as(name).isEqualTo(new BruteForce(without).zone.size());
                }
                checked++;
            }
        }
        assertThat(a.blockingDemands().stream().filter(b -> b.kind() == BlockingDemand.Kind.CONDITION).count())
                .isEqualTo(checked);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void assessment_flagsEveryBrokenConditionAndNoOther(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        Analysis a = AnalysisPropertiesTest.analyze(s, FrontierScope.ZONE);
        var rnd = new SplittableRandom(seed);
        for (int draw = 0; draw < 20; draw++) {
            int[] c = oracle.all.get(rnd.nextInt(oracle.all.size()));
            long expected = 0;
            for (var party : oracle.ratifying) {
                for (Condition h : s.profiles().get(party.id()).conditions()) {
                    expected += h.ifOptions()[c[h.ifIssue()]] && !h.thenOptions()[c[h.thenIssue()]] ? 1 : 0;
                }
            }
            long flagged = a.assess(Outcome.of(c)).flags().stream().filter(f -> f.kind().equals(
                    Assessment.CONDITION_BROKEN)).count();
            assertThat(flagged).as("conditions broken by %s", java.util.Arrays.toString(c)).isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void theSeedsCoverConditionsTermsAndLayoutsOutOfIssueOrder() {
        int linked = 0;
        int withTerms = 0;
        int outOfOrder = 0;
        for (long seed : seeds().toArray()) {
            Scenario s = scenario(seed);
            linked += s.profiles().values().stream().anyMatch(p -> !p.conditions().isEmpty()) ? 1 : 0;
            withTerms += s.profiles().values().stream().anyMatch(p -> !p.interactions().isEmpty()) ? 1 : 0;
            outOfOrder += Layout.of(s).ordered ? 0 : 1;
        }
        assertThat(linked).as("scenarios with a hard condition").isGreaterThanOrEqualTo(100);
        assertThat(withTerms).as("scenarios with an interaction term").isGreaterThanOrEqualTo(100);
        assertThat(outOfOrder).as("scenarios whose slots do not keep the issue order").isGreaterThanOrEqualTo(20);
    }

    /**
     * Issues X, Y, Z (two options each); a condition of A on X (never broken: its "then" names every Z option) links X
     * and Z, so the slots are {X, Z} and {Y}, out of issue order. Nobody cares about X; A values y1 and z1 at 1, B
     * values y0 and z0 at 1, weights 0.5 each, reservations 0. The Nash node (0.5, 0.5) holds x? y1 z0 and x? y0 z1:
     * in slot order x0 z0 y1 comes first, in issue order x0 y0 z1 (index 1, against 2), which the tie rule picks.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 7})
    void ties_goToTheSmallestOutcomeIndexWhenSlotsAreOutOfIssueOrder(int idleIssues) {
        // With 7 more issues nobody cares about (after Z), each node has 2^7 times the ties: past the few compared
        // one by one, so the issue-by-issue search over the frontier's provenance is the one that answers.
        var issues = new ArrayList<>(List.of(issue("X"), issue("Y"), issue("Z")));
        for (int w = 0; w < idleIssues; w++) {
            issues.add(issue("W" + w));
        }
        int n = issues.size();
        double[] weights = new double[n];
        weights[1] = 0.5;
        weights[2] = 0.5;
        double[][] aValues = new double[n][2];
        double[][] bValues = new double[n][2];
        aValues[1][1] = aValues[2][1] = 1;
        bValues[1][0] = bValues[2][0] = 1;
        boolean[][] none = new boolean[n][2];
        Profile a = Profile.of(issues, weights, aValues, 0, none).withConditions(List.of(new Condition(0,
                new boolean[]{true, false}, 2, new boolean[]{true, true})));
        Profile b = Profile.of(issues, weights, bValues, 0, none);
        Scenario s = Scenario.of("ties", "Ties", "", List.of(dev.parley.engine.model.Party.of("A", "A",
                dev.parley.engine.model.Role.PRINCIPAL),
                dev.parley.engine.model.Party.of("B", "B",
                        dev.parley.engine.model.Role.PRINCIPAL)),
                issues, Map.of("A", a, "B", b), Optional.empty());
        assertThat(Layout.of(s).ordered).as("slots {X, Z}, {Y}, ...").isFalse();

        Analysis analysis = AnalysisPropertiesTest.analyze(s, FrontierScope.ZONE);

        int[] expected = new int[n];
        expected[2] = 1; // x0 y0 z1 w0...: in slot order x0 z0 y1 would come first
        assertThat(analysis.solutions().get(SolutionKind.NASH).outcome()).isEqualTo(Outcome.of(expected));
        assertThat(analysis.solutions().get(SolutionKind.NASH).outcome()).isEqualTo(new BruteForce(s).solutions().get(
                SolutionKind.NASH));
    }

    private static dev.parley.engine.model.Issue issue(String id) {
        String o = id.toLowerCase(java.util.Locale.ROOT);
        return new dev.parley.engine.model.Issue(id, id, List.of(new dev.parley.engine.model.Option(o + "0", o + "0"),
                new dev.parley.engine.model.Option(o + "1", o + "1")));
    }
}
