package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model kept up to date one event at a time is the model made from the whole history at once, by the frequency
 * rule written out again here from its description: over the packages a party offered or accepted, value (f + 1) /
 * (f_max + 1), weight 1 + times kept, normalised; votes count for nothing.
 */
class OpponentModelTest {
    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(30);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theTrackersModel_isTheWholeHistorysModel_afterEveryEvent(long seed) {
        var random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(4);
        var issues = new ArrayList<Issue>();
        for (int i = 0; i < n; i++) {
            var options = new ArrayList<Option>();
            for (int o = 0; o < 2 + random.nextInt(4); o++) {
                options.add(new Option("o" + o, "o" + o));
            }
            issues.add(new Issue("I" + i, "I" + i, options));
        }
        var parties = List.of("A", "B", "C");
        var events = new ArrayList<Event>();
        var tracker = new OpponentModel.Tracker("A", issues);
        for (int step = 0; step < 40; step++) {
            int[] c = new int[n];
            for (int i = 0; i < n; i++) {
                c[i] = random.nextInt(issues.get(i).size());
            }
            String party = parties.get(random.nextInt(3));
            int kind = random.nextInt(3); // an offer, an acceptance (counted alike) or a vote (not counted)
            Event e = kind == 0
                    ? new Event.Offered(step, party, Outcome.of(c))
                    : kind == 1 ? new Event.Accepted(step, party, Outcome.of(c)) : new Event.Voted(step, party, true);
            events.add(e);
            tracker.add(e);
            OpponentModel model = tracker.model();
            for (String p : List.of("B", "C")) {
                List<int[]> made = events.stream().map(x -> x instanceof Event.Offered o && o.party().equals(p)
                        ? o.outcome().toArray()
                        : x instanceof Event.Accepted a && a.party().equals(p) ? a.outcome().toArray() : null)
                        .filter(java.util.Objects::nonNull).toList();
                if (made.isEmpty()) {
                    assertThat(model.parties()).doesNotContain(p);
                    continue;
                }
                for (int k = 0; k < 10; k++) {
                    int[] x = new int[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = random.nextInt(issues.get(i).size());
                    }
                    assertThat(model.utility(p, x)).isCloseTo(expected(made, issues, x), within(1e-12));
                }
            }
            assertThat(model.parties()).doesNotContain("A");
        }
    }

    private static double expected(List<int[]> made, List<Issue> issues, int[] x) {
        int n = issues.size();
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int kept = 0;
            for (int j = 1; j < made.size(); j++) {
                kept += made.get(j)[i] == made.get(j - 1)[i] ? 1 : 0;
            }
            w[i] = 1 + kept;
            total += w[i];
        }
        double u = 0;
        for (int i = 0; i < n; i++) {
            int count = 0;
            int most = 0;
            int[] f = new int[issues.get(i).size()];
            for (int[] c : made) {
                f[c[i]]++;
            }
            for (int v : f) {
                most = Math.max(most, v);
            }
            count = f[x[i]];
            u += w[i] / total * (count + 1.0) / (most + 1.0);
        }
        return u;
    }
}
