package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.analysis.LinkedAnalysisPropertiesTest;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An agent's bid never breaks its own red lines or hard conditions, whatever the target and the reference, and is
 * worth the target to it (its true utility, interaction terms included) whenever some package it allows is.
 */
class BidSearchConditionsTest {
    static java.util.stream.LongStream seeds() {
        return LinkedAnalysisPropertiesTest.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bids_breakNoneOfTheMakersConditions(long seed) {
        Scenario s = LinkedAnalysisPropertiesTest.scenario(seed);
        var rnd = new SplittableRandom(seed);
        for (Profile p : s.profiles().values()) {
            double bestAllowed = bestAllowed(s, p);
            if (p.links().isEmpty() || bestAllowed == Double.NEGATIVE_INFINITY) {
                continue;
            }
            UtilityTable t = UtilityTable.of(s.space(), p);
            for (int draw = 0; draw < 25; draw++) {
                int[] reference = new int[s.issues().size()];
                for (int i = 0; i < reference.length; i++) {
                    reference[i] = rnd.nextInt(s.issues().get(i).size());
                }
                double target = rnd.nextInt(11) / 10.0;
                int[] bid = BidSearch.near(t, target, dev.parley.engine.model.Outcome.of(reference));
                assertThat(broken(p, bid)).as("bid %s", java.util.Arrays.toString(bid)).isFalse();
                assertThat(dev.parley.engine.utility.LinkedUtilityTableTest.byDefinition(p, bid)).as("bid %s for %s",
                        java.util.Arrays.toString(bid), target).isGreaterThanOrEqualTo(
                                Math.min(target, bestAllowed)
                                        - 1e-12);
            }
        }
    }

    /** The most the profile's owner gets from a package it allows, or -∞ when it allows none. */
    private static double bestAllowed(Scenario s, Profile p) {
        double best = Double.NEGATIVE_INFINITY;
        int[] c = new int[s.issues().size()];
        do {
            if (!broken(p, c)) {
                best = Math.max(best, dev.parley.engine.utility.LinkedUtilityTableTest.byDefinition(p, c));
            }
        } while (s.space().increment(c));
        return best;
    }

    private static boolean broken(Profile p, int[] c) {
        return dev.parley.engine.utility.LinkedUtilityTableTest.forbiddenByDefinition(p, c);
    }
}
