package dev.parley.scenario;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds what links a profile's issues: its {@code conditions}, hard conditions, each
 * {@code {if: {ISSUE: [options]}, then: {ISSUE: [options]}}} ("those options on the first issue only together with
 * these on the second"), and its {@code interactions}, soft terms, each {@code {when: {ISSUE: [options], ISSUE2:
 * [options], ...}, add: number}} (the number, in [-1, 1], added to the utility of a package that takes one of the
 * options named on every issue named). Checked against what was read of the issues as far as the answer does not
 * depend on what was not ({@link Shapes}). Not thread-safe.
 */
final class LinkBinder {
    private static final List<String> KEYS = List.of("if", "then");
    private static final List<String> TERM_KEYS = List.of("when", "add");

    private final Checks c;
    private final Shapes.Issues issues;

    LinkBinder(Checks checks, Shapes.Issues issues) {
        this.c = checks;
        this.issues = issues;
    }

    /** The conditions when every one is valid (and every issue bound), else empty with the problems recorded. */
    Optional<List<Condition>> conditions(Node node, String path) {
        return each(node, path, this::condition);
    }

    /** Each item of the list at {@code path} bound by {@code one}: all of them, or empty when any failed. */
    private <T> Optional<List<T>> each(Node node, String path,
            java.util.function.BiFunction<Node, String, Optional<T>> one) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        var out = new ArrayList<T>();
        boolean ok = true;
        List<Node> items = list.get().items();
        for (int k = 0; k < items.size(); k++) {
            Optional<T> bound = one.apply(items.get(k), Checks.index(path, k));
            bound.ifPresent(out::add);
            ok &= bound.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** One side of a condition: its issue's position and the options named, or empty with the problem recorded. */
    private record Side(int issue, boolean[] options, Node at) {
    }

    private Optional<Condition> condition(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, KEYS);
        Optional<Side> first = c.required(m, path, "if", "the issue and options the condition is on, e.g. if: "
                + "{CF: [full-30d]}").flatMap(n -> side(n, Checks.join(path, "if")));
        Optional<Side> then = c.required(m, path, "then", "the issue and options they need, e.g. then: {AID: "
                + "[all-paused]}").flatMap(n -> side(n, Checks.join(path, "then")));
        if (first.isEmpty() || then.isEmpty()) {
            return Optional.empty();
        }
        if (first.get().issue() == then.get().issue()) {
            c.add(then.get().at(), Checks.join(path, "then"), "names the same issue as 'if'; a condition links two "
                    + "issues (on one issue, use red lines)");
            return Optional.empty();
        }
        if (issues.bound() == null) {
            return Optional.empty();
        }
        return Optional.of(new Condition(first.get().issue(), first.get().options(), then.get().issue(), then.get()
                .options()));
    }

    private Optional<Side> side(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = map.get().entries();
        if (entries.size() != 1) {
            c.add(node, path, "names " + entries.size() + " issues; each side of a condition names one");
            return Optional.empty();
        }
        return entry(entries.get(0), path, "a condition names at least one on each side");
    }

    /** One issue and the options named on it, or empty with the problem recorded. */
    private Optional<Side> entry(Entry e, String path, String atLeastOne) {
        String issuePath = Checks.join(path, e.key());
        int i = issues.indexOf(e.key());
        if (i < 0) {
            if (issues.surelyUnknown(e.key())) {
                c.add(e, issuePath, issues.noIssue(e.key()));
            }
            return Optional.empty();
        }
        Optional<List<String>> named = c.strings(e.value(), issuePath);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        if (named.get().isEmpty()) {
            c.add(e.value(), issuePath, "no option; " + atLeastOne);
            return Optional.empty();
        }
        return issues.shapes().get(i).named(c, e.value(), issuePath, named.get()).map(options -> new Side(i, options, e
                .value()));
    }

    /** The interaction terms when every one is valid (and every issue bound), else empty with the problems recorded. */
    Optional<List<Interaction>> interactions(Node node, String path) {
        return each(node, path, this::interaction);
    }

    private Optional<Interaction> interaction(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, TERM_KEYS);
        Optional<Double> add = c.required(m, path, "add", "the number added to the utility when the combination "
                + "holds, in [-1, 1], e.g. add: 0.05").flatMap(n -> signedUnit(n, Checks.join(path, "add")));
        Optional<MapNode> when = c.required(m, path, "when", "the combination, two or more issues with their "
                + "options, e.g. when: {NATO: [neutrality], SG: [binding-us-europe]}").flatMap(
                        n -> c.map(n, Checks
                                .join(path, "when")));
        if (when.isEmpty()) {
            return Optional.empty();
        }
        String whenPath = Checks.join(path, "when");
        List<Entry> entries = when.get().entries();
        if (entries.size() < 2) {
            c.add(when.get(), whenPath, "names " + entries.size() + " issue" + (entries.size() == 1 ? "" : "s")
                    + "; an interaction term names two or more (on one issue, use its values)");
            return Optional.empty();
        }
        var sides = new ArrayList<Side>();
        boolean ok = true;
        for (Entry e : entries) {
            Optional<Side> side = entry(e, whenPath, "an interaction term names at least one on each issue");
            side.ifPresent(sides::add);
            ok &= side.isPresent();
        }
        if (!ok || add.isEmpty() || issues.bound() == null) {
            return Optional.empty();
        }
        sides.sort(java.util.Comparator.comparingInt(Side::issue));
        int[] at = sides.stream().mapToInt(Side::issue).toArray();
        boolean[][] options = sides.stream().map(Side::options).toArray(boolean[][]::new);
        return Optional.of(new Interaction(at, options, add.get()));
    }

    private Optional<Double> signedUnit(Node node, String path) {
        if (!(node instanceof Node.ScalarNode s) || s.type() != Node.ScalarType.NUMBER) {
            c.add(node, path, "must be a number in [-1, 1], got " + node.kind());
            return Optional.empty();
        }
        if (!(s.number() >= -1 && s.number() <= 1)) {
            c.add(node, path, s.text() + " is outside [-1, 1]");
            return Optional.empty();
        }
        return Optional.of(s.number());
    }
}
