package dev.parley.engine.analysis;

/**
 * When a package is flagged as lopsided, beyond the flags that need no threshold. Immutable; the defaults are
 * {@link #DEFAULTS}, documented with each flag.
 *
 * @param victory a victory flag when |victory index| exceeds this (default 0.4)
 * @param demandsMost a principal granted at least this share of its stated demands (weighted by its own weights)...
 * @param demandsFew ...while another principal is granted at most this share: one-sided on demands (defaults 0.6
 *        and 1/3)
 * @param favoured the mediator, or a stakeholder that does not ratify, takes more than the principals' mean share
 *        of possible gain by more than this (default 0.4)
 * @param allies a principal and its allies fare worse than the other principal and its allies, in mean share of
 *        possible gain, by more than this (default 0.4)
 */
public record AssessmentLimits(double victory, double demandsMost, double demandsFew, double favoured,
        double allies) {
    public static final AssessmentLimits DEFAULTS = new AssessmentLimits(Assessment.DEFAULT_VICTORY_LIMIT, 0.6,
            1.0 / 3, 0.4, 0.4);

    public AssessmentLimits {
        for (double x : new double[]{victory, demandsMost, demandsFew, favoured, allies}) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("assessment limits lie in [0, 1], not " + x);
            }
        }
        if (demandsFew >= demandsMost) {
            throw new IllegalArgumentException("'few' demands (" + demandsFew + ") must be below 'most' ("
                    + demandsMost + ")");
        }
    }

    public AssessmentLimits withVictory(double limit) {
        return new AssessmentLimits(limit, demandsMost, demandsFew, favoured, allies);
    }
}
