package dev.parley.engine.model;

import java.util.Arrays;
import java.util.List;

/**
 * A party's private preferences over a list of issues: u(x) = Σ_i w_i · v_i(x_i) + Σ interaction terms that
 * hold in x, with weights summing to 1, every weight and value in [0, 1], the utility within [0, 1] over every
 * package, a reservation value in [0, 1], red lines (options never accepted) and hard conditions (red lines over a
 * combination of two issues). Issues and options are addressed by position; {@code UtilityTable.of} compiles it for hot loops. Immutable and thread-safe: it owns private copies of
 * its arrays.
 */
public final class Profile {
    /** How far the weights may sum from 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private final double[] weights;
    private final double[][] values;
    private final double reservation;
    private final boolean[][] redLines;
    private final List<Condition> conditions;
    private final List<Interaction> interactions;

    private Profile(double[] weights, double[][] values, double reservation, boolean[][] redLines,
            List<Condition> conditions, List<Interaction> interactions) {
        this.weights = weights;
        this.values = values;
        this.reservation = reservation;
        this.redLines = redLines;
        this.conditions = List.copyOf(conditions);
        this.interactions = List.copyOf(interactions);
    }

    /**
     * A validated profile over {@code issues}.
     *
     * @param weights one per issue
     * @param values per issue, one per option
     * @param redLines per issue, one per option: true where the option is a red line
     * @throws IllegalArgumentException when a shape or a number breaks the rules above
     */
    public static Profile of(List<Issue> issues, double[] weights, double[][] values, double reservation,
            boolean[][] redLines) {
        int n = issues.size();
        if (weights.length != n || values.length != n || redLines.length != n) {
            throw new IllegalArgumentException("expected " + n + " issues in weights, values and red lines");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            requireUnit(weights[i], "weight of issue " + issues.get(i).id());
            sum += weights[i];
            int k = issues.get(i).size();
            if (values[i].length != k || redLines[i].length != k) {
                throw new IllegalArgumentException("issue " + issues.get(i).id() + " has " + k + " options");
            }
            for (double v : values[i]) {
                requireUnit(v, "value on issue " + issues.get(i).id());
            }
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("weights sum to " + sum + ", not 1");
        }
        requireUnit(reservation, "reservation");
        double[][] v = new double[n][];
        boolean[][] r = new boolean[n][];
        for (int i = 0; i < n; i++) {
            v[i] = values[i].clone();
            r[i] = redLines[i].clone();
        }
        return new Profile(weights.clone(), v, reservation, r, List.of(), List.of());
    }

    /**
     * This profile with hard conditions (red lines over combinations).
     *
     * @throws IllegalArgumentException when a condition names an issue or option the profile does not have, or when
     *     conditions and terms link issues into more than {@link IssueGroups#MAX_COMPOUND_OPTIONS} combinations
     */
    public Profile withConditions(List<Condition> hard) {
        for (Condition c : hard) {
            if (c.ifIssue() < 0 || c.ifIssue() >= values.length || c.thenIssue() < 0 || c.thenIssue() >= values.length
                    || c.ifOptions().length != values[c.ifIssue()].length || c.thenOptions().length != values[c
                            .thenIssue()].length) {
                throw new IllegalArgumentException("a condition over issues or options this profile does not have");
            }
        }
        Profile p = new Profile(weights, values, reservation, redLines, hard, interactions);
        p.requireAnalysable();
        return p;
    }

    /** Refuses links (conditions and terms together) that make a group of more than the exact analysis takes. */
    private void requireAnalysable() {
        int[] radix = new int[values.length];
        for (int i = 0; i < radix.length; i++) {
            radix[i] = values[i].length;
        }
        IssueGroups groups = IssueGroups.of(values.length, links());
        for (int g : groups.overLimit(radix).stream().limit(1).toList()) { // the first group over the limit
            throw new IllegalArgumentException("conditions and interaction terms link issues at positions "
                    + java.util.Arrays.toString(groups.members(g)) + " into " + groups.options(g, radix)
                    + " combinations, more than " + IssueGroups.MAX_COMPOUND_OPTIONS);
        }
    }

    /**
     * This profile with soft interaction terms. The utility must stay within [0, 1] over every package; that is
     * checked exactly, group of linked issues by group (their packages enumerated, at most
     * {@link IssueGroups#MAX_COMPOUND_OPTIONS} each).
     *
     * @throws IllegalArgumentException when a term names an issue or option the profile does not have, when terms
     *     link issues with too many packages between them, or when some package's utility leaves [0, 1]
     */
    public Profile withInteractions(List<Interaction> terms) {
        for (Interaction t : terms) {
            for (int j = 0; j < t.size(); j++) {
                if (t.issue(j) >= values.length || t.options()[j].length != values[t.issue(j)].length) {
                    throw new IllegalArgumentException("an interaction over issues or options this profile does not "
                            + "have");
                }
            }
        }
        Profile p = new Profile(weights, values, reservation, redLines, conditions, terms);
        p.requireAnalysable();
        p.requireUnitRange();
        return p;
    }

