package dev.parley.engine.analysis;

import java.util.EnumMap;
import java.util.Map;

/**
 * The four reference solutions over the frontier of the agreement zone. Each solution (docs/glossary.md) lies on that
 * frontier (whatever dominates a maximiser is itself a maximiser with a larger sum, which the tie rule prefers), so
 * searching the frontier nodes is exact. Ties within 1e-12: larger Σ u, then the smaller outcome index. Stateless.
 */
final class Solver {
    private static final double TIE = 1e-12;

    private Solver() {
    }

    /**
     * The best node for each kind; empty when the zone is. {@code ideal} is {@link #ideal(FrontierSet)}. One pass
     * over the nodes keeps each kind's best so far: the same scan in the same order as one pass per kind.
     */
    static Map<SolutionKind, Integer> solve(FrontierSet zone, long[] reservation, long[] ideal) {
        var best = new EnumMap<SolutionKind, Integer>(SolutionKind.class);
        int n = zone.nodes();
        if (n == 0) {
            return best;
        }
        SolutionKind[] kinds = SolutionKind.values(); // kinds[j].ordinal() == j
        int[] at = new int[kinds.length];
        double[] bestValue = new double[kinds.length];
        long[] bestSum = new long[kinds.length];
        double[] v = new double[kinds.length];
        java.util.Arrays.fill(bestSum, values(zone, reservation, ideal, 0, bestValue));
        for (int x = 1; x < n; x++) {
            long sum = values(zone, reservation, ideal, x, v);
            for (int j = 0; j < kinds.length; j++) {
                double diff = v[j] - bestValue[j];
                if (diff > TIE || (diff >= -TIE && (sum > bestSum[j]
                        || (sum == bestSum[j] && zone.compareSmallest(x, at[j]) < 0)))) {
                    at[j] = x;
                    bestValue[j] = v[j];
                    bestSum[j] = sum;
                }
            }
        }
        for (int j = 0; j < kinds.length; j++) {
            best.put(kinds[j], at[j]);
        }
        return best;
    }

    /** The value {@code kind} maximises at node {@code x}; {@code ideal} is {@link #ideal(FrontierSet)}. */
    static double value(SolutionKind kind, FrontierSet zone, long[] reservation, long[] ideal, int x) {
        double[] out = new double[SolutionKind.values().length];
        values(zone, reservation, ideal, x, out);
        return out[kind.ordinal()];
    }

    /** Every kind's value at node {@code x}, into {@code out} by the kind's ordinal; returns Σ u in ticks. */
    private static long values(FrontierSet zone, long[] reservation, long[] ideal, int x, double[] out) {
        double product = 1;
        double minRatio = Double.POSITIVE_INFINITY;
        long minGain = Long.MAX_VALUE;
        long s = 0;
        for (int k = 0; k < reservation.length; k++) {
            long u = zone.vector(k, x);
            long gain = Math.max(0, u - reservation[k]);
            product *= Ticks.utility(gain);
            long range = ideal[k] - reservation[k];
            // A party whose best zone outcome is its reservation gains nothing anywhere: it does not constrain.
            minRatio = Math.min(minRatio, range > 0 ? (double) gain / range : 1.0);
            minGain = Math.min(minGain, u - reservation[k]);
            s += u;
        }
        out[SolutionKind.NASH.ordinal()] = product;
        out[SolutionKind.KALAI_SMORODINSKY.ordinal()] = minRatio;
        out[SolutionKind.EGALITARIAN.ordinal()] = Ticks.utility(minGain);
        out[SolutionKind.UTILITARIAN.ordinal()] = Ticks.utility(s);
        return s;
    }

    /** a_p: each dimension's best utility over the set, in ticks. */
    static long[] ideal(FrontierSet zone) {
        int d = zone.instance().dims.length;
        long[] a = new long[d];
        java.util.Arrays.fill(a, Long.MIN_VALUE);
        for (int x = 0; x < zone.nodes(); x++) {
            for (int k = 0; k < d; k++) {
                a[k] = Math.max(a[k], zone.vector(k, x));
            }
        }
        return a;
    }
}
