package dev.parley.scenario;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Uncertainty;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Binds a profile's {@code uncertainty}: {@code weights} as one of {@code dirichlet: CONCENTRATION},
 * {@code intervals: {ISSUE: [low, high]}} or {@code ranking: [ISSUE, ...]}; {@code values: {ISSUE: {OPTION: [low,
 * high]}}}; {@code reservation: [low, high]}. Every interval lies in [0, 1] and holds the point figure; checked against
 * the profile already bound. Not thread-safe.
 */
final class UncertaintyBinder {
    static final List<String> KEYS = List.of("weights", "values", "reservation");
    static final List<String> WEIGHT_KINDS = List.of("dirichlet", "intervals", "ranking");

    private final Checks c;
    private final List<Issue> issues;
    private final Profile point;

    private UncertaintyBinder(Checks checks, List<Issue> issues, Profile point) {
        this.c = checks;
        this.issues = issues;
        this.point = point;
    }

    /** The spread at {@code path} around {@code point}; empty, with the problems recorded, when it does not bind. */
    static Optional<Uncertainty> bind(Node node, String path, List<Issue> issues, Profile point, Checks checks) {
        return new UncertaintyBinder(checks, issues, point).bind(node, path);
    }

    private Optional<Uncertainty> bind(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, KEYS);
        int before = c.problems().size();
        if (!point.interactions().isEmpty()) {
            c.add(m, path, "not supported with interaction terms: a drawn profile could leave [0, 1]");
            return Optional.empty();
        }
        Uncertainty.Weights weights = m.get("weights").map(n -> weights(n, Checks.join(path, "weights"))).orElse(
                new Uncertainty.Fixed());
        int n = issues.size();
        double[][] low = new double[n][];
        double[][] high = new double[n][];
        for (int i = 0; i < n; i++) {
            low[i] = new double[issues.get(i).size()];
            for (int o = 0; o < low[i].length; o++) {
                low[i][o] = point.value(i, o);
            }
            high[i] = low[i].clone();
        }
        m.get("values").ifPresent(v -> values(v, Checks.join(path, "values"), low, high));
        double[] reservation = m.get("reservation").map(r -> interval(r, Checks.join(path, "reservation"), point
                .reservation())).orElse(new double[]{point.reservation(), point.reservation()});
        if (c.problems().size() > before || weights == null || reservation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Uncertainty.of(point, weights, low, high, reservation[0], reservation[1]));
        } catch (IllegalArgumentException e) { // every rule was checked above; kept so that nothing binds unchecked
            c.add(m, path, e.getMessage());
            return Optional.empty();
        }
    }

    /** Exactly one of the weight spreads; null when it does not bind. */
    private Uncertainty.Weights weights(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return null;
        }
        c.onlyKeys(map.get(), path, WEIGHT_KINDS);
        List<Entry> kinds = map.get().entries().stream().filter(e -> WEIGHT_KINDS.contains(e.key())).toList();
        if (kinds.size() != 1) {
            c.add(map.get(), path, "give exactly one of " + String.join(", ", WEIGHT_KINDS) + (kinds.isEmpty()
                    ? ""
                    : ", not " + String.join(" and ", kinds.stream().map(Entry::key).toList())));
            return null;
        }
        Entry e = kinds.get(0);
        String at = Checks.join(path, e.key());
        return switch (e.key()) {
            case "dirichlet" -> concentration(e.value(), at);
            case "intervals" -> weightIntervals(e.value(), at);
            default -> ranking(e.value(), at);
        };
    }

    private Uncertainty.Weights concentration(Node node, String path) {
        if (node instanceof ScalarNode s && s.type() == Node.ScalarType.NUMBER && s.number() > 0 && !Double
                .isInfinite(s.number())) {
            return new Uncertainty.Dirichlet(s.number());
        }
        c.add(node, path, "must be a positive number (the Dirichlet's concentration: the larger, the closer the "
                + "weights stay to the point weights), got " + describe(node));
        return null;
    }

    private Uncertainty.Weights weightIntervals(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return null;
        }
        int n = issues.size();
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            low[i] = point.weight(i);
            high[i] = point.weight(i);
        }
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            String at = Checks.join(path, e.key());
            int i = Issue.indexIn(issues, e.key());
            if (i < 0) {
                c.add(e, at, Shapes.Issues.of(issues).noIssue(e.key()));
                ok = false;
                continue;
            }
            double[] iv = interval(e.value(), at, point.weight(i));
            if (iv == null) {
                ok = false;
                continue;
            }
            low[i] = iv[0];
            high[i] = iv[1];
        }
        double sumLow = java.util.Arrays.stream(low).sum();
        double sumHigh = java.util.Arrays.stream(high).sum();
        if (ok && (sumLow > 1 + Profile.WEIGHT_SUM_TOLERANCE || sumHigh < 1 - Profile.WEIGHT_SUM_TOLERANCE)) {
            c.add(node, path, "the intervals sum to [" + Checks.decimal(sumLow) + ", " + Checks.decimal(sumHigh)
                    + "], which cannot hold weights summing to 1");
            ok = false;
        }
        return ok ? new Uncertainty.Intervals(low, high) : null;
    }

    private Uncertainty.Weights ranking(Node node, String path) {
        Optional<List<String>> named = c.strings(node, path);
        if (named.isEmpty()) {
            return null;
        }
        List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
        int n = issues.size();
        int[] order = new int[named.get().size()];
        boolean[] seen = new boolean[n];
        boolean ok = true;
        for (int k = 0; k < order.length; k++) {
            String id = named.get().get(k);
            String at = node instanceof ListNode ? Checks.index(path, k) : path;
            int i = Issue.indexIn(issues, id);
            if (i < 0) {
                c.add(items.get(k), at, Shapes.Issues.of(issues).noIssue(id));
                ok = false;
            } else if (seen[i]) {
                c.add(items.get(k), at, "'" + id + "' is named twice");
                ok = false;
            } else {
                seen[i] = true;
                order[k] = i;
                if (k > 0 && ok && point.weight(i) > point.weight(order[k - 1]) + Profile.WEIGHT_SUM_TOLERANCE) {
                    c.add(items.get(k), at, id + " has the point weight " + Checks.decimal(point.weight(i))
                            + ", more than " + issues.get(order[k - 1]).id() + "'s " + Checks.decimal(point.weight(
                                    order[k - 1]))
                            + " ranked above it; rank the issues as the point weights do");
                    ok = false;
                }
            }
        }
        var missing = new java.util.ArrayList<String>();
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                missing.add(issues.get(i).id());
            }
        }
        if (ok && !missing.isEmpty()) {
            c.add(node, path, "the ranking leaves out " + String.join(", ", missing) + " (rank every issue, most "
                    + "important first)");
            ok = false;
        }
        return ok ? new Uncertainty.Ranking(order) : null;
    }

    private void values(Node node, String path, double[][] low, double[][] high) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return;
        }
        for (Entry e : map.get().entries()) {
            String at = Checks.join(path, e.key());
            int i = Issue.indexIn(issues, e.key());
            if (i < 0) {
                c.add(e, at, Shapes.Issues.of(issues).noIssue(e.key()));
                continue;
            }
            Optional<MapNode> options = c.map(e.value(), at);
            if (options.isEmpty()) {
                continue;
            }
            Shapes.IssueShape shape = Shapes.IssueShape.of(issues.get(i));
            for (Entry o : options.get().entries()) {
                String optionAt = Checks.join(at, o.key());
                int k = shape.indexOf(o.key());
                if (k < 0) {
                    c.add(o, optionAt, shape.noOption(o.key()));
                    continue;
                }
                double[] iv = interval(o.value(), optionAt, point.value(i, k));
                if (iv != null) {
                    low[i][k] = iv[0];
                    high[i][k] = iv[1];
                }
            }
        }
    }

    /** {@code [low, high]} within [0, 1] holding {@code point}; null, with the problem recorded, otherwise. */
    private double[] interval(Node node, String path, double point) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return null;
        }
        if (list.get().items().size() != 2) {
            c.add(node, path, "must be an interval [low, high], not a list of " + list.get().items().size());
            return null;
        }
        Optional<Double> low = c.unit(list.get().items().get(0), Checks.index(path, 0));
        Optional<Double> high = c.unit(list.get().items().get(1), Checks.index(path, 1));
        if (low.isEmpty() || high.isEmpty()) {
            return null;
        }
        if (low.get() > high.get()) {
            c.add(node, path, "[" + Checks.decimal(low.get()) + ", " + Checks.decimal(high.get()) + "] runs "
                    + "backwards: the low end comes first");
            return null;
        }
        if (point < low.get() || point > high.get()) {
            c.add(node, path, "[" + Checks.decimal(low.get()) + ", " + Checks.decimal(high.get()) + "] does not hold "
                    + "the point figure " + Checks.decimal(point) + ", the best estimate every other command uses");
            return null;
        }
        return new double[]{low.get(), high.get()};
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode s && s.type() == Node.ScalarType.NUMBER ? s.text() : node.kind();
    }
}