    /** The soft interaction terms, in the order given. */
    public List<Interaction> interactions() {
        return interactions;
    }

    /** The issues (positions) each condition and each interaction term links, conditions first. */
    public List<int[]> links() {
        var out = new java.util.ArrayList<int[]>();
        for (Condition c : conditions) {
            out.add(new int[]{c.ifIssue(), c.thenIssue()});
        }
        for (Interaction t : interactions) {
            out.add(t.issues());
        }
        return out;
    }

    /** u(x) = Σ_i w_i · v_i(x_i) + the value of every interaction term the package takes. */
    public double utility(int[] choice) {
        double u = 0;
        for (int i = 0; i < choice.length; i++) {
            u += weights[i] * values[i][choice[i]];
        }
        for (Interaction t : interactions) {
            u += t.holds(choice) ? t.value() : 0;
        }
        return u;
    }

    /** The least and the most utility over every package, exactly, red lines and conditions ignored. */
    public double[] range() {
        List<int[]> terms = interactions.stream().map(Interaction::issues).toList();
        IssueGroups groups = IssueGroups.of(values.length, terms);
        int[] radix = new int[values.length];
        for (int i = 0; i < radix.length; i++) {
            radix[i] = values[i].length;
        }
        double lo = 0;
        double hi = 0;
        int[] choice = new int[values.length];
        for (int g = 0; g < groups.count(); g++) {
            long n = groups.options(g, radix); // at most MAX_COMPOUND_OPTIONS: checked when the terms were added
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (long x = 0; x < n; x++) {
                groups.decode(g, x, radix, choice);
                double u = 0;
                for (int j = 0; j < groups.size(g); j++) {
                    int i = groups.member(g, j);
                    u += weights[i] * values[i][choice[i]];
                }
                for (Interaction t : interactions) {
                    if (groups.groupOf(t.issue(0)) == g && t.holds(choice)) {
                        u += t.value();
                    }
                }
                min = Math.min(min, u);
                max = Math.max(max, u);
            }
            lo += min;
            hi += max;
        }
        return new double[]{lo, hi};
    }

    private void requireUnitRange() {
        double[] r = range();
        if (r[0] < -WEIGHT_SUM_TOLERANCE || r[1] > 1 + WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("with its interaction terms the utility ranges over [" + r[0] + ", "
                    + r[1] + "], not within [0, 1]");
        }
    }

    /** This profile with another reservation value, in [0, 1]. */
    public Profile withReservation(double r) {
        requireUnit(r, "reservation");
        return new Profile(weights, values, r, redLines, conditions, interactions);
    }

    /** The hard conditions, in the order given. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** Whether the package breaks none of the party's red lines and none of its conditions. */
    public boolean accepts(int[] choice) {
        for (int i = 0; i < choice.length; i++) {
            if (redLines[i][choice[i]]) {
                return false;
            }
        }
        for (Condition c : conditions) {
            if (c.brokenBy(choice)) {
                return false;
            }
        }
        return true;
    }

    private static void requireUnit(double x, String what) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException(what + " is " + x + ", outside [0, 1]");
        }
    }

    public int issueCount() {
        return weights.length;
    }

    /** How many options issue {@code issue} has in this profile. */
    public int optionCount(int issue) {
        return values[issue].length;
    }

    public double weight(int issue) {
        return weights[issue];
    }

    public double value(int issue, int option) {
        return values[issue][option];
    }

    public double reservation() {
        return reservation;
    }

    public boolean isRedLine(int issue, int option) {
        return redLines[issue][option];
    }

    /** Whether any option of any issue is a red line. */
    public boolean hasRedLines() {
        for (boolean[] issue : redLines) {
            for (boolean r : issue) {
                if (r) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p
                && reservation == p.reservation
                && Arrays.equals(weights, p.weights)
                && Arrays.deepEquals(values, p.values)
                && Arrays.deepEquals(redLines, p.redLines)
                && conditions.equals(p.conditions)
                && interactions.equals(p.interactions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.deepHashCode(values)) + Double.hashCode(reservation);
    }

    @Override
    public String toString() {
        return "Profile[weights=" + Arrays.toString(weights) + ", reservation=" + reservation + "]";
    }
}
