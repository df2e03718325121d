package dev.parley.scenario;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Uncertainty;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds the {@code profiles} section: weights, values (a list in option order or a map option id → value),
 * reservation and red lines of each party, against the parties and issues already read. Not thread-safe.
 */
final class ProfileBinder {
    private static final List<String> PROFILE_KEYS = List.of("reservation", "weights", "values", "redLines",
            "conditions", "interactions", "uncertainty");

    private final Checks c;
    private final Shapes.Issues issues;
    /** Where each profile's uncertainty goes, by party; null for a live profile edit, which keeps none. */
    private final Map<String, Uncertainty> spread;
    private String party;

    private ProfileBinder(Checks checks, Shapes.Issues issues, Map<String, Uncertainty> spread) {
        this.c = checks;
        this.issues = issues;
        this.spread = spread;
    }

    /**
     * The valid profiles by party id; every problem found is recorded in {@code checks}. Each profile is checked
     * against what was read of the parties and issues, as far as the answer does not depend on what was not; a
     * profile is built only when every issue bound.
     */
    static Map<String, Profile> profiles(Node node, Shapes.Parties parties, Shapes.Issues issues, Checks checks,
            Map<String, Uncertainty> uncertainty) {
        return new ProfileBinder(checks, issues, uncertainty).profiles(node, parties);
    }

    /** One profile at {@code path}, against these issues; every problem found is recorded in {@code checks}. */
    static Optional<Profile> one(Node node, String path, List<Issue> issues, Checks checks) {
        return new ProfileBinder(checks, Shapes.Issues.of(issues), null).profile(node, path);
    }

    private Map<String, Profile> profiles(Node node, Shapes.Parties parties) {
        var out = new LinkedHashMap<String, Profile>();
        Optional<MapNode> map = c.map(node, "profiles");
        if (map.isEmpty()) {
            return out;
        }
        for (Entry e : map.get().entries()) {
            String path = Checks.join("profiles", e.key());
            if (parties.surelyUnknown(e.key())) {
                c.add(e, path, parties.noParty(e.key()));
                continue;
            }
            party = e.key();
            profile(e.value(), path).ifPresent(p -> out.put(e.key(), p));
        }
        for (Party p : parties.bound()) {
            boolean needsProfile = p.ratifies() || p.role() == Role.PRINCIPAL || p.role() == Role.MEDIATOR;
            if (needsProfile && map.get().get(p.id()).isEmpty()) {
                c.add(node, Checks.join("profiles", p.id()), "missing; " + p.id() + " is a "
                        + (p.ratifies() ? "ratifying " : "") + p.role().id() + " and needs a profile");
            }
        }
        return out;
    }

