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

    /**
     * Two principals over {@code issues} issues of {@code options} options each, option k valued k/(options-1) by
     * one and the rest by the other, issue i weighted in proportion to options^i: the utilities sum to 1 everywhere
     * and are all distinct, so every one of the options^issues outcomes is on the frontier.
     */
    static Scenario opposed(int issues, int options) {
        var list = new ArrayList<Issue>(issues);
        double[] weights = new double[issues];
        double[][] up = new double[issues][options];
        double[][] down = new double[issues][options];
        boolean[][] none = new boolean[issues][options];
        double total = 0;
        for (int i = 0; i < issues; i++) {
            var opts = new ArrayList<Option>(options);
            for (int k = 0; k < options; k++) {
                opts.add(new Option("o" + k, "option " + k));
                up[i][k] = k / (double) (options - 1);
                down[i][k] = 1 - up[i][k];
            }
            list.add(new Issue("I" + i, "Issue " + i, opts));
            weights[i] = Math.pow(options, i);
            total += weights[i];
        }
        for (int i = 0; i < issues; i++) {
            weights[i] /= total;
        }
        return Scenario.of("opposed", "Opposed values", "", List.of(Party.of("A", "A", Role.PRINCIPAL),
                Party.of("B", "B", Role.PRINCIPAL)), list,
                Map.of("A", Profile.of(list, weights, up, 0, none), "B", Profile.of(list, weights, down, 0, none)),
                Optional.empty());
    }
}
