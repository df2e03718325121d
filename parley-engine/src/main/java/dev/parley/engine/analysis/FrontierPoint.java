package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.Map;

/**
 * One frontier outcome. Immutable.
 *
 * @param utilities every party with a profile, in party order
 * @param inZone whether the outcome is in the agreement zone
 * @param ties how many outcomes (this one included) share its utility vector over the ratifying parties
 */
public record FrontierPoint(Outcome outcome, Map<String, Double> utilities, boolean inZone, long ties) {
    public FrontierPoint {
        utilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilities));
    }
}
