package dev.parley.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What an analyst does not know about a party's profile: how its weights may differ from the point weights, an
 * interval for each value and one for the reservation. The point profile stays the best estimate that every command
 * but {@code forecast} uses; {@link #sample} draws a profile from the spread. Red lines and conditions are taken as
 * known. Immutable and thread-safe: it owns private copies of its arrays.
 */
public final class Uncertainty {
    /** How the weights are spread around the point weights. */
    public sealed interface Weights permits Fixed, Dirichlet, Intervals, Ranking {
    }

    /** The point weights, as they are. */
    public record Fixed() implements Weights {
    }

    /**
     * A Dirichlet distribution whose mean is the point weights: weight i ~ Gamma(concentration · w_i), normalised.
     * The larger the concentration, the closer the samples stay to the point (the variance of weight i is
     * w_i(1 − w_i)/(concentration + 1)). An issue of weight 0 keeps weight 0.
     */
    public record Dirichlet(double concentration) implements Weights {
        public Dirichlet {
            if (!(concentration > 0) || Double.isInfinite(concentration)) {
                throw new IllegalArgumentException("the concentration must be a positive number, not "
                        + concentration);
            }
        }
    }

    /**
     * An interval per weight: each drawn uniformly within its interval, then all scaled to sum to 1 (so a sample may
     * fall a little outside an interval; the intervals must admit weights summing to 1).
     */
    public record Intervals(double[] low, double[] high) implements Weights {
        public Intervals {
            low = low.clone();
            high = high.clone();
        }

        @Override
        public double[] low() {
            return low.clone();
        }

        @Override
        public double[] high() {
            return high.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Intervals i && Arrays.equals(low, i.low) && Arrays.equals(high, i.high);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
        }

        @Override
        public String toString() {
            return "Intervals[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
        }
    }

    /**
     * Only the order of the issues by importance is known, most important first: the weights are drawn uniformly
     * from those that keep that order (their mean is the rank-order-centroid weights, Barron and Barrett 1996).
     */
    public record Ranking(int[] order) implements Weights {
        public Ranking {
            order = order.clone();
        }

        @Override
        public int[] order() {
            return order.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ranking r && Arrays.equals(order, r.order);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(order);
        }

        @Override
        public String toString() {
            return "Ranking" + Arrays.toString(order);
        }
    }

    private final Weights weights;
    private final double[][] valueLow;
    private final double[][] valueHigh;
    private final double reservationLow;
    private final double reservationHigh;

    private Uncertainty(Weights weights, double[][] valueLow, double[][] valueHigh, double reservationLow,
            double reservationHigh) {
        this.weights = weights;
        this.valueLow = valueLow;
        this.valueHigh = valueHigh;
        this.reservationLow = reservationLow;
        this.reservationHigh = reservationHigh;
    }

    /**
     * The spread around {@code point}.
     *
     * @param valueLow per issue and option, the lowest value (the point value where the value is known)
     * @param valueHigh the same, the highest
     * @throws IllegalArgumentException when an interval leaves [0, 1] or does not hold the point value, when weight
     *     intervals cannot sum to 1, when a ranking is not an order of every issue or contradicts the point weights,
     *     or when the profile has interaction terms (their [0, 1] bound is not kept under sampling)
     */
    public static Uncertainty of(Profile point, Weights weights, double[][] valueLow, double[][] valueHigh,
            double reservationLow, double reservationHigh) {
        Objects.requireNonNull(weights, "weights");
        int n = point.issueCount();
        if (!point.interactions().isEmpty()) {
            throw new IllegalArgumentException("uncertainty is not supported for a profile with interaction terms");
        }
        requireInterval(reservationLow, point.reservation(), reservationHigh, "the reservation");
        if (valueLow.length != n || valueHigh.length != n) {
            throw new IllegalArgumentException("expected value intervals for " + n + " issues");
        }
        double[][] lo = new double[n][];
        double[][] hi = new double[n][];
        for (int i = 0; i < n; i++) {
            if (valueLow[i].length != point.optionCount(i) || valueHigh[i].length != point.optionCount(i)) {
                throw new IllegalArgumentException("issue at position " + i + " has " + point.optionCount(i)
                        + " options");
            }
            for (int o = 0; o < point.optionCount(i); o++) {
                requireInterval(valueLow[i][o], point.value(i, o), valueHigh[i][o], "the value of option " + o
                        + " of issue " + i);
            }
            lo[i] = valueLow[i].clone();
            hi[i] = valueHigh[i].clone();
        }
        switch (weights) {
            case Fixed f -> {
            }
            case Dirichlet d -> {
            }
            case Intervals iv -> requireWeightIntervals(point, iv);
            case Ranking r -> requireRanking(point, r);
        }
        return new Uncertainty(weights, lo, hi, reservationLow, reservationHigh);
    }

    /** No spread at all: every sample is the point profile. */
    public static Uncertainty none(Profile point) {
        double[][] v = new double[point.issueCount()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[point.optionCount(i)];
            for (int o = 0; o < v[i].length; o++) {
                v[i][o] = point.value(i, o);
            }
        }
        return new Uncertainty(new Fixed(), v, v, point.reservation(), point.reservation());
    }

    private static void requireInterval(double low, double point, double high, String what) {
        if (!(low >= 0 && high <= 1 && low <= point && point <= high)) {
            throw new IllegalArgumentException(what + ": [" + low + ", " + high + "] must lie within [0, 1] and hold "
                    + "the point value " + point);
        }
    }

    private static void requireWeightIntervals(Profile point, Intervals iv) {
        int n = point.issueCount();
        if (iv.low.length != n || iv.high.length != n) {
            throw new IllegalArgumentException("expected a weight interval for each of " + n + " issues");
        }
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            requireInterval(iv.low[i], point.weight(i), iv.high[i], "the weight of issue " + i);
            low += iv.low[i];
            high += iv.high[i];
        }
        if (low > 1 + Profile.WEIGHT_SUM_TOLERANCE || high < 1 - Profile.WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("weight intervals summing to [" + low + ", " + high + "] cannot hold "
                    + "weights summing to 1");
        }
    }

    private static void requireRanking(Profile point, Ranking r) {
        int n = point.issueCount();
        boolean[] seen = new boolean[n];
        for (int i : r.order) {
            if (i < 0 || i >= n || seen[i]) {
                throw new IllegalArgumentException("a ranking must name every issue once");
            }
            seen[i] = true;
        }
        if (r.order.length != n) {
            throw new IllegalArgumentException("a ranking must name every issue once");
        }
        for (int k = 1; k < n; k++) {
            if (point.weight(r.order[k]) > point.weight(r.order[k - 1]) + Profile.WEIGHT_SUM_TOLERANCE) {
                throw new IllegalArgumentException("the ranking puts the issue at position " + r.order[k - 1]
                        + " before the one at " + r.order[k] + ", which has the larger point weight");
            }
        }
    }

    public Weights weights() {
        return weights;
    }

    public double valueLow(int issue, int option) {
        return valueLow[issue][option];
    }

    public double valueHigh(int issue, int option) {
        return valueHigh[issue][option];
    }

    public double reservationLow() {
        return reservationLow;
    }

    public double reservationHigh() {
        return reservationHigh;
    }

    /** Whether some value interval is wider than a point. */
    public boolean valuesUncertain() {
        for (int i = 0; i < valueLow.length; i++) {
            if (!Arrays.equals(valueLow[i], valueHigh[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether every sample is the point profile. */
    public boolean isNone() {
        return weights instanceof Fixed && !valuesUncertain() && reservationLow == reservationHigh;
    }

    /**
     * A profile over {@code issues} drawn from the spread around {@code point} (the profile this was made for), with
     * its red lines and conditions. Draws from {@code random} in a fixed order, so a seeded generator gives the same
     * profile.
     */
    public Profile sample(List<Issue> issues, Profile point, RandomGenerator random) {
        int n = point.issueCount();
        double[] w = sampleWeights(point, random);
        double[][] v = new double[n][];
        boolean[][] red = new boolean[n][];
        for (int i = 0; i < n; i++) {
            v[i] = new double[point.optionCount(i)];
            red[i] = new boolean[point.optionCount(i)];
            for (int o = 0; o < v[i].length; o++) {
                double lo = valueLow[i][o];
                double hi = valueHigh[i][o];
                v[i][o] = lo == hi ? lo : lo + (hi - lo) * random.nextDouble();
                red[i][o] = point.isRedLine(i, o);
            }
        }
        double r = reservationLow == reservationHigh
                ? reservationLow
                : reservationLow + (reservationHigh - reservationLow) * random.nextDouble();
        return Profile.of(issues, w, v, r, red).withConditions(point.conditions());
    }

    private double[] sampleWeights(Profile point, RandomGenerator random) {
        int n = point.issueCount();
        double[] w = new double[n];
        switch (weights) {
            case Fixed f -> {
                for (int i = 0; i < n; i++) {
                    w[i] = point.weight(i);
                }
                return w;
            }
            case Dirichlet d -> {
                for (int i = 0; i < n; i++) {
                    w[i] = point.weight(i) == 0 ? 0 : gamma(d.concentration() * point.weight(i), random);
                }
            }
            case Intervals iv -> {
                for (int i = 0; i < n; i++) {
                    w[i] = iv.low[i] + (iv.high[i] - iv.low[i]) * random.nextDouble();
                }
            }
            case Ranking r -> {
                // a uniform point of the simplex (spacings of sorted uniforms), its coordinates sorted down the ranking
                double[] u = new double[n + 1];
                for (int i = 1; i < n; i++) {
                    u[i] = random.nextDouble();
                }
                u[n] = 1;
                Arrays.sort(u, 1, n);
                double[] gaps = new double[n];
                for (int i = 0; i < n; i++) {
                    gaps[i] = u[i + 1] - u[i];
                }
                Arrays.sort(gaps);
                for (int k = 0; k < n; k++) {
                    w[r.order[k]] = gaps[n - 1 - k];
                }
            }
        }
        return normalised(w, point);
    }

    /** {@code w} scaled to sum to 1 (the point weights when it sums to 0, which only underflow can cause). */
    private static double[] normalised(double[] w, Profile point) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = sum > 0 ? w[i] / sum : point.weight(i);
        }
        double drift = 1; // make the sum exactly 1 on the largest weight, whatever the rounding
        int largest = 0;
        for (int i = 0; i < w.length; i++) {
            drift -= w[i];
            largest = w[i] > w[largest] ? i : largest;
        }
        w[largest] = Math.min(1, Math.max(0, w[largest] + drift));
        return w;
    }

    /** A Gamma(shape, 1) variate: Marsaglia and Tsang (2000), with the usual boost for shape below 1. */
    static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uncertainty u && weights.equals(u.weights) && Arrays.deepEquals(valueLow, u.valueLow)
                && Arrays.deepEquals(valueHigh, u.valueHigh) && reservationLow == u.reservationLow
                && reservationHigh == u.reservationHigh;
    }

    @Override
    public int hashCode() {
        return Objects.hash(weights, Arrays.deepHashCode(valueLow), reservationLow, reservationHigh);
    }

    @Override
    public String toString() {
        return "Uncertainty[weights=" + weights + ", reservation=[" + reservationLow + ", " + reservationHigh + "]]";
    }
}
