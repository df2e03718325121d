package dev.parley.scenario.genius;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.scenario.Problem;
import dev.parley.scenario.genius.Xml.Element;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the issues of a GENIUS domain file. Not thread-safe: one per import. */
final class DomainReader extends Reader {
    /** The most options an issue may have: as many as a parley/1 issue, so that what is imported can be written. */
    static final int MAX_OPTIONS = dev.parley.scenario.ScenarioReader.MAX_OPTIONS_PER_ISSUE;
    /** The largest magnitude of an integer or real issue's bounds: every whole number up to it is exact. */
    static final double MAX_BOUND = 1e15;

    /** An issue of the domain, as read. */
    record DomainIssue(int index, String name, String type, List<String> labels, double[] numbers, double lower,
            Element at) {
    }

    DomainReader(Findings findings) {
        super(findings);
    }

    Optional<DomainIssue> domainIssue(Element e, String file, int steps) {
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
                if (items.size() > MAX_OPTIONS) {
                    problem(file, e, where, "has " + items.size() + " items; at most " + MAX_OPTIONS
                            + " are imported (a parley/1 issue may have at most " + MAX_OPTIONS + " options)");
                    return Optional.empty();
                }
                var labels = new ArrayList<String>();
                var seen = new HashSet<String>();
                for (Element item : items) {
                    Optional<String> value = item.attribute("value");
                    if (value.isEmpty() || value.get().isBlank()) {
                        problem(file, item, where, "an item has no value");
                    } else if (!seen.add(value.get())) {
                        problem(file, item, where, "item '" + value.get() + "' appears twice");
                    } else {
                        labels.add(value.get());
                    }
                }
                if (labels.size() == 1) {
                    problem(file, e, where, "has a single item; an issue needs at least 2 options");
                }
                return index.map(i -> new DomainIssue(i, name, type, labels, new double[0], 0, e));
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
                if (Math.abs(lo) > MAX_BOUND || Math.abs(hi) > MAX_BOUND) {
                    // Bounds past this lose their whole numbers in a double, and their width overflows.
                    problem(file, e, where,
                            "bounds must lie within ±1e15, not " + lo + " to " + hi);
                    return Optional.empty();
                }
                double[] numbers;
                if (type.equals("integer")) {
                    double width = Math.floor(hi) - Math.ceil(lo) + 1; // exact: both within 2^53
                    if (width > MAX_OPTIONS) {
                        problem(file, e, where, "has " + Findings.number(width) + " values; at most " + MAX_OPTIONS
                                + " are imported");
                        return Optional.empty();
                    }
                    long count = (long) hi - (long) lo + 1;
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
                    labels.add(Findings.number(x));
                }
                return Optional.of(new DomainIssue(index.get(), name, type, labels, numbers, lo, e));
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

    void checkIndices(List<DomainIssue> domain, String file) {
        var seen = new HashSet<Integer>();
        for (DomainIssue d : domain) {
            if (!seen.add(d.index())) {
                problem(file, d.at(), "issue " + d.name(), "has index " + d.index() + ", as an issue before it "
                        + "has");
            }
        }
    }

    static Issue toIssue(DomainIssue d, Findings.UniqueIds usedIssueIds) {
        String id = usedIssueIds.of(Findings.slug(d.name(), "issue"));
        var used = new Findings.UniqueIds();
        var options = new ArrayList<Option>();
        for (int k = 0; k < d.labels().size(); k++) {
            String label = d.labels().get(k);
            String optionId = d.type().equals("discrete")
                    ? Findings.slug(label, "option")
                    : (d.numbers()[k] < 0
                            ? "minus" + Findings.number(-d.numbers()[k])
                            : Findings.number(d.numbers()[k]));
            options.add(new Option(used.of(Findings.slug(optionId, "option")), label));
        }
        return new Issue(id, d.name(), options);
    }
}
