package dev.parley.engine.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One option per issue, as a value at API boundaries (hot loops use {@code int[]} and indices instead). Also
 * called a package when proposed as a deal. Immutable: it owns a private copy of its positions.
 */
public final class Outcome implements Comparable<Outcome> {
    private final int[] choice;
    /** This outcome as an optional, made at its first use (a benign race, as a string's hash). */
    private java.util.Optional<Outcome> optional;

    private Outcome(int[] choice) {
        this.choice = choice;
    }

    /** The outcome taking option {@code choice[i]} on issue {@code i}. */
    public static Outcome of(int... choice) {
        for (int k : choice) {
            if (k < 0) {
                throw new IllegalArgumentException("negative option position in " + Arrays.toString(choice));
            }
        }
        return new Outcome(choice.clone());
    }

    /**
     * Reads a package written as {@code ISSUE=OPTION,...} with ids, one entry per issue in any order.
     *
     * @throws IllegalArgumentException naming every unknown issue or option, every issue given twice and every
     *         issue left out
     */
    public static Outcome parse(List<Issue> issues, String text) {
        var entries = new java.util.ArrayList<Map.Entry<String, String>>();
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            // A malformed entry keeps its place, so that problems are named in the order they were written.
            entries.add(eq < 0
                    ? new java.util.AbstractMap.SimpleImmutableEntry<>(null, entry)
                    : Map.entry(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()));
        }
        return of(issues, entries, new java.util.ArrayList<>());
    }

    /**
     * The package of issue id → option id entries, one per issue in any order (a JSON object, a parsed string).
     *
     * @throws IllegalArgumentException naming every unknown issue or option, every issue given twice and every
     *         issue left out
     */
    public static Outcome of(List<Issue> issues, List<Map.Entry<String, String>> entries) {
        return of(issues, entries, new java.util.ArrayList<>());
    }

    private static Outcome of(List<Issue> issues, List<Map.Entry<String, String>> entries, List<String> problems) {
        int[] choice = new int[issues.size()];
        Arrays.fill(choice, -1);
        boolean[] named = new boolean[issues.size()];
        for (Map.Entry<String, String> entry : entries) {
            String issueId = entry.getKey();
            String optionId = entry.getValue();
            if (issueId == null) {
                problems.add("'" + optionId + "' is not ISSUE=OPTION");
                continue;
            }
            int i = indexOf(issues, issueId);
            if (i < 0) {
                problems.add("no issue '" + issueId + "' (issues: " + String.join(", ", issues.stream()
                        .map(Issue::id).toList()) + ")");
                continue;
            }
            int k = issues.get(i).indexOf(optionId);
            named[i] = true;
            if (k < 0) {
                problems.add("no option '" + optionId + "' in issue " + issueId + " (options: " + String.join(", ",
                        issues.get(i).options().stream().map(Option::id).toList()) + ")");
            } else if (choice[i] >= 0) {
                problems.add("issue " + issueId + " is given twice");
            } else {
                choice[i] = k;
            }
        }
        var missing = new java.util.ArrayList<String>();
        for (int i = 0; i < choice.length; i++) {
            if (!named[i]) {
                missing.add(issues.get(i).id());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("no option given for " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Outcome(choice);
    }

    private static int indexOf(List<Issue> issues, String id) {
        return Issue.indexIn(issues, id);
    }

    public int issueCount() {
        return choice.length;
    }

    /** The position of the option taken on issue {@code issue}. */
    public int option(int issue) {
        return choice[issue];
    }

    /**
     * This outcome as a present optional, the same one each time: a protocol's state holds the package on the table
     * as one, and long talks table the same packages again and again.
     */
    public java.util.Optional<Outcome> optional() {
        java.util.Optional<Outcome> o = optional;
        if (o == null) {
            o = java.util.Optional.of(this);
            optional = o;
        }
        return o;
    }

    /** Whether this outcome takes exactly these positions, one per issue. */
    public boolean is(int... positions) {
        return Arrays.equals(choice, positions);
    }

    /** A copy of the option positions. */
    public int[] toArray() {
        return choice.clone();
    }

    /** Issue id → option id, in issue order. */
    public Map<String, String> toMap(List<Issue> issues) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < choice.length; i++) {
            m.put(issues.get(i).id(), issues.get(i).option(choice[i]).id());
        }
        return m;
    }

    /** {@code CF=full-30d,KU=surrender,...}: the form {@code --package} takes. */
    public String format(List<Issue> issues) {
        var s = new StringBuilder();
        for (int i = 0; i < choice.length; i++) {
            s.append(i == 0 ? "" : ",").append(issues.get(i).id()).append('=')
                    .append(issues.get(i).option(choice[i]).id());
        }
        return s.toString();
    }

    /** Index order: lexicographic in issue order, as {@link OutcomeSpace} numbers outcomes. */
    @Override
    public int compareTo(Outcome o) {
        return Arrays.compare(choice, o.choice);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && Arrays.equals(choice, other.choice);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(choice);
    }

    @Override
    public String toString() {
        return "Outcome" + Arrays.toString(choice);
    }
}
