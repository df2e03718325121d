package dev.parley.scenario;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
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
    private static final List<String> PROFILE_KEYS = List.of("reservation", "weights", "values", "redLines");

    private final Checks c;
    private final List<Issue> issues;

    private ProfileBinder(Checks checks, List<Issue> issues) {
        this.c = checks;
        this.issues = issues;
    }

    /**
     * The valid profiles by party id; every problem found is recorded in {@code checks}. A null list of parties
     * (issues) means some failed to bind: references to them are then not checked, and no profile is built.
     */
    static Map<String, Profile> profiles(Node node, List<Party> parties, List<Issue> issues, Checks checks) {
        return new ProfileBinder(checks, issues).profiles(node, parties);
    }

    /** One profile at {@code path}, against these issues; every problem found is recorded in {@code checks}. */
    static Optional<Profile> one(Node node, String path, List<Issue> issues, Checks checks) {
        return new ProfileBinder(checks, issues).profile(node, path);
    }

    private Map<String, Profile> profiles(Node node, List<Party> parties) {
        var out = new LinkedHashMap<String, Profile>();
        Optional<MapNode> map = c.map(node, "profiles");
        if (map.isEmpty()) {
            return out;
        }
        for (Entry e : map.get().entries()) {
            String path = Checks.join("profiles", e.key());
            if (parties != null && parties.stream().noneMatch(p -> p.id().equals(e.key()))) {
                c.add(e, path, "no party '" + e.key() + "'" + Checks.suggestion(e.key(), partyIds(parties))
                        + " (parties: " + ScenarioBinder.ids(parties) + ")");
                continue;
            }
            profile(e.value(), path).ifPresent(p -> out.put(e.key(), p));
        }
        for (Party p : parties == null ? List.<Party>of() : parties) {
            boolean needsProfile = p.ratifies() || p.role() == Role.PRINCIPAL || p.role() == Role.MEDIATOR;
            if (needsProfile && map.get().get(p.id()).isEmpty()) {
                c.add(node, Checks.join("profiles", p.id()), "missing; " + p.id() + " is a "
                        + (p.ratifies() ? "ratifying " : "") + p.role().id() + " and needs a profile");
            }
        }
        return out;
    }

    private static List<String> partyIds(List<Party> parties) {
        return parties.stream().map(Party::id).toList();
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
        if (issues == null) {
            return Optional.empty();
        }
        double[] weights = c.required(m, path, "weights", "one weight per issue, summing to 1")
                .map(n -> weights(n, Checks.join(path, "weights"))).orElse(null);
        double[][] values = c.required(m, path, "values", "per issue, a value in [0, 1] for each option")
                .map(n -> values(n, Checks.join(path, "values"), weights)).orElse(null);
        boolean[][] redLines = m.get("redLines").map(n -> redLines(n, Checks.join(path, "redLines")))
                .orElseGet(this::noRedLines);
        if (c.problems().size() > problemsBefore || issues.isEmpty() || reservation.isEmpty() || weights == null
                || values == null) {
            return Optional.empty();
        }
        return Optional.of(Profile.of(issues, weights, values, reservation.get(), redLines));
    }

    private double[] weights(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return null;
        }
        double[] w = new double[issues.size()];
        boolean[] seen = new boolean[issues.size()];
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            int i = issueIndex(e, Checks.join(path, e.key()));
            Optional<Double> weight = c.unit(e.value(), Checks.join(path, e.key()));
            if (i >= 0) {
                w[i] = weight.orElse(0.0);
                seen[i] = true; // present, even if invalid: reported once, above
            }
            ok &= i >= 0 && weight.isPresent();
        }
        List<String> missing = missing(seen);
        if (!missing.isEmpty()) {
            c.add(node, path, "no weight for " + String.join(", ", missing) + " (every issue needs one; 0 is allowed)");
            return null;
        }
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (ok && Math.abs(sum - 1) > Profile.WEIGHT_SUM_TOLERANCE) {
            c.add(node, path, "sum is " + Checks.decimal(sum) + ", must be 1 (±1e-6)");
            return null;
        }
        return ok ? w : null;
    }

    private double[][] values(Node node, String path, double[] weights) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return null;
        }
        double[][] v = new double[issues.size()][];
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            String issuePath = Checks.join(path, e.key());
            int i = issueIndex(e, issuePath);
            if (i < 0) {
                ok = false;
                continue;
            }
            v[i] = e.value() instanceof MapNode m
                    ? valueMap(m, issuePath, issues.get(i))
                    : valueList(e.value(), issuePath, issues.get(i));
            ok &= v[i] != null;
        }
        var missing = new ArrayList<String>();
        for (int i = 0; i < issues.size(); i++) {
            if (v[i] == null && map.get().get(issues.get(i).id()).isEmpty()) {
                if (weights != null && weights[i] == 0) {
                    v[i] = new double[issues.get(i).size()]; // an issue the party ignores needs no values
                } else {
                    missing.add(issues.get(i).id());
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

    private double[] valueList(Node node, String path, Issue issue) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return null;
        }
        List<Node> items = list.get().items();
        if (items.size() != issue.size()) {
            c.add(node, path, items.size() + " values for " + issue.size() + " options (" + optionIds(issue) + ")");
            return null;
        }
        double[] v = new double[items.size()];
        boolean ok = true;
        for (int k = 0; k < items.size(); k++) {
            Optional<Double> x = c.unit(items.get(k), Checks.index(path, k));
            v[k] = x.orElse(0.0);
            ok &= x.isPresent();
        }
        return ok ? v : null;
    }

    private double[] valueMap(MapNode map, String path, Issue issue) {
        double[] v = new double[issue.size()];
        boolean[] seen = new boolean[issue.size()];
        boolean ok = true;
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
        for (int k = 0; k < issue.size(); k++) {
            if (!seen[k]) {
                missing.add(issue.option(k).id());
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
            Issue issue = issues.get(i);
            List<Node> items = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
            for (int j = 0; j < items.size(); j++) {
                String option = options.get().get(j);
                int k = issue.indexOf(option);
                if (k < 0) {
                    c.add(items.get(j), e.value() instanceof ListNode ? Checks.index(issuePath, j) : issuePath,
                            noOption(option, issue));
                } else {
                    red[i][k] = true;
                }
            }
        }
        return red;
    }

    private boolean[][] noRedLines() {
        boolean[][] red = new boolean[issues.size()][];
        for (int i = 0; i < issues.size(); i++) {
            red[i] = new boolean[issues.get(i).size()];
        }
        return red;
    }

    /** The position of the issue a key names, or -1 with a problem recorded. */
    private int issueIndex(Entry e, String path) {
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).id().equals(e.key())) {
                return i;
            }
        }
        List<String> ids = issues.stream().map(Issue::id).toList();
        c.add(e, path, "no issue '" + e.key() + "'" + Checks.suggestion(e.key(), ids) + " (issues: "
                + String.join(", ", ids) + ")");
        return -1;
    }

    private int optionIndex(Entry e, String path, Issue issue) {
        int k = issue.indexOf(e.key());
        if (k < 0) {
            c.add(e, path, noOption(e.key(), issue));
        }
        return k;
    }

    private static String noOption(String option, Issue issue) {
        List<String> ids = issue.options().stream().map(Option::id).toList();
        return "no option '" + option + "' in issue " + issue.id() + Checks.suggestion(option, ids) + " (options: "
                + String.join(", ", ids) + ")";
    }

    private static String optionIds(Issue issue) {
        return issue.options().stream().map(Option::id).collect(Collectors.joining(", "));
    }

    private List<String> missing(boolean[] seen) {
        var out = new ArrayList<String>();
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                out.add(issues.get(i).id());
            }
        }
        return out;
    }
}
