package dev.parley.engine.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether a party's stated demand can be part of an acceptable deal, and at what cost to the others. Immutable.
 *
 * @param party who stated it
 * @param demand its id
 * @param label what the party said
 * @param possible whether some package in the agreement zone grants it; empty when that could not be worked out (a
 *        point limit or the time budget: the analysis's notes say which)
 * @param zoneWith how many zone packages grant it (empty when not counted)
 * @param nashWith the Nash package over the zone packages that grant it, when there are any
 * @param cost per profiled party: its utility at the Nash package of the whole zone minus at {@code nashWith}; what
 *        imposing the demand costs it (negative: what it gains); empty unless both exist
 * @param redLinesInTheWay when no package within the ratifying parties' red lines grants it: the fewest red lines
 *        ("UA TR=recognise-occupied") whose dropping would let one
 * @param nearMisses when packages grant it but none is in the zone: those short of the fewest reservations, by the
 *        least (with {@code redLinesInTheWay} dropped)
 */
public record StatedDemandCheck(String party, String demand, String label, Optional<Boolean> possible,
        OptionalLong zoneWith,
        Optional<Solution> nashWith, Map<String, Double> cost, List<String> redLinesInTheWay,
        List<NearMiss> nearMisses) {
    public StatedDemandCheck {
        cost = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cost));
        redLinesInTheWay = List.copyOf(redLinesInTheWay);
        nearMisses = List.copyOf(nearMisses);
    }
}