    private Optional<Profile> profile(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, PROFILE_KEYS);
        int problemsBefore = c.problems().size();
        Optional<Double> reservation = c.required(m, path, "reservation",
                "the utility below which the party walks away, in [0, 1]")
                .flatMap(n -> c.unit(n, Checks.join(path, "reservation")));
        // Each weight as read (NaN where missing or invalid), so that the values can be checked against it.
        double[] weights = c.required(m, path, "weights", "one weight per issue, summing to 1")
                .map(n -> weights(n, Checks.join(path, "weights"))).orElseGet(this::unknownWeights);
        double[][] values = c.required(m, path, "values", "per issue, a value in [0, 1] for each option")
                .map(n -> values(n, Checks.join(path, "values"), weights)).orElse(null);
        LinkBinder links = new LinkBinder(c, issues);
        Optional<List<Condition>> conditions = m.get("conditions").map(n -> links.conditions(n, Checks.join(path,
                "conditions"))).orElse(Optional.of(List.of()));
        Optional<List<Interaction>> terms = m.get("interactions").map(n -> links.interactions(n, Checks.join(path,
                "interactions"))).orElse(Optional.of(List.of()));
        boolean[][] redLines = m.get("redLines").map(n -> redLines(n, Checks.join(path, "redLines")))
                .orElseGet(this::noRedLines);
        List<Issue> bound = issues.bound();
        if (c.problems().size() > problemsBefore || bound == null || bound.isEmpty() || reservation.isEmpty()
                || values == null || java.util.Arrays.stream(weights).anyMatch(Double::isNaN)) {
            return Optional.empty();
        }
        if (conditions.isEmpty() || terms.isEmpty()) {
            return Optional.empty();
        }
        var linked = new ArrayList<int[]>();
        conditions.get().forEach(k -> linked.add(new int[]{k.ifIssue(), k.thenIssue()}));
        terms.get().forEach(t -> linked.add(t.issues()));
        if (ScenarioBinder.linkedTooFar(c, m, path, bound, linked)) {
            return Optional.empty();
        }
        Profile p = Profile.of(bound, weights, values, reservation.get(), redLines).withConditions(conditions.get());
        try {
            p = p.withInteractions(terms.get());
        } catch (IllegalArgumentException e) { // the utility leaves [0, 1], or too many combinations are linked
            c.add(m.get("interactions").orElseThrow(), Checks.join(path, "interactions"), e.getMessage());
            return Optional.empty();
        }
        Optional<Node> uncertain = m.get("uncertainty");
        if (uncertain.isPresent()) { // checked wherever it comes; a live profile (no spread to keep it in) drops it
            Optional<Uncertainty> u = UncertaintyBinder.bind(uncertain.get(), Checks.join(path, "uncertainty"),
                    bound, p, c);
            if (u.isEmpty()) {
                return Optional.empty();
            }
            if (spread != null) {
                spread.put(party, u.get());
            }
        }
        return Optional.of(p);
    }

    private double[] unknownWeights() {
        double[] w = new double[size()];
        java.util.Arrays.fill(w, Double.NaN);
        return w;
    }

    private int size() {
        return issues.shapes().size();
    }

    private Shapes.IssueShape issue(int i) {
        return issues.shapes().get(i);
    }

    private double[] weights(Node node, String path) {
        double[] w = unknownWeights();
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return w;
        }
        boolean[] seen = new boolean[size()];
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            int i = issueIndex(e, Checks.join(path, e.key()));
            Optional<Double> weight = c.unit(e.value(), Checks.join(path, e.key()));
            if (i >= 0) {
                w[i] = weight.orElse(Double.NaN);
                seen[i] = true; // present, even if invalid: reported once, above
            }
            ok &= i >= 0 && weight.isPresent();
        }
        List<String> missing = missing(seen);
        if (!missing.isEmpty()) {
            c.add(node, path, "no weight for " + String.join(", ", missing) + " (every issue needs one; 0 is allowed)");
        }
        double sum = 0;
        for (double x : w) {
            sum += Double.isNaN(x) ? 0 : x;
        }
        if (ok && missing.isEmpty() && issues.idsKnown() && Math.abs(sum - 1) > Profile.WEIGHT_SUM_TOLERANCE) {
            c.add(node, path, "sum is " + Checks.decimal(sum) + ", must be 1 (±1e-6)");
        } else if (sum > 1 + Profile.WEIGHT_SUM_TOLERANCE && !(ok && missing.isEmpty() && issues.idsKnown())) {
            c.add(node, path, "the weights given already sum to " + Checks.decimal(sum) + ", over 1");
        }
        return w;
    }

    private double[][] values(Node node, String path, double[] weights) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return null;
        }
        double[][] v = new double[size()][];
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            String issuePath = Checks.join(path, e.key());
            int i = issueIndex(e, issuePath);
            if (i < 0) {
                ok = false;
                continue;
            }
            v[i] = e.value() instanceof MapNode m
                    ? valueMap(m, issuePath, issue(i))
                    : valueList(e.value(), issuePath, issue(i));
            ok &= v[i] != null;
        }
        var missing = new ArrayList<String>();
        for (int i = 0; i < size(); i++) {
            if (v[i] == null && map.get().get(issue(i).id()).isEmpty()) {
                if (weights[i] == 0) {
                    // an issue the party ignores needs no values
                    v[i] = new double[issue(i).options() == null ? 0 : issue(i).options().size()];
                } else if (weights[i] > 0) {
                    missing.add(issue(i).id());
                } else {
                    ok = false; // whether values are needed depends on a weight that could not be read
                }
            }
        }
        if (!missing.isEmpty()) {
            c.add(node, path, "no values for " + String.join(", ", missing)
                    + " (every issue with a weight above 0 needs them)");
            return null;
        }
        return ok ? v : null;
    }

    private double[] valueList(Node node, String path, Shapes.IssueShape issue) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return null;
        }
        List<Node> items = list.get().items();
        boolean ok = true;
        if (issue.options() != null && items.size() != issue.options().size()) {
            c.add(node, path, items.size() + " value" + (items.size() == 1 ? "" : "s") + " for "
                    + issue.options().size() + " options (" + optionIds(issue) + ")");
            ok = false;
        }
        double[] v = new double[items.size()];
        for (int k = 0; k < items.size(); k++) {
            Optional<Double> x = c.unit(items.get(k), Checks.index(path, k));
            v[k] = x.orElse(0.0);
            ok &= x.isPresent();
        }
        return ok ? v : null;
    }

    private double[] valueMap(MapNode map, String path, Shapes.IssueShape issue) {
        if (issue.options() == null) {
            for (Entry e : map.entries()) {
                c.unit(e.value(), Checks.join(path, e.key()));
            }
            return null; // which options there are could not be read
        }
        double[] v = new double[issue.options().size()];
        boolean[] seen = new boolean[v.length];
        boolean ok = issue.optionsKnown();
        for (Entry e : map.entries()) {
            int k = optionIndex(e, Checks.join(path, e.key()), issue);
            Optional<Double> x = c.unit(e.value(), Checks.join(path, e.key()));
            if (k >= 0) {
                v[k] = x.orElse(0.0);
                seen[k] = true;
            }
            ok &= k >= 0 && x.isPresent();
        }
        var missing = new ArrayList<String>();
        for (int k = 0; k < v.length; k++) {
            if (!seen[k] && issue.options().get(k) != null) {
                missing.add(issue.options().get(k));
            }
        }
        if (!missing.isEmpty()) {
            c.add(map, path, "no value for option " + String.join(", ", missing));
            return null;
        }
        return ok ? v : null;
    }

    private boolean[][] redLines(Node node, String path) {
        boolean[][] red = noRedLines();
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return red;
        }
        for (Entry e : map.get().entries()) {
            String issuePath = Checks.join(path, e.key());
            int i = issueIndex(e, issuePath);
            Optional<List<String>> options = c.strings(e.value(), issuePath);
            if (i < 0 || options.isEmpty()) {
                continue;
            }
            Shapes.IssueShape issue = issue(i);
            List<Node> items = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
            for (int j = 0; j < items.size(); j++) {
                String option = options.get().get(j);
                int k = issue.indexOf(option);
                if (k < 0 && issue.optionsKnown()) {
                    c.add(items.get(j), e.value() instanceof ListNode ? Checks.index(issuePath, j) : issuePath,
                            issue.noOption(option));
                } else if (k >= 0) {
                    red[i][k] = true;
                }
            }
        }
        return red;
    }

    private boolean[][] noRedLines() {
        boolean[][] red = new boolean[size()][];
        for (int i = 0; i < size(); i++) {
            red[i] = new boolean[issue(i).options() == null ? 0 : issue(i).options().size()];
        }
        return red;
    }

    /**
     * The position of the issue a key names, or -1; a problem is recorded only when every issue's id is known, since
     * otherwise the key may name the issue whose id could not be read.
     */
    private int issueIndex(Entry e, String path) {
        if (issues.surelyUnknown(e.key())) {
            c.add(e, path, issues.noIssue(e.key()));
        }
        return issues.indexOf(e.key());
    }

    private int optionIndex(Entry e, String path, Shapes.IssueShape issue) {
        int k = issue.indexOf(e.key());
        if (k < 0 && issue.optionsKnown()) {
            c.add(e, path, issue.noOption(e.key()));
        }
        return k;
    }

    private static String optionIds(Shapes.IssueShape issue) {
        return issue.options().stream().map(o -> o == null ? "?" : o).collect(Collectors.joining(", "));
    }

    private List<String> missing(boolean[] seen) {
        var out = new ArrayList<String>();
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                out.add(issue(i).id());
            }
        }
        return out;
    }
}
