package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;

/**
 * A count as sources give it: a low, a best and a high estimate (UCDP GED's {@code low/best/high}), each a whole,
 * non-negative number with {@code low <= best <= high}. A source that gives one figure gives all three the same.
 * Immutable.
 */
public record Estimate(long low, long best, long high) {
    public Estimate {
        if (low < 0 || low > best || best > high) {
            throw new InvalidInput(null, "an estimate must have 0 <= low <= best <= high, not " + low + "/" + best
                    + "/" + high);
        }
    }

    /** One figure, no range. */
    public static Estimate exactly(long n) {
        return new Estimate(n, n, n);
    }

    /** {@code best}, or {@code low-best-high} when they differ (ranges are written with hyphens: 3-5-9). */
    @Override
    public String toString() {
        return low == high ? Long.toString(best) : low + "-" + best + "-" + high;
    }

    /**
     * Reads {@code N}, or {@code LOW-BEST-HIGH}, or {@code LOW-HIGH} (best taken as low: the most conservative).
     *
     * @throws InvalidInput when it is none of these
     */
    public static Estimate parse(String field, String text) {
        String[] parts = text.trim().split("-", -1);
        try {
            long[] n = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                n[i] = Long.parseLong(parts[i].trim());
            }
            return switch (n.length) {
                case 1 -> exactly(n[0]);
                case 2 -> new Estimate(n[0], n[0], n[1]);
                case 3 -> new Estimate(n[0], n[1], n[2]);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + text + "' is not a count: give N, LOW-HIGH or LOW-BEST-HIGH");
        }
    }
}
