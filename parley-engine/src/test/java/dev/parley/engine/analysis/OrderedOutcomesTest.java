package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frontier node's outcomes walked forward one at a time ({@link OrderedOutcomes}) against all of them gathered by
 * the way back ({@link FrontierSet#outcomes}) and sorted: the same outcomes, each once, in index order. Values of
 * two or three steps, so that options tie and nodes have many outcomes; with and without floors and red lines.
 */
class OrderedOutcomesTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theWalkForward_givesEveryOutcomeOnce_inIndexOrder(long seed) throws Exception {
        var rnd = new SplittableRandom(seed);
        // Drawn until a node has several outcomes: the walk must have ties to order (bounded: most draws have them).
        FrontierSet f = null;
        for (int draw = 0; draw < 100 && (f == null || f.outcomes() == f.nodes()); draw++) {
            Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(2 + (int) (seed % 3), rnd
                    .nextInt(3, 7), 4, 6, 1 + (int) (seed % 2), seed % 4 == 0 ? 0.0 : 0.5, seed % 5 == 0 ? 0.0 : 0.1));
            if (seed % 3 == 1) { // a condition linking the first two issues: one slot of combinations, still ordered
                s = linkFirstTwo(s, rnd);
            }
            Instance inst = seed % 2 == 0 ? Instance.whole(s) : Instance.zone(s);
            assertThat(inst.layout.ordered).as("no linked issues apart").isTrue();
            assertThat(inst.layout.trivial()).isEqualTo(seed % 3 != 1);
            f = AdditiveFrontier.compute(inst, 1_000_000, Budget.UNLIMITED, ProgressListener.NONE);
        }

        long tied = 0;
        for (int node = 0; node < f.nodes(); node++) {
            var expected = new ArrayList<int[]>();
            f.outcomes(node, Long.MAX_VALUE, c -> expected.add(c.clone()));
            expected.sort(Arrays::compare);
            List<int[]> walked = new ArrayList<>();
            var it = new OrderedOutcomes(f.levels(), f.instance().layout, f.instance().scenario.issues().size(),
                    node);
            while (it.hasNext()) {
                walked.add(it.next().clone());
            }
            assertThat(walked).as("node %d", node).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(expected);
            assertThat((long) walked.size()).isEqualTo(f.count(node));
            tied += f.count(node) - 1;
        }
        assertThat(tied).as("outcomes beyond the first of their node: the walk had ties to order").isPositive();
    }

    /** The scenario with the first party's profile holding a hard condition between issues 1 and 0. */
    private static Scenario linkFirstTwo(Scenario s, SplittableRandom rnd) {
        String first = s.parties().get(0).id();
        var profiles = new java.util.LinkedHashMap<>(s.profiles());
        profiles.put(first, s.profiles().get(first).withConditions(List.of(new dev.parley.engine.model.Condition(1,
                someOf(s.issues().get(1).size(), rnd), 0, someOf(s.issues().get(0).size(), rnd)))));
        return Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles, Optional.empty());
    }

    /** A random set of options, neither empty nor all. */
    private static boolean[] someOf(int n, SplittableRandom rnd) {
        boolean[] b = new boolean[n];
        for (int k = 0; k < n; k++) {
            b[k] = rnd.nextBoolean();
        }
        int in = rnd.nextInt(n);
        b[in] = true;
        b[(in + 1 + rnd.nextInt(n - 1)) % n] = false;
        return b;
    }

    /**
     * Two parties that care only about the first issue (three options, opposed), and 11 two-option issues nobody
     * values: three utility vectors of 2,048 packages each, more than are held to sort. Listed whole, each vector's
     * packages come in index order; listed in part, the first ones are the smallest indices of the best vector.
     */
    @ParameterizedTest
    @MethodSource("limits")
    void aListingCutInsideALargeTie_givesItsSmallestIndices(int limit) {
        var issues = new ArrayList<Issue>();
        issues.add(new Issue("I0", "I0", List.of(new Option("a", "a"), new Option("b", "b"), new Option("c", "c"))));
        for (int i = 1; i <= 11; i++) {
            issues.add(new Issue("I" + i, "I" + i, List.of(new Option("x", "x"), new Option("y", "y"))));
        }
        double[] w = new double[12];
        w[0] = 1;
        double[][] up = new double[12][];
        double[][] down = new double[12][];
        boolean[][] none = new boolean[12][];
        up[0] = new double[]{0, 0.4, 1};
        down[0] = new double[]{1, 0.6, 0};
        none[0] = new boolean[3];
        for (int i = 1; i <= 11; i++) {
            up[i] = new double[]{0, 1};
            down[i] = new double[]{1, 0};
            none[i] = new boolean[2];
        }
        Scenario s = Scenario.of("ties", "Ties", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of("B", "B",
                Role.PRINCIPAL)), issues, Map.of("A", Profile.of(issues, w, up, 0, none), "B",
                        Profile.of(issues, w,
                                down, 0, none)),
                Optional.empty());
        List<FrontierPoint> listed = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false))
                .frontier(limit);

        // The oracle: every package by index, grouped by the first issue's option (what alone sets the utilities).
        var byVector = new java.util.TreeMap<Integer, List<Outcome>>();
        int[] choice = new int[12];
        for (long x = 0; x < s.space().size(); x++) {
            s.space().decode(x, choice);
            byVector.computeIfAbsent(choice[0], k -> new ArrayList<>()).add(Outcome.of(choice));
        }
        // Nash order: b (0.4 × 0.6) first, then a and c (products 0) by Σu (equal), then by smallest index: a, c.
        List<Outcome> expected = new ArrayList<>();
        for (int option : new int[]{1, 0, 2}) {
            expected.addAll(byVector.get(option));
        }
        assertThat(listed.stream().map(FrontierPoint::outcome).toList()).containsExactlyElementsOf(expected.subList(
                0, Math.min(limit, expected.size())));
        assertThat(listed).allSatisfy(p -> assertThat(p.ties()).isEqualTo(2048));
    }

    static java.util.stream.IntStream limits() {
        return java.util.stream.IntStream.of(1, 10, 2048, 2049, 5000, 6144);
    }
}
