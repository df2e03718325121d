package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Party;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The smallest sets of red lines and reservations that open an empty zone, on {@link SubstanceTest}'s issues: A and
 * B as there, each reserving 0.5, A's red line X=x1 and B's X=x0, so that every package breaks a red line. The mediator
 * M (reservation 0) is content with anything.
 * <pre>
 * package  A    B    breaks
 * x0 y0    1    0    B's red line
 * x0 y1    0.6  0.4  B's red line
 * x1 y0    0.4  0.6  A's red line
 * x1 y1    0    1    A's red line
 * </pre>
 * No single change opens it: dropping one red line leaves its side's packages short of the other's reservation, and a
 * waived reservation leaves the red lines. Dropping A's red line and waiving A's reservation admits x1 y1; B's pair
 * admits x0 y0; both red lines dropped leave no package giving both 0.5.
 */
class RelaxationsTest {
    static Scenario closed() {
        boolean[][] redX1 = {{false, true}, {false, false}};
        boolean[][] redX0 = {{true, false}, {false, false}};
        var profiles = Map.of(
                "A", SubstanceTest.profile(0.6, new double[]{1, 0}, new double[]{1, 0}, 0.5, redX1),
                "B", SubstanceTest.profile(0.6, new double[]{0, 1}, new double[]{0, 1}, 0.5, redX0),
                "M", SubstanceTest.profile(1, new double[]{0, 1}, new double[]{0, 0}, 0, SubstanceTest.none()));
        return Scenario.of("closed", "Closed", "", List.of(Party.of("A", "A", Role.PRINCIPAL), Party.of("B", "B",
                Role.PRINCIPAL), Party.of("M", "M", Role.MEDIATOR)), SubstanceTest.ISSUES, profiles, Optional.empty());
    }

