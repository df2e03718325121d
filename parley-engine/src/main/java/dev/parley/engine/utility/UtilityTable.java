package dev.parley.engine.utility;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.IssueGroups;
import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Profile;

/**
 * A profile compiled for hot loops: one flat {@code double[]} holding w_i · v_i(k) for every issue i and option k,
 * and a parallel {@code boolean[]} of red lines, beside the profile's interaction terms and hard conditions.
 * Evaluating an outcome sums one cell per issue (and the terms that hold, when there are any) and allocates
 * nothing (but {@link #utility(long)} with interaction terms, which decodes the index into an array). Immutable and thread-safe.
 */
public final class UtilityTable {
    private final int[] offsets;
    private final int[] radices;
    private final long[] strides;
    private final double[] cells;
    private final boolean[] redLines;
    private final double reservation;
    private final double best;
    private final double worst;
    private final Profile profile;
    private final Interaction[] interactions;
    private final Condition[] conditions;
    /** The best package, worked out on first use (group by group when linked); a benign race. */
    private volatile int[] bestPackage;
    /** Its utility, NaN until worked out; a benign race. */
    private volatile double bestPackageUtility = Double.NaN;
    /** Per issue, {@link #bestOption}: asked every move by agents that bid. */
    private final int[] bestOptions;

