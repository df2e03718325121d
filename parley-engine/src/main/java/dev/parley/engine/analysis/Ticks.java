package dev.parley.engine.analysis;

/**
 * Utilities as whole numbers of 10^-12: each per-issue cell w·v is rounded once to a {@code long}, so utilities
 * are exact integer sums whatever the order of addition. Dominance is then exact and transitive, partial sums and
 * full sums agree, and outcomes whose utilities are mathematically equal (decimal inputs) have equal vectors:
 * genuine ties stay ties. This tick is the one shared epsilon of the analysis.
 */
final class Ticks {
    /** One tick, in utility units. */
    static final double TICK = 1e-12;
    /** The zone tolerance, 1e-9, in ticks: the one tolerance of zone membership. */
    static final long ZONE_TOLERANCE = 1_000;

    private Ticks() {
    }

    static long of(double utility) {
        return Math.round(utility / TICK);
    }

    /** Dividing (not multiplying by 1e-12, which is inexact) gives the double nearest the exact value. */
    static double utility(long ticks) {
        return ticks / 1e12;
    }

    /** {@code x} rounded to a whole number of ticks: differences of utilities without floating-point dust. */
    static double round(double x) {
        return utility(of(x));
    }
}
