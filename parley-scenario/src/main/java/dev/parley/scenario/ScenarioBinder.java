package dev.parley.scenario;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a {@code parley/1} document tree to a {@link Scenario}, checking every rule of the format and recording
 * each broken one; a scenario is built only when nothing is wrong. Not thread-safe: one instance per file.
 */
final class ScenarioBinder {
    static final String FORMAT = "parley/1";
    private static final List<String> TOP_KEYS = List.of("format", "id", "title", "description", "parties",
            "issues", "profiles", "demands", "protocol");
    private static final List<String> PARTY_KEYS = List.of("id", "name", "role", "ratifies", "capability",
            "representatives",
            "allies");
    private static final List<String> ISSUE_KEYS = List.of("id", "name", "options");
    private static final List<String> OPTION_KEYS = List.of("id", "label");
    static final int MAX_PARTIES = ScenarioReader.MAX_PARTIES;
    static final int MAX_ISSUES = ScenarioReader.MAX_ISSUES;
    static final int MAX_OPTIONS_PER_ISSUE = ScenarioReader.MAX_OPTIONS_PER_ISSUE;
    static final int MAX_OPTIONS = ScenarioReader.MAX_OPTIONS;
    /** The longest deadline a file may set, as the protocols allow. */

    private final Checks c;
    // What was read of the parties and issues, even of those that failed to bind: a reference is checked against
    // them wherever the answer does not depend on what could not be read.
    private final java.util.Set<String> partyIds = new java.util.LinkedHashSet<>();
    private boolean partyIdsKnown = true;
    private final List<Shapes.IssueShape> issueShapes = new ArrayList<>();
    private boolean issueIdsKnown = true;
    private boolean issuesComplete;
    /** Each party's {@code allies} as written, checked once every party has been read (an ally may come later). */
    private final List<AlliesAt> allies = new ArrayList<>();
    /** Each party's capability, where given, by party id. */
    private final Map<String, Double> capabilities = new java.util.LinkedHashMap<>();

    private record AlliesAt(String party, Node node, String path) {
    }

    private ScenarioBinder(Checks checks) {
        this.c = checks;
    }

    static Optional<Scenario> bind(Node root, Checks checks) {
        return new ScenarioBinder(checks).scenario(root);
    }

    private Optional<Scenario> scenario(Node root) {
        if (!(root instanceof MapNode top)) {
            c.add(root, "", "a scenario must be a mapping with keys format, id, parties, issues and profiles, got "
                    + root.kind());
            return Optional.empty();
        }
        if (!format(top)) {
            return Optional.empty(); // another format's rules would only produce noise
        }
        c.onlyKeys(top, "", TOP_KEYS);
        Optional<String> id = c.required(top, "", "id", "the scenario's id, e.g. id: ceasefire-2025")
                .flatMap(n -> c.id(n, "id"));
        Optional<String> title = top.get("title").flatMap(n -> c.string(n, "title"));
        Optional<String> description = top.get("description").flatMap(n -> c.string(n, "description"));
        List<Party> parties = c.required(top, "", "parties", "a list of the parties at the table")
                .map(this::parties).orElseGet(() -> {
                    partyIdsKnown = false;
                    return List.of();
                });
        List<Issue> issues = c.required(top, "", "issues", "a list of the issues on the table")
                .map(this::issues).orElseGet(() -> {
                    issueIdsKnown = false;
                    return List.of();
                });
        var known = new Shapes.Parties(partyIds, partyIdsKnown, parties);
        var shapes = new Shapes.Issues(issueShapes, issueIdsKnown, issuesComplete ? issues : null);
        var uncertainty = new java.util.LinkedHashMap<String, dev.parley.engine.model.Uncertainty>();
        Map<String, Profile> profiles = c.required(top, "", "profiles", "each party's preferences by party id")
                .map(n -> ProfileBinder.profiles(n, known, shapes, c, uncertainty))
                .orElse(Map.of());
        if (issuesComplete && !profiles.isEmpty()) {
            linkedTooFar(c, top.get("profiles").orElseThrow(), "profiles", issues, profiles);
        }
        Map<String, List<dev.parley.engine.model.Demand>> demands = top.get("demands")
                .map(n -> DemandBinder.demands(n, known, shapes, c)).orElse(Map.of());
        var named = new java.util.HashMap<String, List<String>>();
        for (AlliesAt a : allies) {
            named.putIfAbsent(a.party(), DemandBinder.allies(a.node(), a.path(), a.party(), known, c));
        }
        List<Party> allied = parties.stream().map(p -> new Party(p.id(), p.name(), p.role(), p.ratifies(),
                p.representatives(), named.getOrDefault(p.id(), List.of()))).toList();
        Optional<ProtocolDefaults> protocol = top.get("protocol").flatMap(n -> ProtocolBinder.protocol(n, known, c));
        if (!c.problems().isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Scenario.of(id.get(), title.orElse(id.get()), description.orElse(""), allied, issues,
                profiles, protocol, demands).withUncertainty(uncertainty).withCapabilities(capabilities));
    }

