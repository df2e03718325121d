package dev.parley.bench;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scenarios built for benchmarks. */
final class Scenarios {
    private Scenarios() {
    }

    /** Two principals, one issue of {@code n} options valued k/(n-1) by one and 1 − k/(n-1) by the other. */
    static Scenario opposed(int n) {
        var options = new ArrayList<Option>(n);
        for (int k = 0; k < n; k++) {
            options.add(new Option("o" + k, "option " + k));
        }
        List<Issue> issues = List.of(new Issue("I", "The one issue", options));
        double[] up = new double[n];
        double[] down = new double[n];
        for (int k = 0; k < n; k++) {
            up[k] = k / (double) (n - 1);
            down[k] = 1 - up[k];
        }
        boolean[][] none = {new boolean[n]};
        return Scenario.of("opposed", "Opposed values", "", List.of(Party.of("A", "A", Role.PRINCIPAL),
                Party.of("B", "B", Role.PRINCIPAL)), issues,
                Map.of("A", Profile.of(issues, new double[]{1}, new double[][]{up}, 0, none),
                        "B", Profile.of(issues, new double[]{1}, new double[][]{down}, 0, none)),
                Optional.empty());
    }
}