    @Test
    void theSmallestSetsThatOpenTheZone_areEachASideDroppingItsRedLineAndItsReservation() {
        Scenario s = closed();
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults());
        assertThat(a.zoneEmpty()).isTrue();
        assertThat(a.relaxations()).containsExactly(List.of("A red line X=x1", "A reservation 0.50"), List.of(
                "B red line X=x0", "B reservation 0.50"));
    }

    /** Small random scenarios; every third seed with a hard condition in each profile (when there are 2+ issues). */
    static Scenario random(long seed) {
        var rnd = new java.util.SplittableRandom(seed);
        Scenario s = dev.parley.engine.model.RandomScenarios.generate(rnd,
                new dev.parley.engine.model.RandomScenarios.Settings(rnd.nextInt(2, 4), rnd.nextInt(1, 4), 2, 3,
                        seed % 2 == 0 ? 4 : 0, 0.9, 0.3));
        if (seed % 3 != 0 || s.issues().size() < 2) {
            return s;
        }
        var profiles = new java.util.LinkedHashMap<String, dev.parley.engine.model.Profile>();
        s.profiles().forEach((id, p) -> {
            int a = rnd.nextInt(s.issues().size());
            int b = (a + 1) % s.issues().size();
            boolean[] first = new boolean[s.issues().get(a).size()];
            first[rnd.nextInt(first.length)] = true;
            boolean[] then = new boolean[s.issues().get(b).size()];
            then[rnd.nextInt(then.length)] = true;
            profiles.put(id, p.withConditions(List.of(new dev.parley.engine.model.Condition(a, first, b, then))));
        });
        return Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles, s.protocol());
    }

    /** The seeds, of the first 300, whose scenario's zone is empty (by brute force): the cases the search is for. */
    static java.util.stream.LongStream seeds() {
        long[] empty = java.util.stream.LongStream.rangeClosed(1, 300).filter(seed -> new BruteForce(random(seed)).zone
                .isEmpty()).toArray();
        assertThat(empty.length).as("seeds with an empty zone").isGreaterThan(100);
        assertThat(java.util.Arrays.stream(empty).filter(seed -> random(seed).profiles().values().stream().anyMatch(
                p -> !p.conditions().isEmpty())).count()).as("of them, with hard conditions").isGreaterThan(20);
        return java.util.Arrays.stream(empty);
    }

    /** Against brute force: every subset of at most three red lines, conditions and reservations, every outcome. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void theSmallestSets_areTheBruteForceOnes(long seed) {
        Scenario s = random(seed);
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults());
        assertThat(a.zoneEmpty()).isTrue();
        var brute = new BruteForce(s);
        var items = new java.util.ArrayList<String>();
        var itemParty = new java.util.ArrayList<Integer>();
        var itemRed = new java.util.ArrayList<int[]>();
        var itemCondition = new java.util.ArrayList<Integer>(); // -1: not a condition
        for (int k = 0; k < brute.ratifying.size(); k++) {
            Party p = brute.ratifying.get(k);
            var profile = s.profiles().get(p.id());
            for (int i = 0; i < s.issues().size(); i++) {
                for (int o = 0; o < s.issues().get(i).size(); o++) {
                    if (profile.isRedLine(i, o)) {
                        items.add(p.id() + " red line " + s.issues().get(i).id() + "=" + s.issues().get(i).option(o)
                                .id());
                        itemParty.add(k);
                        itemRed.add(new int[]{i, o});
                        itemCondition.add(-1);
                    }
                }
            }
            for (int c = 0; c < profile.conditions().size(); c++) {
                items.add(p.id() + " condition " + profile.conditions().get(c).describe(s.issues()));
                itemParty.add(k);
                itemRed.add(null);
                itemCondition.add(c);
            }
            items.add(p.id() + " reservation " + String.format(java.util.Locale.ROOT, "%.2f", profile.reservation()));
            itemParty.add(k);
            itemRed.add(null);
            itemCondition.add(-1);
        }
        List<List<String>> expected = List.of();
        for (int size = 1; size <= 3 && expected.isEmpty(); size++) {
            var found = new java.util.ArrayList<List<String>>();
            for (List<Integer> subset : subsets(items.size(), size)) {
                if (opens(s, brute, subset, itemParty, itemRed, itemCondition)) {
                    found.add(subset.stream().map(items::get).toList());
                }
            }
            expected = found;
        }
        assertThat(a.relaxations()).isEqualTo(expected);
    }

    private static boolean opens(Scenario s, BruteForce brute, List<Integer> subset, List<Integer> party,
            List<int[]> red, List<Integer> condition) {
        for (int x = 0; x < brute.all.size(); x++) {
            int[] c = brute.all.get(x);
            boolean ok = true;
            for (int k = 0; k < brute.ratifying.size() && ok; k++) {
                var profile = s.profiles().get(brute.ratifying.get(k).id());
                boolean waived = false;
                for (int j : subset) {
                    waived |= party.get(j) == k && red.get(j) == null && condition.get(j) < 0;
                }
                for (int h = 0; h < profile.conditions().size() && ok; h++) {
                    var cond = profile.conditions().get(h);
                    boolean dropped = false;
                    for (int j : subset) {
                        dropped |= party.get(j) == k && condition.get(j) == h;
                    }
                    ok = dropped || !(cond.ifOptions()[c[cond.ifIssue()]] && !cond.thenOptions()[c[cond.thenIssue()]]);
                }
                for (int i = 0; i < c.length && ok; i++) {
                    if (profile.isRedLine(i, c[i])) {
                        boolean dropped = false;
                        for (int j : subset) {
                            dropped |= party.get(j) == k && red.get(j) != null && red.get(j)[0] == i
                                    && red.get(j)[1] == c[i];
                        }
                        ok = dropped;
                    }
                }
                ok &= waived || brute.utilities.get(x)[k].compareTo(java.math.BigDecimal.valueOf(profile.reservation())
                        .subtract(new java.math.BigDecimal("1e-9"))) >= 0;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Every subset of {@code size} of 0..n−1, in lexicographic order. */
    private static List<List<Integer>> subsets(int n, int size) {
        var out = new java.util.ArrayList<List<Integer>>();
        collect(n, size, 0, new java.util.ArrayList<>(), out);
        return out;
    }

    private static void collect(int n, int size, int from, List<Integer> acc, List<List<Integer>> out) {
        if (acc.size() == size) {
            out.add(List.copyOf(acc));
            return;
        }
        for (int j = from; j < n; j++) {
            acc.add(j);
            collect(n, size, j + 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }

    @Test
    void statedDemandsThatCannotBeChecked_areSaidNotChecked() {
        Analysis a = Analyzer.analyze(SubstanceTest.scenario(0, SubstanceTest.none()), AnalysisOptions.defaults()
                .withMaxPoints(1));
        assertThat(a.statedDemands()).isEmpty();
        assertThat(a.notes()).contains("stated demands not checked: the zone frontier was not computed");
    }

    @Test
    void aZoneThatIsNotEmpty_needsNoRelaxation() {
        assertThat(Analyzer.analyze(SubstanceTest.scenario(0, SubstanceTest.none()), AnalysisOptions.defaults())
                .relaxations()).isEmpty();
    }
}
