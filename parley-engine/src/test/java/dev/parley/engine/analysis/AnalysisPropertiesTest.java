package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Properties of the analysis on seeded random scenarios (2–5 parties, up to 5 issues, values on a coarse grid for
 * ties and duplicate utility vectors, random reservations and red lines), checked against {@link BruteForce}.
 */
class AnalysisPropertiesTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 120);
    }

    static Scenario scenario(long seed) {
        var rnd = new SplittableRandom(seed);
        int parties = 2 + (int) (seed % 4);
        var settings = new RandomScenarios.Settings(parties, rnd.nextInt(1, 6), 2, 5, seed % 3 == 0 ? 0 : 4,
                seed % 5 == 0 ? 0.9 : 0.6, seed % 4 == 0 ? 0.0 : 0.08);
        return RandomScenarios.generate(rnd, settings);
    }

    static Analysis analyze(Scenario s, FrontierScope scope) {
        return Analyzer.analyze(s, AnalysisOptions.defaults().withFrontier(scope).withBlockingDemands(false));
    }

    static List<Outcome> outcomes(BruteForce oracle, List<Integer> set) {
        return set.stream().map(i -> Outcome.of(oracle.all.get(i))).sorted().toList();
    }

    static List<Outcome> frontierOutcomes(Analysis a) {
        return a.frontier(Integer.MAX_VALUE).stream().map(FrontierPoint::outcome).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsFrontierAndSolutions_equalTheOracle(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        Analysis a = analyze(s, FrontierScope.ZONE);

        assertThat(a.withinRedLines().longValue()).isEqualTo(oracle.withinRedLines.size());
        assertThat(a.agreementZone().getAsLong()).isEqualTo(oracle.zone.size());
        assertThat(a.zoneEmpty()).isEqualTo(oracle.zone.isEmpty());
        List<Outcome> expected = outcomes(oracle, oracle.frontier(oracle.zone));
        assertThat(frontierOutcomes(a)).isEqualTo(expected);
        assertThat(a.frontierSize().getAsLong()).isEqualTo(expected.size());
        var solutions = a.solutions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome()));
        assertThat(solutions).isEqualTo(oracle.solutions());
        assertThat(a.notes()).as("no limit reached").noneMatch(note -> note.contains(" not "));
    }

    /** A short list (chosen from a heap of the best nodes) is the head of the whole list (every node sorted). */
    @ParameterizedTest
    @MethodSource("seeds")
    void shortFrontierList_isTheHeadOfTheWholeList(long seed) {
        // Large enough for a frontier of tens of nodes: 3 or 4 parties over 4^6 outcomes.
        Scenario s = RandomScenarios.generate(new SplittableRandom(seed), RandomScenarios.Settings.of(3 + (int) (seed
                % 2), 6, 4));
        Analysis a = analyze(s, FrontierScope.ALL);
        List<FrontierPoint> whole = a.frontier(Integer.MAX_VALUE);
        int nodes = a.frontierDistinct().orElseThrow();
        assertThat(nodes).isGreaterThan(8); // so that the heap is used for k = nodes / 9
        // continuous values: no two outcomes share a vector, so a short list cannot end inside a tie
        assertThat(whole).allSatisfy(p -> assertThat(p.ties()).isEqualTo(1));
        for (int k : new int[]{1, 2, nodes / 9}) {
            assertThat(a.frontier(k)).isEqualTo(whole.subList(0, Math.min(k, whole.size())));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wholeSpaceFrontier_equalsTheOracle(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        Analysis a = analyze(s, FrontierScope.ALL);
        assertThat(frontierOutcomes(a)).isEqualTo(outcomes(oracle, oracle.frontier(oracle.allIndices())));
        for (FrontierPoint p : a.frontier(Integer.MAX_VALUE)) {
            int index = (int) s.space().encode(p.outcome().toArray());
            assertThat(p.inZone()).isEqualTo(oracle.zone.contains(index));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void frontier_isNonDominatedAndCoversTheZone(long seed) {
        Scenario s = scenario(seed);
        var oracle = new BruteForce(s);
        List<Integer> front = analyze(s, FrontierScope.ZONE).frontier(Integer.MAX_VALUE).stream()
                .map(p -> (int) s.space().encode(p.outcome().toArray())).toList();
        for (int f : front) {
            assertThat(oracle.zone).contains(f);
            for (int z : oracle.zone) {
                assertThat(oracle.dominates(z, f)).as("zone outcome %d dominates frontier outcome %d", z, f)
                        .isFalse();
            }
        }
        for (int z : oracle.zone) {
            boolean covered = front.stream().anyMatch(f -> f == z || oracle.dominates(f, z));
            assertThat(covered).as("zone outcome %d is covered by the frontier", z).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void solutions_lieInTheZoneAndOnTheFrontier(long seed) {
        Scenario s = scenario(seed);
        Analysis a = analyze(s, FrontierScope.ZONE);
        List<Outcome> front = frontierOutcomes(a);
        for (Solution sol : a.solutions().values()) {
            assertThat(a.inZone(sol.outcome().toArray())).isTrue();
            assertThat(front).contains(sol.outcome());
        }
        assertThat(a.solutions()).hasSize(a.zoneEmpty() ? 0 : 4);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void orderOfOptionsAndParties_doesNotMatter(long seed) {
        Scenario s = scenario(seed);
        var rnd = new SplittableRandom(seed * 31);
        // Reverse or shuffle each issue's options, and reverse the parties.
        int[][] perm = new int[s.issues().size()][];
        var issues = new ArrayList<Issue>();
        for (int i = 0; i < perm.length; i++) {
            Issue issue = s.issues().get(i);
            perm[i] = shuffled(issue.size(), rnd); // new position k holds old option perm[i][k]
            var options = new ArrayList<Option>();
            for (int k = 0; k < issue.size(); k++) {
                options.add(issue.option(perm[i][k]));
            }
            issues.add(new Issue(issue.id(), issue.name(), options));
        }
        var profiles = new LinkedHashMap<String, Profile>();
        s.profiles().forEach((id, p) -> profiles.put(id, permuted(p, issues, perm)));
        var parties = new ArrayList<>(s.parties());
        java.util.Collections.reverse(parties);
        Scenario t = Scenario.of(s.id(), s.title(), s.description(), parties, issues, profiles, Optional.empty());

        Analysis a = analyze(s, FrontierScope.ZONE);
        Analysis b = analyze(t, FrontierScope.ZONE);

        assertThat(b.agreementZone()).isEqualTo(a.agreementZone());
        var mapped = frontierOutcomes(b).stream().map(o -> unpermute(o, perm)).sorted().toList();
        assertThat(mapped).isEqualTo(frontierOutcomes(a));
        for (SolutionKind k : a.solutions().keySet()) {
            // The same utility vector; among exact duplicates the index tie rule may pick another outcome.
            assertThat(b.solutions().get(k).utilities()).isEqualTo(a.solutions().get(k).utilities());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void affineRescalingOfOneParty_changesNeitherFrontierNorNash(long seed) {
        Scenario s = scenario(seed);
        Party first = s.ratifyingParties().get(0);
        Profile p = s.profiles().get(first.id());
        double scale = 0.5;
        double shift = 0.25;
        double[] w = new double[p.issueCount()];
        double[][] v = new double[p.issueCount()][];
        boolean[][] red = new boolean[p.issueCount()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.weight(i);
            v[i] = new double[p.optionCount(i)];
            red[i] = new boolean[p.optionCount(i)];
            for (int k = 0; k < v[i].length; k++) {
                v[i][k] = scale * p.value(i, k) + shift; // Σ w = 1, so u' = 0.5 u + 0.25
                red[i][k] = p.isRedLine(i, k);
            }
        }
        var profiles = new LinkedHashMap<>(s.profiles());
        profiles.put(first.id(), Profile.of(s.issues(), w, v, scale * p.reservation() + shift, red));
        Scenario t = Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles,
                Optional.empty());

        Analysis a = analyze(s, FrontierScope.ZONE);
        Analysis b = analyze(t, FrontierScope.ZONE);

        assertThat(frontierOutcomes(b)).isEqualTo(frontierOutcomes(a));
        assertThat(Optional.ofNullable(b.solutions().get(SolutionKind.NASH)).map(Solution::outcome))
                .isEqualTo(Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(Solution::outcome));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void additiveFrontier_equalsEnumerationThroughTheSameFilter(long seed) throws Exception {
        Scenario s = scenario(seed);
        Instance whole = Instance.whole(s);
        FrontierSet additive = AdditiveFrontier.compute(whole, 1_000_000, Budget.UNLIMITED, ProgressListener.NONE);
        int n = (int) s.space().size();
        int d = whole.dims.length;
        long[][] v = new long[d][n];
        int[] choice = new int[s.issues().size()];
        for (int x = 0; x < n; x++) {
            s.space().decode(x, choice);
            for (int k = 0; k < d; k++) {
                v[k][x] = whole.ticks(whole.dims[k], choice);
            }
        }
        ParetoFilter.Groups groups = ParetoFilter.filter(v, n);
        assertThat(additive.outcomes()).isEqualTo(groups.start(groups.groupCount()));
        assertThat(additive.nodes()).isEqualTo(groups.groupCount());
        var enumerated = new HashMap<Long, Long>();
        for (int e = 0; e < groups.start(groups.groupCount()); e++) {
            enumerated.merge((long) groups.member(e), 1L, Long::sum);
        }
        for (int node = 0; node < additive.nodes(); node++) {
            additive.outcomes(node, Long.MAX_VALUE,
                    c -> assertThat(enumerated.remove(s.space().encode(c))).isNotNull());
        }
        assertThat(enumerated).isEmpty();
    }

    private static int[] shuffled(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static Profile permuted(Profile p, List<Issue> issues, int[][] perm) {
        int n = issues.size();
        double[] w = new double[n];
        double[][] v = new double[n][];
        boolean[][] red = new boolean[n][];
        for (int i = 0; i < n; i++) {
            w[i] = p.weight(i);
            v[i] = new double[perm[i].length];
            red[i] = new boolean[perm[i].length];
            for (int k = 0; k < perm[i].length; k++) {
                v[i][k] = p.value(i, perm[i][k]);
                red[i][k] = p.isRedLine(i, perm[i][k]);
            }
        }
        return Profile.of(issues, w, v, p.reservation(), red);
    }

    private static Outcome unpermute(Outcome o, int[][] perm) {
        int[] c = new int[perm.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = perm[i][o.option(i)];
        }
        return Outcome.of(c);
    }
}
