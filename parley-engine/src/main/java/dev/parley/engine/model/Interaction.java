package dev.parley.engine.model;

import java.util.Arrays;

/**
 * A soft interaction term of a party, private like the rest of its profile: {@code value} is added to the utility
 * of every package that takes, on each issue {@code issues[j]}, one of the options {@code options[j]} (a combination
 * worth more, or less, than the sum of its parts). Immutable (the arrays are copied in and never given out).
 *
 * @param issues two or more different issues, by position, ascending
 * @param options per issue named, one flag per option of that issue
 * @param value what the combination adds (negative: takes away); within [-1, 1]
 */
public record Interaction(int[] issues, boolean[][] options, double value) {
    public Interaction {
        issues = issues.clone();
        if (issues.length < 2 || issues.length != options.length || issues[0] < 0) {
            throw new IllegalArgumentException("an interaction names two or more issues, each with its options");
        }
        for (int j = 1; j < issues.length; j++) {
            if (issues[j] <= issues[j - 1]) {
                throw new IllegalArgumentException("an interaction's issues are different and ascending");
            }
        }
        boolean[][] copy = new boolean[options.length][];
        for (int j = 0; j < options.length; j++) {
            copy[j] = options[j].clone();
            if (!Condition.any(copy[j])) {
                throw new IllegalArgumentException("an interaction names at least one option on each issue");
            }
        }
        options = copy;
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("an interaction's value is " + value + ", outside [-1, 1]");
        }
    }

    /** Whether the package (one option index per issue) takes the combination. */
    public boolean holds(int[] choice) {
        for (int j = 0; j < issues.length; j++) {
            if (!options[j][choice[issues[j]]]) {
                return false;
            }
        }
        return true;
    }

    /** How many issues the combination names. */
    public int size() {
        return issues.length;
    }

    /** The position of the {@code j}-th issue named. */
    public int issue(int j) {
        return issues[j];
    }

    /** Whether option {@code option} of the {@code j}-th issue named is part of the combination. */
    public boolean option(int j, int option) {
        return options[j][option];
    }

    /** In words over {@code issues}, e.g. "+0.05 when NATO=neutrality and SG=binding-us-europe|europe-with-us-backstop". */
    public String describe(java.util.List<Issue> all) {
        var when = new java.util.StringJoiner(" and ");
        for (int j = 0; j < issues.length; j++) {
            Issue issue = all.get(issues[j]);
            var named = new java.util.StringJoiner("|", issue.id() + "=", "");
            for (int k = 0; k < options[j].length; k++) {
                if (options[j][k]) {
                    named.add(issue.option(k).id());
                }
            }
            when.add(named.toString());
        }
        return (value >= 0 ? "+" : "") + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                + " when " + when;
    }

    @Override
    public int[] issues() {
        return issues.clone();
    }

    @Override
    public boolean[][] options() {
        boolean[][] copy = new boolean[options.length][];
        for (int j = 0; j < options.length; j++) {
            copy[j] = options[j].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interaction t && Double.compare(value, t.value) == 0 && Arrays.equals(issues, t.issues)
                && Arrays.deepEquals(options, t.options);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(issues) + Arrays.deepHashCode(options)) + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "Interaction[" + Arrays.toString(issues) + " adds " + value + "]";
    }
}
