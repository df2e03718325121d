package dev.parley.scenario.genius;

import dev.parley.engine.model.Ids;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.genius.Xml.Element;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a GENIUS domain file and its profile files into a {@code parley/1} scenario. Discrete items become options;
 * an integer issue gets one option per value, a real issue {@code steps} evenly spaced ones. An item's value is its
 * evaluation divided by the issue's largest; integer and real issues use their linear evaluator. Every
 * approximation made is returned as a note; every problem found is reported with its file and line. Stateless.
 */
public final class GeniusImport {
    /** The most options an integer issue may have. */
    static final int MAX_OPTIONS = 10_000;

    /**
     * @param parties party ids, one per profile, instead of names taken from the profile files
     * @param steps how many options a real issue becomes
     */
    public record Settings(Optional<List<String>> parties, int steps) {
        public static Settings defaults() {
            return new Settings(Optional.empty(), 11);
        }
    }

    /** The scenario and the notes on what was approximated. Immutable. */
    public record Result(Scenario scenario, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** An issue of the domain, as read. */
    private record DomainIssue(int index, String name, String type, List<String> labels, double[] numbers,
            double lower) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private GeniusImport() {
    }

    public static Result read(Path domain, List<Path> profiles, Settings settings) {
        return new GeniusImport().run(domain, profiles, settings);
    }

    private Result run(Path domainFile, List<Path> profileFiles, Settings settings) {
        if (settings.steps() < 2) {
            throw new IllegalArgumentException("steps must be at least 2");
        }
        if (profileFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one profile file is needed");
        }
        String file = domainFile.toString();
        Element space = utilitySpace(Xml.read(domainFile), file);
        List<DomainIssue> domain = new ArrayList<>();
        for (Element e : issues(space)) {
            domainIssue(e, file, settings.steps()).ifPresent(domain::add);
        }
        if (domain.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(file, space.line(), space.column(), "", "the domain has no issues"));
        }
        checkIndices(domain, file);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems); // profiles cannot be checked against a broken domain
        }
        List<String> partyIds = partyIds(profileFiles, settings);
        var issueList = new ArrayList<Issue>();
        var usedIssueIds = new HashSet<String>();
        for (DomainIssue d : domain) {
            issueList.add(toIssue(d, usedIssueIds));
        }
        var profiles = new LinkedHashMap<String, Profile>();
        var discounts = new ArrayList<Double>();
        for (int p = 0; p < profileFiles.size(); p++) {
            int before = problems.size();
            Optional<Profile> profile = profile(profileFiles.get(p), domain, issueList, partyIds.get(p), discounts);
            if (problems.size() == before && profile.isPresent()) {
                profiles.put(partyIds.get(p), profile.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        var parties = partyIds.stream().map(id -> new Party(id, id, Role.PRINCIPAL, true, List.of())).toList();
        String id = slug(stem(domainFile), "domain");
        OptionalDouble discount = discounts.stream().mapToDouble(Double::doubleValue).min();
        if (discounts.stream().distinct().count() > 1) {
            notes.add("the profiles have different discount factors " + discounts + "; the scenario keeps the "
                    + "smallest, " + discount.getAsDouble());
        }
        var protocol = new ProtocolDefaults(parties.size() == 2 ? "alternating" : "saop", Optional.empty(),
                OptionalInt.empty(), discount.isPresent() && discount.getAsDouble() < 1
                        ? discount
                        : OptionalDouble.empty());
        String title = space.children("objective").stream().findFirst().flatMap(o -> o.attribute("name"))
                .filter(t -> !t.isBlank()).orElse(stem(domainFile));
        Scenario s = Scenario.of(id, title, "Imported from GENIUS: " + domainFile.getFileName() + " with "
                + String.join(", ", profileFiles.stream().map(x -> x.getFileName().toString()).toList()) + ".",
                parties, issueList, profiles, Optional.of(protocol));
        return new Result(s, notes);
    }

    private Element utilitySpace(Element root, String file) {
        if (root.name().equals("utility_space")) {
            return root;
        }
        if (root.name().equals("negotiation_template")) {
            Optional<Element> space = root.child("utility_space");
            if (space.isPresent()) {
                return space.get();
            }
        }
        throw Xml.fail(file, root.line(), root.column(), "not a GENIUS file: the root element is <" + root.name()
                + ">, expected <negotiation_template> or <utility_space>");
    }

    /** The issues under the objective tree, in document order. */
    private static List<Element> issues(Element space) {
        var out = new ArrayList<Element>();
        collect(space, out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        for (Element c : e.children()) {
            if (c.name().equals("issue")) {
                out.add(c);
            } else if (c.name().equals("objective")) {
                collect(c, out);
            }
        }
    }

    private Optional<DomainIssue> domainIssue(Element e, String file, int steps) {
        String name = e.attribute("name").orElse("");
        String where = "issue " + (name.isEmpty() ? "#" + e.attribute("index").orElse("?") : name);
        Optional<Integer> index = integer(e, "index", file, where);
        String type = e.attribute("type").or(() -> e.attribute("etype")).or(() -> e.attribute("vtype")).orElse("")
                .toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            problem(file, e, where, "has no name");
        }
        switch (type) {
            case "discrete" -> {
                List<Element> items = e.children("item");
                if (items.isEmpty()) {
                    problem(file, e, where, "is empty: a discrete issue needs items");
                    return Optional.empty();
                }
                var labels = new ArrayList<String>();
                for (Element item : items) {
                    Optional<String> value = item.attribute("value");
                    if (value.isEmpty() || value.get().isBlank()) {
                        problem(file, item, where, "an item has no value");
                    } else if (labels.contains(value.get())) {
                        problem(file, item, where, "item '" + value.get() + "' appears twice");
                    } else {
                        labels.add(value.get());
                    }
                }
                if (labels.size() == 1) {
                    problem(file, e, where, "has a single item; an issue needs at least 2 options");
                }
                return index.map(i -> new DomainIssue(i, name, type, labels, new double[0], 0));
            }
            case "integer", "real" -> {
                Optional<Double> lower = bound(e, "lowerbound", file, where);
                Optional<Double> upper = bound(e, "upperbound", file, where);
                if (lower.isEmpty() || upper.isEmpty() || index.isEmpty()) {
                    return Optional.empty();
                }
                double lo = lower.get();
                double hi = upper.get();
                if (!(hi > lo)) {
                    problem(file, e, where, "the upper bound " + hi + " is not above the lower bound " + lo);
                    return Optional.empty();
                }
                double[] numbers;
                if (type.equals("integer")) {
                    long count = (long) hi - (long) lo + 1;
                    if (count > MAX_OPTIONS) {
                        problem(file, e, where, "has " + count + " values; at most " + MAX_OPTIONS + " are imported");
                        return Optional.empty();
                    }
                    numbers = new double[(int) count];
                    for (int k = 0; k < count; k++) {
                        numbers[k] = (long) lo + k;
                    }
                } else {
                    numbers = new double[steps];
                    for (int k = 0; k < steps; k++) {
                        numbers[k] = lo + (hi - lo) * k / (steps - 1);
                    }
                    notes.add("real issue " + name + " [" + lo + ", " + hi + "] was discretised into " + steps
                            + " options (--steps)");
                }
                var labels = new ArrayList<String>();
                for (double x : numbers) {
                    labels.add(number(x));
                }
                return Optional.of(new DomainIssue(index.get(), name, type, labels, numbers, lo));
            }
            default -> {
                problem(file, e, where, type.isEmpty()
                        ? "has no type"
                        : "has unknown type '" + type
                                + "' (GENIUS types: discrete, integer, real)");
                return Optional.empty();
            }
        }
    }

    private Optional<Double> bound(Element e, String key, String file, String where) {
        Optional<String> text = e.attribute(key).or(() -> e.child("range").flatMap(r -> r.attribute(key)));
        if (text.isEmpty()) {
            problem(file, e, where, "has no " + key);
            return Optional.empty();
        }
        return parse(text.get(), file, e, where, key);
    }

    private void checkIndices(List<DomainIssue> domain, String file) {
        var seen = new HashSet<Integer>();
        for (DomainIssue d : domain) {
            if (!seen.add(d.index())) {
                problems.add(new Problem(file, 0, 0, "", "two issues have index " + d.index()));
            }
        }
    }

    private List<String> partyIds(List<Path> profileFiles, Settings settings) {
        List<String> ids = settings.parties().orElseGet(() -> profileFiles.stream()
                .map(p -> slug(stem(p), "party")).toList());
        if (ids.size() != profileFiles.size()) {
            throw new IllegalArgumentException(ids.size() + " party names for " + profileFiles.size() + " profiles");
        }
        var out = new ArrayList<String>();
        var used = new HashSet<String>();
        for (String id : ids) {
            if (!Ids.isValid(id)) {
                throw new IllegalArgumentException("'" + id + "' is not a valid party id");
            }
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }

    private static Issue toIssue(DomainIssue d, Set<String> usedIssueIds) {
        String id = unique(slug(d.name(), "issue"), usedIssueIds);
        var used = new HashSet<String>();
        var options = new ArrayList<Option>();
        for (int k = 0; k < d.labels().size(); k++) {
            String label = d.labels().get(k);
            String optionId = d.type().equals("discrete")
                    ? slug(label, "option")
                    : (d.numbers()[k] < 0 ? "minus" + number(-d.numbers()[k]) : number(d.numbers()[k]));
            options.add(new Option(unique(slug(optionId, "option"), used), label));
        }
        return new Issue(id, d.name(), options);
    }

    private Optional<Profile> profile(Path path, List<DomainIssue> domain, List<Issue> issues, String party,
            List<Double> discounts) {
        String file = path.toString();
        Element space = utilitySpace(Xml.read(path), file);
        var byIndex = new LinkedHashMap<Integer, Element>();
        for (Element e : issues(space)) {
            integer(e, "index", file, "issue " + e.attribute("name").orElse("?")).ifPresent(i -> byIndex.put(i, e));
        }
        int n = domain.size();
        double[] weights = new double[n];
        double[][] values = new double[n][];
        Map<Integer, Element> weightElements = new LinkedHashMap<>();
        for (Element w : weightsOf(space)) {
            integer(w, "index", file, "weight").ifPresent(i -> weightElements.put(i, w));
        }
        for (int i = 0; i < n; i++) {
            final int position = i;
            DomainIssue d = domain.get(i);
            String where = "issue " + d.name();
            Element e = byIndex.remove(d.index());
            if (e == null) {
                problems.add(new Problem(file, space.line(), space.column(), "", "the profile has no issue with index "
                        + d.index() + " (" + d.name() + ") of the domain"));
                continue;
            }
            String name = e.attribute("name").orElse("");
            if (!name.equals(d.name())) {
                problem(file, e, where, "is named '" + name + "' in the profile but '" + d.name() + "' in the domain");
                continue;
            }
            values[i] = d.type().equals("discrete")
                    ? discreteValues(e, d, file, where)
                    : linearValues(e, d, file, where, party);
            Element w = weightElements.get(d.index());
            if (w == null) {
                problem(file, e, where,
                        "has no weight (a <weight index=\"" + d.index() + "\" value=\"...\"/> is missing)");
            } else {
                parse(w.attribute("value").orElse(""), file, w, "weight of " + d.name(), "value").ifPresent(x -> {
                    if (x < 0) {
                        problem(file, w, "weight of " + d.name(), "is negative: " + x);
                    }
                    weights[position] = x;
                });
            }
        }
        for (Element extra : byIndex.values()) {
            problem(file, extra, "issue " + extra.attribute("name").orElse("?"), "is not in the domain");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0)) {
            problems.add(new Problem(file, space.line(), space.column(), "", "all weights are 0"));
            return Optional.empty();
        }
        if (Math.abs(sum - 1) > 1e-9) {
            notes.add(party + ": weights summed to " + sum + " and were normalised to 1");
        }
        double rest = 1;
        for (int i = 0; i < n - 1; i++) {
            weights[i] /= sum;
            rest -= weights[i];
        }
        weights[n - 1] = Math.max(0, rest);
        double reservation = optionalNumber(space, "reservation", file).orElse(0.0);
        if (reservation < 0 || reservation > 1) {
            problems.add(new Problem(file, space.line(), space.column(), "", "reservation " + reservation
                    + " is outside [0, 1]"));
            return Optional.empty();
        }
        optionalNumber(space, "discount_factor", file).ifPresent(discounts::add);
        boolean[][] red = new boolean[n][];
        for (int i = 0; i < n; i++) {
            red[i] = new boolean[issues.get(i).size()];
        }
        return Optional.of(Profile.of(issues, weights, values, reservation, red));
    }

    private static List<Element> weightsOf(Element space) {
        var out = new ArrayList<Element>();
        collectWeights(space, out);
        return out;
    }

    private static void collectWeights(Element e, List<Element> out) {
        for (Element c : e.children()) {
            if (c.name().equals("weight")) {
                out.add(c);
            } else if (c.name().equals("objective")) {
                collectWeights(c, out);
            }
        }
    }

    private double[] discreteValues(Element e, DomainIssue d, String file, String where) {
        double[] eval = new double[d.labels().size()];
        boolean[] seen = new boolean[eval.length];
        for (Element item : e.children("item")) {
            String label = item.attribute("value").orElse("");
            int k = d.labels().indexOf(label);
            if (k < 0) {
                problem(file, item, where, "item '" + label + "' is not in the domain");
                continue;
            }
            Optional<Double> x = parse(item.attribute("evaluation").orElse(""), file, item, where + " item " + label,
                    "evaluation");
            if (x.isPresent() && x.get() < 0) {
                problem(file, item, where + " item " + label, "has a negative evaluation: " + number(x.get()));
            }
            eval[k] = x.orElse(0.0);
            seen[k] = true;
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                problem(file, e, where, "has no evaluation for item '" + d.labels().get(k) + "'");
            }
        }
        double max = 0;
        for (double x : eval) {
            max = Math.max(max, x);
        }
        double[] v = new double[eval.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = max > 0 ? eval[k] / max : 0;
        }
        return v;
    }

    /** Integer issues: offset + slope·(x − lower); real issues: the same, or parameter0 + parameter1·x. Clamped to [0, 1]. */
    private double[] linearValues(Element e, DomainIssue d, String file, String where, String party) {
        Optional<Element> evaluator = e.child("evaluator");
        if (evaluator.isEmpty()) {
            problem(file, e, where, "has no <evaluator>");
            return new double[d.numbers().length];
        }
        Element ev = evaluator.get();
        double[] v = new double[d.numbers().length];
        boolean clamped = false;
        boolean absolute = ev.attribute("parameter1").isPresent();
        double slope = parse(ev.attribute(absolute ? "parameter1" : "slope").orElse("0"), file, ev, where,
                "slope").orElse(0.0);
        double offset = parse(ev.attribute(absolute ? "parameter0" : "offset").orElse("0"), file, ev, where,
                "offset").orElse(0.0);
        for (int k = 0; k < v.length; k++) {
            double x = d.numbers()[k];
            double u = offset + slope * (absolute ? x : x - d.lower());
            v[k] = Math.min(1, Math.max(0, u));
            clamped |= v[k] != u;
        }
        if (clamped) {
            notes.add(party + ": evaluations of " + d.name() + " outside [0, 1] were clamped to [0, 1], as GENIUS "
                    + "does");
        }
        return v;
    }

    private Optional<Double> optionalNumber(Element space, String element, String file) {
        Optional<Element> e = space.child(element).or(() -> space.child("objective").flatMap(o -> o.child(element)));
        return e.flatMap(x -> parse(x.attribute("value").orElse(""), file, x, element, "value"));
    }

    private Optional<Integer> integer(Element e, String key, String file, String where) {
        Optional<String> text = e.attribute(key);
        if (text.isEmpty()) {
            problem(file, e, where, "has no " + key);
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get().strip()));
        } catch (NumberFormatException x) {
            problem(file, e, where, key + " '" + text.get() + "' is not a whole number");
            return Optional.empty();
        }
    }

    private Optional<Double> parse(String text, String file, Element e, String where, String key) {
        try {
            double x = Double.parseDouble(text.strip());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return Optional.of(x);
        } catch (NumberFormatException x) {
            problem(file, e, where, text.isBlank() ? "has no " + key : key + " '" + text + "' is not a number");
            return Optional.empty();
        }
    }

    private void problem(String file, Element e, String where, String message) {
        problems.add(new Problem(file, e.line(), Math.max(1, e.column()), where, message));
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** An id from free text: letters, digits, '-', '_', '.'; other runs become '-'. */
    static String slug(String text, String fallback) {
        String s = text.strip().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("-+$", "");
        return s.isEmpty() ? fallback : s;
    }

    private static String unique(String id, Set<String> used) {
        String u = id;
        for (int n = 2; !used.add(u); n++) {
            u = id + "-" + n;
        }
        return u;
    }

    /** 3.0 → "3", 2.5 → "2.5". */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15
                ? Long.toString((long) x)
                : new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros()
                        .toPlainString();
    }
}
