package dev.parley.scenario.genius;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Profile;
import dev.parley.scenario.Problem;
import dev.parley.scenario.genius.Xml.Element;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.parley.scenario.genius.DomainReader.DomainIssue;

/** Reads one GENIUS profile file against the domain already read. Not thread-safe: one per import. */
final class ProfileReader extends Reader {
    ProfileReader(Findings findings) {
        super(findings);
    }

    Optional<Profile> profile(Path path, List<DomainIssue> domain, List<Issue> issues, String party,
            List<Double> discounts) {
        String file = path.toString();
        Element space = f.utilitySpace(Xml.read(path), file);
        var byIndex = new LinkedHashMap<Integer, Element>();
        for (Element e : Findings.issues(space)) {
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
        var position = new java.util.HashMap<String, Integer>();
        for (int k = 0; k < eval.length; k++) {
            position.put(d.labels().get(k), k);
        }
        for (Element item : e.children("item")) {
            String label = item.attribute("value").orElse("");
            int k = position.getOrDefault(label, -1);
            if (k < 0) {
                problem(file, item, where, "item '" + label + "' is not in the domain");
                continue;
            }
            Optional<Double> x = parse(item.attribute("evaluation").orElse(""), file, item, where + " item " + label,
                    "evaluation");
            if (x.isPresent() && x.get() < 0) {
                problem(file, item, where + " item " + label, "has a negative evaluation: " + Findings.number(x.get()));
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
}
