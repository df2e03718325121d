package dev.parley.engine.utility;

import dev.parley.engine.model.OutcomeSpace;
import dev.parley.engine.model.Profile;

/**
 * A profile compiled for hot loops: one flat {@code double[]} holding w_i · v_i(k) for every issue i and option k,
 * and a parallel {@code boolean[]} of red lines. Evaluating an outcome sums one cell per issue and allocates
 * nothing. Immutable and thread-safe.
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
        this.best = hi;
        this.worst = lo;
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

    /** The utility of the outcome taking option {@code choice[i]} on issue {@code i}. */
    public double utility(int[] choice) {
        double u = 0;
        for (int i = 0; i < offsets.length; i++) {
            u += cells[offsets[i] + choice[i]];
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
        double u = 0;
        long rest = outcome;
        for (int i = 0; i < offsets.length; i++) {
            long digit = rest / strides[i];
            rest -= digit * strides[i];
            u += cells[offsets[i] + (int) digit];
        }
        return u;
    }

    /** w_i · v_i(option): what this option adds to the utility. */
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

    public double reservation() {
        return reservation;
    }

    /** The party's best option on {@code issue} that is not one of its red lines (the first, on a tie). */
    public int bestOption(int issue) {
        int best = -1;
        for (int k = 0; k < radix(issue); k++) {
            if (!isRedLine(issue, k) && (best < 0 || contribution(issue, k) > contribution(issue, best))) {
                best = k;
            }
        }
        return best < 0 ? 0 : best;
    }

    /** The party's best package: on each issue its best option that is not one of its red lines. */
    public int[] bestPackage() {
        int[] c = new int[issueCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = bestOption(i);
        }
        return c;
    }

    /** The highest utility over the whole space, red lines ignored. */
    public double best() {
        return best;
    }

    /** The lowest utility over the whole space, red lines ignored. */
    public double worst() {
        return worst;
    }
}
