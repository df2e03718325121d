package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Map;

/**
 * When the zone is empty: a package that falls short of the fewest reservations, by the least. Immutable.
 *
 * @param shortOf the ratifying parties below their reservation
 * @param shortfall Σ over those parties of (reservation − utility)
 * @param redLinesBroken red lines it breaks (only when every outcome breaks one), as "party issue=option"
 */
public record NearMiss(Outcome outcome, Map<String, Double> utilities, List<String> shortOf, double shortfall,
        List<String> redLinesBroken) {
    public NearMiss {
        utilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilities));
        shortOf = List.copyOf(shortOf);
        redLinesBroken = List.copyOf(redLinesBroken);
    }
}
