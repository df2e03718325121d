package dev.parley.engine.analysis;

/**
 * The reference points over the agreement zone (defined in docs/glossary.md), with {@link #id()} as used in files
 * and output and {@link #label()} as shown to people.
 */
public enum SolutionKind {
    /** Maximises Π (u_p − r_p). */
    NASH("nash", "Nash"),
    /** Maximises min_p (u_p − r_p) / (a_p − r_p), a_p the best u_p in the zone. */
    KALAI_SMORODINSKY("kalaiSmorodinsky", "Kalai–Smorodinsky"),
    /** Maximises min_p (u_p − r_p). */
    EGALITARIAN("egalitarian", "Egalitarian"),
    /** Maximises Σ_p u_p. */
    UTILITARIAN("utilitarian", "Utilitarian");

    private final String id;
    private final String label;

    SolutionKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** The solution's name as people write it. */
    public String label() {
        return label;
    }
}
