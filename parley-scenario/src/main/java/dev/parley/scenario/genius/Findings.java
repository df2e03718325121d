package dev.parley.scenario.genius;

import dev.parley.scenario.Problem;
import dev.parley.scenario.genius.Xml.Element;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an import finds as it reads: the problems (each with file and line) and the notes on approximations, and the
 * helpers that read numbers and elements while recording problems. Not thread-safe: one per import.
 */
final class Findings {
    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Element utilitySpace(Element root, String file) {
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
    static List<Element> issues(Element space) {
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

    Optional<Integer> integer(Element e, String key, String file, String where) {
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

    Optional<Double> parse(String text, String file, Element e, String where, String key) {
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

    void problem(String file, Element e, String where, String message) {
        problems.add(new Problem(file, e.line(), Math.max(1, e.column()), where, message));
    }

    /** An id from free text: letters, digits, '-', '_', '.'; other runs become '-'. */
    static String slug(String text, String fallback) {
        String s = text.strip().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("-+$", "");
        return s.isEmpty() ? fallback : s;
    }

    /**
     * Ids made unique by a suffix ({@code id}, {@code id-2}, {@code id-3}...); each base id remembers its next
     * suffix, so that thousands of texts with the same slug take linear time, not quadratic.
     */
    static final class UniqueIds {
        private final Set<String> used = new java.util.HashSet<>();
        private final java.util.Map<String, Integer> next = new java.util.HashMap<>();

        String of(String id) {
            String u = id;
            for (int n = next.getOrDefault(id, 2); !used.add(u); n++) {
                u = id + "-" + n;
                next.put(id, n + 1);
            }
            return u;
        }
    }

    /** 3.0 → "3", 2.5 → "2.5". */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15
                ? Long.toString((long) x)
                : new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros()
                        .toPlainString();
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
