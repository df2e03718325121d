package dev.parley.scenario;

import dev.parley.engine.model.Condition;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a profile's {@code conditions}: hard conditions, each {@code {if: {ISSUE: [options]}, then: {ISSUE: [options]}}}
 * ("those options on the first issue only together with these on the second"), checked against what was read of the
 * issues as far as the answer does not depend on what was not ({@link Shapes}). Not thread-safe.
 */
final class ConditionBinder {
    private static final List<String> KEYS = List.of("if", "then");

    private final Checks c;
    private final Shapes.Issues issues;

    ConditionBinder(Checks checks, Shapes.Issues issues) {
        this.c = checks;
        this.issues = issues;
    }

    /** The conditions when every one is valid (and every issue bound), else empty with the problems recorded. */
    Optional<List<Condition>> conditions(Node node, String path) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        var out = new ArrayList<Condition>();
        boolean ok = true;
        List<Node> items = list.get().items();
        for (int k = 0; k < items.size(); k++) {
            Optional<Condition> one = condition(items.get(k), Checks.index(path, k));
            one.ifPresent(out::add);
            ok &= one.isPresent();
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
        Entry e = entries.get(0);
        String issuePath = Checks.join(path, e.key());
        int i = issues.indexOf(e.key());
        if (i < 0) {
            if (issues.idsKnown()) {
                List<String> ids = issues.ids();
                c.add(e, issuePath, "no issue '" + e.key() + "'" + Checks.suggestion(e.key(), ids) + " (issues: "
                        + String.join(", ", ids) + ")");
            }
            return Optional.empty();
        }
        Optional<List<String>> named = c.strings(e.value(), issuePath);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        if (named.get().isEmpty()) {
            c.add(e.value(), issuePath, "no option; a condition names at least one on each side");
            return Optional.empty();
        }
        Shapes.IssueShape shape = issues.shapes().get(i);
        if (shape.options() == null) {
            return Optional.empty();
        }
        boolean[] options = new boolean[shape.options().size()];
        boolean ok = true;
        List<Node> items = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
        for (int k = 0; k < named.get().size(); k++) {
            String o = named.get().get(k);
            int at = shape.indexOf(o);
            String where = e.value() instanceof ListNode ? Checks.index(issuePath, k) : issuePath;
            if (at < 0) {
                if (shape.optionsKnown()) {
                    c.add(items.get(k), where, "no option '" + o + "' in issue " + shape.id() + Checks.suggestion(o,
                            shape.options()) + " (options: " + String.join(", ", shape.options()) + ")");
                }
                ok = false;
            } else if (options[at]) {
                c.add(items.get(k), where, "'" + o + "' is named twice");
                ok = false;
            } else {
                options[at] = true;
            }
        }
        return ok ? Optional.of(new Side(i, options, e.value())) : Optional.empty();
    }
}
