package dev.parley.engine.analysis;

/** The reference points of DESIGN.md, over the agreement zone, with {@link #id()} as used in files and output. */
public enum SolutionKind {
    /** Maximises Π (u_p − r_p). */
    NASH("nash"),
    /** Maximises min_p (u_p − r_p) / (a_p − r_p), a_p the best u_p in the zone. */
    KALAI_SMORODINSKY("kalaiSmorodinsky"),
    /** Maximises min_p (u_p − r_p). */
    EGALITARIAN("egalitarian"),
    /** Maximises Σ_p u_p. */
    UTILITARIAN("utilitarian");

    private final String id;

    SolutionKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
