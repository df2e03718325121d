package dev.parley.engine.model;

import java.util.Arrays;

/**
 * A hard condition of a party, private like the rest of its profile: a red line over a combination. "Options
 * {@code ifOptions} on issue {@code ifIssue} only together with options {@code thenOptions} on issue
 * {@code thenIssue}": a package that takes one of the first without one of the second breaks it. Immutable (the arrays
 * are copied in and never given out).
 *
 * @param ifIssue the issue whose options carry the condition, by position
 * @param thenIssue the issue that must then take one of {@code thenOptions}; another issue than {@code ifIssue}
 */
public record Condition(int ifIssue, boolean[] ifOptions, int thenIssue, boolean[] thenOptions) {
    public Condition {
        if (ifIssue == thenIssue) {
            throw new IllegalArgumentException("a condition links two different issues");
        }
        ifOptions = ifOptions.clone();
        thenOptions = thenOptions.clone();
        if (!any(ifOptions) || !any(thenOptions)) {
            throw new IllegalArgumentException("a condition needs an option on each side");
        }
    }

    /** Whether the package (one option index per issue) breaks the condition. */
    public boolean brokenBy(int[] choice) {
        return ifOptions[choice[ifIssue]] && !thenOptions[choice[thenIssue]];
    }

    /** Whether option {@code option} of the condition's first issue carries it. */
    public boolean ifOption(int option) {
        return ifOptions[option];
    }

    /** Whether option {@code option} of the condition's second issue satisfies it. */
    public boolean thenOption(int option) {
        return thenOptions[option];
    }

    /** In words over {@code issues}, e.g. "CF=full-30d only with AID=all-paused|permanent-halt". */
    public String describe(java.util.List<Issue> issues) {
        return side(issues.get(ifIssue), ifOptions) + " only with " + side(issues.get(thenIssue), thenOptions);
    }

    private static String side(Issue issue, boolean[] options) {
        var named = new java.util.StringJoiner("|", issue.id() + "=", "");
        for (int k = 0; k < options.length; k++) {
            if (options[k]) {
                named.add(issue.option(k).id());
            }
        }
        return named.toString();
    }

    @Override
    public boolean[] ifOptions() {
        return ifOptions.clone();
    }

    @Override
    public boolean[] thenOptions() {
        return thenOptions.clone();
    }

    /** The number of options each side's issue has (the length of its flags). */
    int ifSize() {
        return ifOptions.length;
    }

    int thenSize() {
        return thenOptions.length;
    }

    static boolean any(boolean[] a) {
        for (boolean x : a) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && ifIssue == c.ifIssue && thenIssue == c.thenIssue && Arrays.equals(ifOptions,
                c.ifOptions) && Arrays.equals(thenOptions, c.thenOptions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * ifIssue + thenIssue) + Arrays.hashCode(ifOptions)) + Arrays.hashCode(thenOptions);
    }

    @Override
    public String toString() {
        return "Condition[" + ifIssue + Arrays.toString(ifOptions) + " only with " + thenIssue + Arrays.toString(
                thenOptions) + "]";
    }
}
