package dev.parley.scenario;

import dev.parley.engine.model.Ids;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Type and shape checks over a {@link Node} tree that record a {@link Problem} for each failure and keep going, so
 * one pass finds everything. Not thread-safe: one instance per file.
 */
final class Checks {
    private final String file;
    private final List<Problem> problems;

    Checks(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    List<Problem> problems() {
        return problems;
    }

    void add(Node at, String path, String message) {
        if (at instanceof Node.ScalarNode s && s.type() == ScalarType.REFUSED) {
            return; // the reader has said what is wrong with it
        }
        problems.add(new Problem(file, at.line(), at.column(), path, message));
    }

    void add(Entry at, String path, String message) {
        problems.add(new Problem(file, at.line(), at.column(), path, message));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    Optional<MapNode> map(Node node, String path) {
        if (node instanceof MapNode m) {
            return Optional.of(m);
        }
        add(node, path, "must be a mapping of keys to values, got " + node.kind());
        return Optional.empty();
    }

    Optional<ListNode> list(Node node, String path) {
        if (node instanceof ListNode l) {
            return Optional.of(l);
        }
        add(node, path, "must be a list, got " + node.kind());
        return Optional.empty();
    }

    /** Records every key of {@code map} that is not {@code allowed}, suggesting the nearest allowed key. */
    void onlyKeys(MapNode map, String path, List<String> allowed) {
        for (Entry e : map.entries()) {
            if (!allowed.contains(e.key())) {
                add(e, join(path, e.key()), "unknown key" + suggestion(e.key(), allowed)
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The value under {@code key}, or a "missing" problem at the map. */
    Optional<Node> required(MapNode map, String path, String key, String what) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty() && !map.merged()) { // a refused merge key may have been meant to supply it
            add(map, join(path, key), "missing; " + what);
        }
        return value;
    }

    Optional<String> string(Node node, String path) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.STRING) {
            return Optional.of(s.text());
        }
        add(node, path, "must be a string, got " + node.kind());
        return Optional.empty();
    }

    /** A string that is a valid id ({@link Ids#PATTERN}). */
    Optional<String> id(Node node, String path) {
        Optional<String> s = string(node, path);
        if (s.isPresent() && !Ids.isValid(s.get())) {
            add(node, path, "'" + s.get() + "' is not a valid id (letters, digits, '_', '.', '-'; "
                    + "starting with a letter or digit)");
            return Optional.empty();
        }
        return s;
    }

    Optional<Boolean> bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(s.text()));
        }
        add(node, path, "must be true or false, got " + node.kind());
        return Optional.empty();
    }

    /** A number in [0, 1]. */
    Optional<Double> unit(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.type() != ScalarType.NUMBER) {
            add(node, path, "must be a number in [0, 1], got " + node.kind());
            return Optional.empty();
        }
        if (!(s.number() >= 0 && s.number() <= 1)) {
            add(node, path, s.text() + " is outside [0, 1]");
            return Optional.empty();
        }
        return Optional.of(s.number());
    }

    /** A whole number of at least 1. */
    Optional<Integer> positiveInt(Node node, String path) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.NUMBER) {
            double d = s.number();
            if (d == Math.rint(d) && d >= 1 && d <= Integer.MAX_VALUE) {
                return Optional.of((int) d);
            }
            add(node, path, s.text() + " is not a whole number of at least 1");
            return Optional.empty();
        }
        add(node, path, "must be a whole number of at least 1, got " + node.kind());
        return Optional.empty();
    }

    /** A whole number from {@code min} to {@code max}, exactly representable (within ±2^53). */
    Optional<Long> whole(Node node, String path, long min, long max) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.NUMBER && s.number() == Math.rint(s
                .number())) {
            double d = s.number();
            if (Math.abs(d) >= 9.007199254740992E15) {
                add(node, path, s.text() + " is too large to be read exactly; keep it within ±2^53");
                return Optional.empty();
            }
            if (d >= min && d <= max) {
                return Optional.of((long) d);
            }
            add(node, path, s.text() + " is outside " + min + " to " + max);
            return Optional.empty();
        }
        add(node, path, "must be a whole number from " + min + " to " + max + ", got " + node.kind());
        return Optional.empty();
    }

    /** A list of strings; a single string counts as a list of one. */
    Optional<List<String>> strings(Node node, String path) {
        if (node instanceof ScalarNode s && s.type() == ScalarType.STRING) {
            return Optional.of(List.of(s.text()));
        }
        Optional<ListNode> list = list(node, path);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        var out = new ArrayList<String>();
        boolean ok = true;
        List<Node> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            Optional<String> s = string(items.get(i), index(path, i));
            s.ifPresent(out::add);
            ok &= s.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** A number as a person would write it: at most 9 significant digits, no trailing zeros. */
    static String decimal(double x) {
        return new BigDecimal(x).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /** {@code " (did you mean 'x'?)"} when an allowed word is within two edits, else "". */
    static String suggestion(String word, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
