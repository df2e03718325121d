package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a proposed package looks: what each party gets, how much of its possible gain, whether it favours one side,
 * and every lopsidedness flag by name. Immutable.
 *
 * @param utilities every profiled party, in party order
 * @param shares normalised share s_p = (u_p − r_p)/(a_p − r_p), for parties whose best zone utility exceeds
 *        their reservation (none when the zone is empty)
 * @param victoryIndices s_b − s_a for each pair of principals a before b
 * @param inZone whether the package is in the agreement zone
 * @param paretoOptimal in the zone and dominated by no zone outcome
 * @param nashDistance Euclidean distance from the Nash package's utilities over the ratifying parties
 * @param nashProductShare the package's Nash product as a share of the optimum (0 outside the zone)
 * @param differsFromNash the issues on which it takes another option than the Nash package
 */
public record Assessment(Outcome outcome, Map<String, Double> utilities, Map<String, Double> shares,
        List<VictoryIndex> victoryIndices, List<Flag> flags, boolean inZone, boolean paretoOptimal,
        Optional<Double> nashDistance, Optional<Double> nashProductShare, List<String> differsFromNash) {

    /**
     * The default victory limit: a package whose victory index exceeds it in size is flagged as one side's victory.
     * Every caller takes it from here (or from a user's setting).
     */
    public static final double DEFAULT_VICTORY_LIMIT = 0.4;

    public Assessment {
        utilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilities));
        shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
        victoryIndices = List.copyOf(victoryIndices);
        flags = List.copyOf(flags);
        differsFromNash = List.copyOf(differsFromNash);
    }

    /** s_b − s_a: positive when {@code b} gets more of what it could get than {@code a}. */
    public record VictoryIndex(String a, String b, double value) {
    }

    /** The names of the lopsidedness flags. */
    public static final String BELOW_RESERVATION = "below-reservation";
    public static final String RED_LINE_BROKEN = "red-line-broken";
    public static final String VICTORY = "victory";
    public static final String PARETO_DOMINATED = "pareto-dominated";
    public static final String STAKEHOLDER_BELOW_RESERVATION = "stakeholder-below-reservation";

    /**
     * One reason a package is lopsided.
     *
     * @param kind one of the flag names above
     * @param party the party concerned (for a victory flag, the side it favours)
     * @param detail a sentence for people
     */
    public record Flag(String kind, String party, String detail) {
    }

    /** Whether any flag is raised. */
    public boolean lopsided() {
        return !flags.isEmpty();
    }
}