    private UtilityTable(OutcomeSpace space, Profile profile) {
        int n = profile.issueCount();
        this.offsets = new int[n];
        this.radices = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = total;
            radices[i] = space.radix(i);
            total += radices[i];
        }
        this.strides = space.isIndexable() ? space.strides() : null;
        this.cells = new double[total];
        this.redLines = new boolean[total];
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < radices[i]; k++) {
                double c = profile.weight(i) * profile.value(i, k);
                cells[offsets[i] + k] = c;
                redLines[offsets[i] + k] = profile.isRedLine(i, k);
                max = Math.max(max, c);
                min = Math.min(min, c);
            }
            hi += max;
            lo += min;
        }
        this.reservation = profile.reservation();
        this.profile = profile;
        this.interactions = profile.interactions().toArray(new Interaction[0]);
        this.conditions = profile.conditions().toArray(new Condition[0]);
        double[] range = interactions.length == 0 ? new double[]{lo, hi} : profile.range();
        this.best = range[1];
        this.worst = range[0];
        this.bestOptions = new int[n];
        for (int i = 0; i < n; i++) {
            int b = -1;
            for (int k = 0; k < radices[i]; k++) {
                if (!isRedLine(i, k) && (b < 0 || contribution(i, k) > contribution(i, b))) {
                    b = k;
                }
            }
            bestOptions[i] = b < 0 ? 0 : b;
        }
    }

    /** Compiles {@code profile} for evaluation over {@code space}, whose issues it must have been made for. */
    public static UtilityTable of(OutcomeSpace space, Profile profile) {
        if (space.issueCount() != profile.issueCount()) {
            throw new IllegalArgumentException("the space has " + space.issueCount() + " issues, the profile "
                    + profile.issueCount());
        }
        for (int i = 0; i < space.issueCount(); i++) {
            if (space.radix(i) != profile.optionCount(i)) {
                throw new IllegalArgumentException("issue " + i + " has " + space.radix(i) + " options in the space, "
                        + profile.optionCount(i) + " in the profile");
            }
        }
        return new UtilityTable(space, profile);
    }

    public int issueCount() {
        return offsets.length;
    }

    public int radix(int issue) {
        return radices[issue];
    }

    /** The utility of {@code outcome}, read in place. */
    public double utility(dev.parley.engine.model.Outcome outcome) {
        double u = 0;
        for (int i = 0; i < offsets.length; i++) {
            u += cells[offsets[i] + outcome.option(i)];
        }
        if (interactions.length > 0) {
            int[] choice = outcome.toArray();
            for (Interaction t : interactions) {
                u += t.holds(choice) ? t.value() : 0;
            }
        }
        return u;
    }

    /** The utility of the outcome taking option {@code choice[i]} on issue {@code i}. */
    public double utility(int[] choice) {
        double u = 0;
        for (int i = 0; i < offsets.length; i++) {
            u += cells[offsets[i] + choice[i]];
        }
        for (Interaction t : interactions) {
            u += t.holds(choice) ? t.value() : 0;
        }
        return u;
    }

    /**
     * The outcome's utility, decoding a mixed-radix index (first issue most significant, as in
     * {@link dev.parley.engine.model.OutcomeSpace}) on the fly. Sums in issue order, so it equals
     * {@link #utility(int[])} to the last bit.
     */
    public double utility(long outcome) {
        if (strides == null) {
            throw new IllegalStateException("the space is too large for long outcome indices");
        }
        if (interactions.length > 0) {
            int[] choice = new int[offsets.length];
            long rest = outcome;
            for (int i = 0; i < offsets.length; i++) {
                choice[i] = (int) (rest / strides[i]);
                rest -= choice[i] * strides[i];
            }
            return utility(choice);
        }
        double u = 0;
        long rest = outcome;
        for (int i = 0; i < offsets.length; i++) {
            long digit = rest / strides[i];
            rest -= digit * strides[i];
            u += cells[offsets[i] + (int) digit];
        }
        return u;
    }

    /** w_i · v_i(option): what this option adds to the utility, interaction terms aside. */
    public double contribution(int issue, int option) {
        return cells[offsets[issue] + option];
    }

    public boolean isRedLine(int issue, int option) {
        return redLines[offsets[issue] + option];
    }

    /** Whether the outcome takes an option that is one of this party's red lines. */
    public boolean breaksRedLine(int[] choice) {
        for (int i = 0; i < offsets.length; i++) {
            if (redLines[offsets[i] + choice[i]]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the outcome breaks one of this party's red lines or one of its hard conditions. */
    public boolean forbids(int[] choice) {
        if (breaksRedLine(choice)) {
            return true;
        }
        for (Condition c : conditions) {
            if (c.brokenBy(choice)) {
                return true;
            }
        }
        return false;
    }

    /** Whether group {@code g}'s options in {@code c} break a red line or a condition within the group. */
    private boolean forbidsWithin(IssueGroups groups, int g, int[] c) {
        for (int j = 0; j < groups.size(g); j++) {
            int i = groups.member(g, j);
            if (redLines[offsets[i] + c[i]]) {
                return true;
            }
        }
        for (Condition k : conditions) {
            if (groups.groupOf(k.ifIssue()) == g && k.brokenBy(c)) {
                return true;
            }
        }
        return false;
    }

    /** The party's hard conditions. */
    public java.util.List<Condition> conditions() {
        return profile.conditions();
    }

    /** Whether the party has interaction terms or hard conditions: its utility or its limits are not per issue. */
    public boolean linked() {
        return interactions.length > 0 || conditions.length > 0;
    }

    public double reservation() {
        return reservation;
    }

    /** The party's best option on {@code issue} that is not one of its red lines (the first, on a tie). */
    public int bestOption(int issue) {
        return bestOptions[issue];
    }

    /**
     * The party's best package that it does not forbid: on each issue its best option that is not one of its red
     * lines, or, over issues its conditions or interaction terms link, their best combination (found exactly, group
     * by group; the first on a tie). When it forbids every combination of some group, that group's best regardless.
     */
    public int[] bestPackage() {
        int[] known = bestPackage;
        if (known == null) {
            known = findBestPackage();
            bestPackage = known;
        }
        return known.clone();
    }

    /** The utility of {@link #bestPackage}. */
    public double bestPackageUtility() {
        double known = bestPackageUtility;
        if (Double.isNaN(known)) {
            known = utility(bestPackage());
            bestPackageUtility = known;
        }
        return known;
    }

    private int[] findBestPackage() {
        int[] c = new int[issueCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = bestOption(i);
        }
        if (!linked()) {
            return c;
        }
        IssueGroups groups = IssueGroups.of(c.length, profile.links());
        for (int g = 0; g < groups.count(); g++) {
            if (groups.size(g) > 1) {
                bestOf(groups, g, c);
            }
        }
        return c;
    }

    /** Sets group {@code g}'s issues in {@code c} to its best combination the party does not forbid. */
    private void bestOf(IssueGroups groups, int g, int[] c) {
        long n = groups.options(g, radices);
        int[] best = null;
        double bestU = Double.NEGATIVE_INFINITY;
        boolean bestAllowed = false;
        for (long x = 0; x < n; x++) {
            groups.decode(g, x, radices, c);
            boolean allowed = !forbidsWithin(groups, g, c);
            double u = utility(c);
            if (best == null || (allowed && !bestAllowed) || (allowed == bestAllowed && u > bestU)) {
                best = c.clone();
                bestU = u;
                bestAllowed = allowed;
            }
        }
        System.arraycopy(best, 0, c, 0, c.length);
    }

    /** The highest utility over the whole space, red lines and conditions ignored. */
    public double best() {
        return best;
    }

    /** The lowest utility over the whole space, red lines and conditions ignored. */
    public double worst() {
        return worst;
    }
}
