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

    /** The best node for each kind; empty when the zone is. */
    static Map<SolutionKind, Integer> solve(FrontierSet zone, long[] reservation) {
        var best = new EnumMap<SolutionKind, Integer>(SolutionKind.class);
        int n = zone.nodes();
        if (n == 0) {
            return best;
        }
        long[] ideal = ideal(zone);
        long[] sum = new long[n];
        for (int x = 0; x < n; x++) {
            for (int k = 0; k < reservation.length; k++) {
                sum[x] += zone.vector(k, x);
            }
        }
        double[] objective = new double[n];
        for (SolutionKind kind : SolutionKind.values()) {
            for (int x = 0; x < n; x++) {
                objective[x] = value(kind, zone, reservation, ideal, x);
            }
            best.put(kind, argmax(zone, objective, sum));
        }
        return best;
    }

    /** The value {@code kind} maximises at node {@code x}; {@code ideal} is {@link #ideal(FrontierSet)}. */
    static double value(SolutionKind kind, FrontierSet zone, long[] reservation, long[] ideal, int x) {
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
        return switch (kind) {
            case NASH -> product;
            case KALAI_SMORODINSKY -> minRatio;
            case EGALITARIAN -> Ticks.utility(minGain);
            case UTILITARIAN -> Ticks.utility(s);
        };
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

    private static int argmax(FrontierSet zone, double[] objective, long[] sum) {
        int best = 0;
        for (int x = 1; x < objective.length; x++) {
            double diff = objective[x] - objective[best];
            if (diff > TIE || (diff >= -TIE && (sum[x] > sum[best]
                    || (sum[x] == sum[best] && zone.compareSmallest(x, best) < 0)))) {
                best = x;
            }
        }
        return best;
    }
}
