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
 *        their reservation (none when the zone is empty); below 0 for a package below the party's reservation
 *        (see {@code belowReservationBy}), above 1 for one outside the zone that gives it more than the zone can
 * @param sharesWithinRedLines the same share of what the party's own red lines allow: a′_p is its best utility
 *        over every package within its red lines, so the share is defined whether or not there is a zone
 * @param belowReservationBy r_p − u_p for every profiled party the package leaves below its reservation
 * @param demands per party that stated demands, which of them the package grants
 * @param victoryIndices s_b − s_a for each pair of principals a before b
 * @param inZone whether the package is in the agreement zone
 * @param paretoOptimal in the zone and dominated by no zone outcome
 * @param nashDistance Euclidean distance from the Nash package's utilities over the ratifying parties
 * @param nashProductShare the package's Nash product as a share of the optimum (0 outside the zone)
 * @param differsFromNash the issues on which it takes another option than the Nash package
 */
public record Assessment(Outcome outcome, Map<String, Double> utilities, Map<String, Double> shares,
        Map<String, Double> sharesWithinRedLines, Map<String, Double> belowReservationBy,
        Map<String, DemandTally> demands, List<VictoryIndex> victoryIndices, List<Flag> flags, boolean inZone,
        boolean paretoOptimal, Optional<Double> nashDistance, Optional<Double> nashProductShare,
        List<String> differsFromNash) {

    /**
     * The default victory limit: a package whose victory index exceeds it in size is flagged as one side's victory.
     * Every caller takes it from here (or from a user's setting).
     */
    public static final double DEFAULT_VICTORY_LIMIT = 0.4;

    public Assessment {
        utilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilities));
        shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
        sharesWithinRedLines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                sharesWithinRedLines));
        belowReservationBy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(belowReservationBy));
        demands = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(demands));
        victoryIndices = List.copyOf(victoryIndices);
        flags = List.copyOf(flags);
        differsFromNash = List.copyOf(differsFromNash);
    }

    /** s_b − s_a: positive when {@code b} gets more of what it could get than {@code a}. */
    public record VictoryIndex(String a, String b, double value) {
    }

    /**
     * What a package grants of a party's stated demands.
     *
     * @param granted the ids of the demands it grants, in the order stated
     * @param notGranted the others
     * @param share the share granted, each demand weighted by the party's own weights on the issues it names
     *        ({@code weighted}); by count when the party has no profile or its weights on them are all 0
     */
    public record DemandTally(List<String> granted, List<String> notGranted, double share, boolean weighted) {
        public DemandTally {
            granted = List.copyOf(granted);
            notGranted = List.copyOf(notGranted);
        }
    }

    /** The names of the lopsidedness flags. */
    public static final String BELOW_RESERVATION = "below-reservation";
    public static final String DEMANDS_ONE_SIDED = "demands-one-sided";
    public static final String MEDIATOR_FAVOURED = "mediator-favoured";
    public static final String ALLIES_WORSE = "allies-fare-worse";
    /** A ratifying party's hard condition (a red line over a combination) is broken. */
    public static final String CONDITION_BROKEN = "condition-broken";
    public static final String RED_LINE_BROKEN = "red-line-broken";
    public static final String VICTORY = "victory";
    public static final String PARETO_DOMINATED = "pareto-dominated";
    public static final String STAKEHOLDER_BELOW_RESERVATION = "stakeholder-below-reservation";

    /**
     * One reason a package is lopsided.
     *
     * @param kind one of the flag names above
     * @param party the party concerned (for a victory or one-sided flag, the side it favours; for mediator-favoured,
     *        the party favoured; for allies-fare-worse, the principal whose side fares worse)
     * @param detail a sentence for people
     * @param figures the numbers behind it, by name (a party id, or e.g. {@code principalsMean})
     */
    public record Flag(String kind, String party, String detail, Map<String, Double> figures) {
        public Flag {
            figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        }

        /** A flag whose figures are all in its sentence. */
        public Flag(String kind, String party, String detail) {
            this(kind, party, detail, Map.of());
        }
    }

    /** Whether any flag is raised. */
    public boolean lopsided() {
        return !flags.isEmpty();
    }
}