    /** Whether the document says it is {@code parley/1}; a missing format is reported but checking goes on. */
    private boolean format(MapNode top) {
        Optional<Node> format = top.get("format");
        if (format.isEmpty()) {
            c.add(top, "format", "missing; the file must start with 'format: " + FORMAT + "'");
            return true;
        }
        Optional<String> value = c.string(format.get(), "format");
        if (value.isPresent() && !value.get().equals(FORMAT)) {
            c.add(format.get(), "format", "'" + value.get() + "' is not supported; this Parley reads " + FORMAT);
            return false;
        }
        return true; // a format that is not a string is reported, and the rest checked as parley/1
    }

    private List<Party> parties(Node node) {
        var out = new ArrayList<Party>();
        Optional<ListNode> list = c.list(node, "parties");
        if (list.isEmpty()) {
            partyIdsKnown = false;
            return out;
        }
        var firstLine = new HashMap<String, Integer>();
        List<Node> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            String path = Checks.index("parties", i);
            party(items.get(i), path, firstLine).ifPresent(out::add);
        }
        if (items.size() > MAX_PARTIES) {
            c.add(node, "parties", items.size() + " parties; at most " + MAX_PARTIES + " are supported");
        }
        if (items.size() < 2) {
            c.add(node, "parties", items.size() + " part" + (items.size() == 1 ? "y" : "ies")
                    + "; a negotiation needs at least 2");
        }
        return out;
    }

    private Optional<Party> party(Node node, String path, Map<String, Integer> firstLine) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            partyIdsKnown = false;
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, PARTY_KEYS);
        Optional<String> read = c.required(m, path, "id", "a short unique id, e.g. UA")
                .flatMap(n -> c.id(n, Checks.join(path, "id")));
        read.ifPresentOrElse(partyIds::add, () -> partyIdsKnown = false);
        read.ifPresent(i -> m.get("allies").ifPresent(n -> allies.add(new AlliesAt(i, n, Checks.join(path,
                "allies")))));
        Optional<String> id = read.filter(i -> !duplicate(m.get("id").orElseThrow(), Checks.join(path, "id"), i,
                "party", firstLine));
        if (read.isPresent() && id.isEmpty()) {
            partyIdsKnown = false; // a repeated id may be a typo for the name a profile uses: that is not checked
        }
        Optional<String> name = m.get("name").flatMap(n -> c.string(n, Checks.join(path, "name")));
        Optional<Role> role = c.required(m, path, "role", "one of " + roles()).flatMap(n -> role(n, path));
        Optional<Boolean> ratifies = m.get("ratifies").flatMap(n -> c.bool(n, Checks.join(path, "ratifies")));
        Optional<Double> capability = m.get("capability").flatMap(n -> capability(n, Checks.join(path,
                "capability")));
        id.ifPresent(i -> capability.ifPresent(x -> capabilities.put(i, x)));
        List<String> representatives = m.get("representatives")
                .flatMap(n -> c.strings(n, Checks.join(path, "representatives"))).orElse(List.of());
        if (role.isPresent() && role.get() == Role.OBSERVER && ratifies.orElse(false)) {
            c.add(m.get("ratifies").orElseThrow(), Checks.join(path, "ratifies"),
                    "an observer cannot ratify; make the party a stakeholder");
        }
        if (id.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Party(id.get(), name.orElse(id.get()), role.get(),
                ratifies.orElse(role.get().ratifiesByDefault()), representatives));
    }

    /** A number of at least 0 (the expected-utility model's power to sway the outcome). */
    private Optional<Double> capability(Node node, String path) {
        if (node instanceof Node.ScalarNode s && s.type() == Node.ScalarType.NUMBER && s.number() >= 0 && !Double
                .isInfinite(s.number())) {
            return Optional.of(s.number());
        }
        c.add(node, path, "must be a number of at least 0 (the party's power to sway the outcome, for the "
                + "expected-utility model), got "
                + (node instanceof Node.ScalarNode s && s.type() == Node.ScalarType.NUMBER
                        ? s.text()
                        : node.kind()));
        return Optional.empty();
    }

    private Optional<Role> role(Node node, String path) {
        String rolePath = Checks.join(path, "role");
        Optional<String> word = c.string(node, rolePath);
        Optional<Role> role = word.flatMap(Role::byId);
        if (word.isPresent() && role.isEmpty()) {
            List<String> all = Arrays.stream(Role.values()).map(Role::id).toList();
            c.add(node, rolePath, "unknown role '" + word.get() + "'" + Checks.suggestion(word.get(), all)
                    + " (one of " + roles() + ")");
        }
        return role;
    }

    private static String roles() {
        return Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "));
    }

    /** Whether {@code id} was seen before, recorded as a problem at its second place. */
    private boolean duplicate(Node node, String path, String id, String what, Map<String, Integer> firstLine) {
        Integer first = firstLine.putIfAbsent(id, node.line());
        if (first != null) {
            c.add(node, path, "duplicate " + what + " id '" + id + "' (first at line " + first + ")");
        }
        return first != null;
    }

    private Optional<String> uniqueId(Node node, String path, String what, Map<String, Integer> firstLine) {
        return c.id(node, path).filter(id -> !duplicate(node, path, id, what, firstLine));
    }

    private List<Issue> issues(Node node) {
        var out = new ArrayList<Issue>();
        Optional<ListNode> list = c.list(node, "issues");
        if (list.isEmpty()) {
            issueIdsKnown = false;
            return out;
        }
        if (list.get().items().isEmpty()) {
            c.add(node, "issues", "no issues; a negotiation needs at least 1");
        }
        var firstLine = new HashMap<String, Integer>();
        List<Node> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            issue(items.get(i), Checks.index("issues", i), firstLine).ifPresent(out::add);
        }
        issuesComplete = out.size() == items.size();
        if (items.size() > MAX_ISSUES) {
            c.add(node, "issues", items.size() + " issues; at most " + MAX_ISSUES + " are supported");
        }
        long options = out.stream().mapToLong(Issue::size).sum();
        if (options > MAX_OPTIONS) {
            c.add(node, "issues", options + " options over all issues; at most " + MAX_OPTIONS + " are supported");
        }
        return out;
    }

    private Optional<Issue> issue(Node node, String path, Map<String, Integer> firstLine) {
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            issueIdsKnown = false;
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, ISSUE_KEYS);
        Optional<String> read = c.required(m, path, "id", "a short unique id, e.g. CF")
                .flatMap(n -> c.id(n, Checks.join(path, "id")));
        Optional<String> id = read.filter(i -> !duplicate(m.get("id").orElseThrow(), Checks.join(path, "id"), i,
                "issue", firstLine));
        Optional<String> name = m.get("name").flatMap(n -> c.string(n, Checks.join(path, "name")));
        var optionIds = new ArrayList<String>();
        Optional<List<Option>> options = c.required(m, path, "options", "the issue's options, in order")
                .flatMap(n -> options(n, Checks.join(path, "options"), optionIds));
        // An option list that is itself wrong (too short, too long) is not checked against: values for it would only
        // echo that problem.
        boolean optionsRead = m.get("options").filter(ListNode.class::isInstance).map(n -> ((ListNode) n).items()
                .size()).filter(k -> k >= 2 && k <= MAX_OPTIONS_PER_ISSUE).isPresent();
        if (read.isEmpty() || id.isEmpty()) {
            issueIdsKnown = false; // unreadable, or repeated (perhaps a typo for a name the profiles use)
        }
        if (id.isPresent()) {
            issueShapes.add(new Shapes.IssueShape(id.get(), optionsRead ? optionIds : null));
        }
        if (id.isEmpty() || options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Issue(id.get(), name.orElse(id.get()), options.get()));
    }

    /** The options, when all bound; {@code ids} gains each option's id, or null where it cannot be used. */
    private Optional<List<Option>> options(Node node, String path, List<String> ids) {
        Optional<ListNode> list = c.list(node, path);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<Node> items = list.get().items();
        if (items.size() < 2) {
            c.add(node, path, items.size() + " option" + (items.size() == 1 ? "" : "s")
                    + "; an issue needs at least 2");
        }
        if (items.size() > MAX_OPTIONS_PER_ISSUE) {
            c.add(node, path, items.size() + " options; an issue may have at most " + MAX_OPTIONS_PER_ISSUE);
        }
        var out = new ArrayList<Option>();
        var firstLine = new HashMap<String, Integer>();
        boolean ok = items.size() >= 2 && items.size() <= MAX_OPTIONS_PER_ISSUE;
        for (int k = 0; k < items.size(); k++) {
            Optional<Option> option = option(items.get(k), Checks.index(path, k), firstLine);
            option.ifPresent(out::add);
            ids.add(option.map(Option::id).orElse(null));
            ok &= option.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** An option: a mapping with id and label, or just its id. */
    private Optional<Option> option(Node node, String path, Map<String, Integer> firstLine) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.STRING) {
            return uniqueId(node, path, "option", firstLine).map(id -> new Option(id, id));
        }
        Optional<MapNode> map = c.map(node, path);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, path, OPTION_KEYS);
        Optional<String> id = c.required(m, path, "id", "a short id unique within the issue")
                .flatMap(n -> uniqueId(n, Checks.join(path, "id"), "option", firstLine));
        Optional<String> label = m.get("label").flatMap(n -> c.string(n, Checks.join(path, "label")));
        return id.map(i -> new Option(i, label.orElse(i)));
    }

    /** Issues linked, across every profile, into more combinations than the exact analysis takes: one problem each. */
    static void linkedTooFar(Checks c, Node at, String path, List<Issue> issues, Map<String, Profile> profiles) {
        var links = new ArrayList<int[]>();
        profiles.values().forEach(p -> links.addAll(p.links()));
        linkedTooFar(c, at, path, issues, links);
    }

    /** Whether {@code links} (issue positions) join issues into too many combinations; each such group reported. */
    static boolean linkedTooFar(Checks c, Node at, String path, List<Issue> issues, List<int[]> links) {
        int[] radix = issues.stream().mapToInt(Issue::size).toArray();
        var groups = dev.parley.engine.model.IssueGroups.of(radix.length, links);
        List<Integer> over = groups.overLimit(radix);
        for (int g : over) {
            c.add(at, path, String.format(java.util.Locale.ROOT, "conditions and interaction terms link issues %s "
                    + "into %,d combinations, more than the %,d the exact analysis takes; link fewer or smaller "
                    + "issues", groups.name(g, issues), groups.options(g, radix),
                    dev.parley.engine.model.IssueGroups.MAX_COMPOUND_OPTIONS));
        }
        return !over.isEmpty();
    }
}
