package dev.parley.engine.model;

import java.math.BigInteger;
import java.util.List;

/**
 * The outcomes of a set of issues, one option per issue, numbered as mixed-radix indices: the first issue is the
 * most significant digit, so index order is lexicographic order of option positions. Spaces too large for a
 * {@code long} index (e.g. 10^20 outcomes) still exist; they are handled issue by issue, never enumerated, and
 * {@link #isIndexable()} says which is which. Immutable and thread-safe.
 */
public final class OutcomeSpace {
    private final List<Issue> issues;
    private final int[] radices;
    private final long[] strides;
    private final BigInteger count;
    private final boolean indexable;

    private OutcomeSpace(List<Issue> issues) {
        this.issues = List.copyOf(issues);
        int n = this.issues.size();
        this.radices = new int[n];
        this.strides = new long[n];
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            radices[i] = this.issues.get(i).size();
            c = c.multiply(BigInteger.valueOf(radices[i]));
        }
        this.count = c;
        this.indexable = c.bitLength() < Long.SIZE;
        if (indexable) {
            long stride = 1;
            for (int i = n - 1; i >= 0; i--) {
                strides[i] = stride;
                stride *= radices[i];
            }
        }
    }

    public static OutcomeSpace of(List<Issue> issues) {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an outcome space needs at least one issue");
        }
        return new OutcomeSpace(issues);
    }

    public List<Issue> issues() {
        return issues;
    }

    public int issueCount() {
        return radices.length;
    }

    /** How many options issue {@code i} has. */
    public int radix(int i) {
        return radices[i];
    }

    /** The exact number of outcomes, however large. */
    public BigInteger count() {
        return count;
    }

    /** Whether every outcome has a {@code long} index (the count is below 2^63). */
    public boolean isIndexable() {
        return indexable;
    }

    /** The index weight of each issue's option position (a copy); only for indexable spaces. */
    public long[] strides() {
        requireIndexable();
        return strides.clone();
    }

    /** The number of outcomes; only for {@link #isIndexable() indexable} spaces. */
    public long size() {
        requireIndexable();
        return count.longValue();
    }

    /** The index of the outcome that takes option {@code choice[i]} on issue {@code i}. */
    public long encode(int[] choice) {
        requireIndexable();
        long index = 0;
        for (int i = 0; i < radices.length; i++) {
            int k = choice[i];
            if (k < 0 || k >= radices[i]) {
                throw new IndexOutOfBoundsException("option " + k + " of issue " + i);
            }
            index += k * strides[i];
        }
        return index;
    }

    /** Writes the option positions of outcome {@code index} into {@code into}; allocates nothing. */
    public void decode(long index, int[] into) {
        requireIndexable();
        if (index < 0 || index >= count.longValue()) {
            throw new IndexOutOfBoundsException("outcome " + index + " of " + count);
        }
        for (int i = radices.length - 1; i >= 0; i--) {
            into[i] = (int) (index % radices[i]);
            index /= radices[i];
        }
    }

    /**
     * Moves {@code choice} to the next outcome in index order, last issue fastest; returns false (leaving all zeros)
     * after the last outcome. Lets loops walk the space without a division per step.
     */
    public boolean increment(int[] choice) {
        for (int i = radices.length - 1; i >= 0; i--) {
            if (++choice[i] < radices[i]) {
                return true;
            }
            choice[i] = 0;
        }
        return false;
    }

    private void requireIndexable() {
        if (!indexable) {
            throw new IllegalStateException("the space has " + count + " outcomes, too many for a long index");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeSpace other && issues.equals(other.issues);
    }

    @Override
    public int hashCode() {
        return issues.hashCode();
    }

    @Override
    public String toString() {
        return "OutcomeSpace[" + issues.size() + " issues, " + count + " outcomes]";
    }
}
