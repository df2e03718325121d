package dev.parley.scenario;

import dev.parley.engine.model.Demand;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the {@code demands} section: each party's stated demands, public, each an id, a label and the options that
 * satisfy it on one or more issues; and each party's {@code allies}. Checked against what was read of the parties
 * and issues as far as the answer does not depend on what was not ({@link Shapes}). Not thread-safe.
 */
final class DemandBinder {
    private static final List<String> DEMAND_KEYS = List.of("id", "label", "satisfiedBy");

    private final Checks c;
    private final Shapes.Parties parties;
    private final Shapes.Issues issues;

    private DemandBinder(Checks checks, Shapes.Parties parties, Shapes.Issues issues) {
        this.c = checks;
        this.parties = parties;
        this.issues = issues;
    }

    /** The valid demands by party id; every problem found is recorded in {@code checks}. */
    static Map<String, List<Demand>> demands(Node node, Shapes.Parties parties, Shapes.Issues issues, Checks checks) {
        return new DemandBinder(checks, parties, issues).demands(node);
    }

    /**
     * Checks the allies a party names (at {@code node}, read as a list of ids): each a party of the scenario, not
     * the party itself, named once.
     */
    static List<String> allies(Node node, String path, String party, Shapes.Parties parties, Checks checks) {
        Optional<List<String>> named = checks.strings(node, path);
        if (named.isEmpty()) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
        for (int k = 0; k < named.get().size(); k++) {
            String ally = named.get().get(k);
            Node at = items.get(k);
            String where = node instanceof ListNode ? Checks.index(path, k) : path;
            if (ally.equals(party)) {
                checks.add(at, where, "a party cannot be its own ally");
            } else if (parties.surelyUnknown(ally)) {
                checks.add(at, where, parties.noParty(ally));
            } else if (!out.add(ally)) {
                checks.add(at, where, "'" + ally + "' is named twice");
            }
        }
        return List.copyOf(out);
    }

    private Map<String, List<Demand>> demands(Node node) {
        var out = new LinkedHashMap<String, List<Demand>>();
        Optional<MapNode> map = c.map(node, "demands");
        if (map.isEmpty()) {
            return out;
        }
        for (Entry e : map.get().entries()) {
            String path = Checks.join("demands", e.key());
            if (parties.surelyUnknown(e.key())) {
                c.add(e, path, parties.noParty(e.key()));
                continue;
            }
            Optional<ListNode> list = c.list(e.value(), path);
            if (list.isEmpty()) {
                continue;
            }
            var stated = new ArrayList<Demand>();
            var firstLine = new HashMap<String, Integer>();
            List<Node> items = list.get().items();
            for (int k = 0; k < items.size(); k++) {
                demand(items.get(k), Checks.index(path, k), firstLine).ifPresent(stated::add);
            }
            out.put(e.key(), stated);
        }
        return out;
    }

    private Optional<Demand> demand(Node node, String path, Map<String, Integer> firstLine) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, DEMAND_KEYS);
        String idPath = Checks.join(path, "id");
        Optional<String> id = c.required(m, path, "id", "a short id unique among the party's demands, e.g. aid-halt")
                .flatMap(n -> c.id(n, idPath).filter(i -> {
                    Integer first = firstLine.putIfAbsent(i, n.line());
                    if (first != null) {
                        c.add(n, idPath, "duplicate demand id '" + i + "' (first at line " + first + ")");
                    }
                    return first == null;
                }));
        Optional<String> label = m.get("label").flatMap(n -> c.string(n, Checks.join(path, "label")));
        Optional<Map<String, List<String>>> satisfiedBy = c.required(m, path, "satisfiedBy",
                "issue → the options that satisfy the demand, e.g. satisfiedBy: {AID: [permanent-halt]}")
                .flatMap(n -> satisfiedBy(n, Checks.join(path, "satisfiedBy")));
        if (id.isEmpty() || satisfiedBy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Demand(id.get(), label.orElse(id.get()), satisfiedBy.get()));
    }

    private Optional<Map<String, List<String>>> satisfiedBy(Node node, String path) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        if (map.get().entries().isEmpty()) {
            c.add(node, path, "names no issue; a demand is satisfied by options of at least one issue");
            return Optional.empty();
        }
        var out = new LinkedHashMap<String, List<String>>();
        boolean ok = true;
        for (Entry e : map.get().entries()) {
            String issuePath = Checks.join(path, e.key());
            int i = issues.indexOf(e.key());
            if (issues.surelyUnknown(e.key())) {
                c.add(e, issuePath, issues.noIssue(e.key()));
            }
            Optional<List<String>> options = c.strings(e.value(), issuePath);
            if (options.isPresent() && options.get().isEmpty()) {
                c.add(e.value(), issuePath, "no option; a demand no package can satisfy is not a demand");
                options = Optional.empty();
            }
            ok &= i >= 0 && options.isPresent() && issues.shapes().get(i).named(c, e.value(), issuePath, options
                    .get()).isPresent();
            options.ifPresent(o -> out.put(e.key(), o));
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
