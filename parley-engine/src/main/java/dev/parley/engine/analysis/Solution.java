package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.Map;
import java.util.Objects;

/**
 * A reference package and what it gives. Immutable.
 *
 * @param utilities every party with a profile, in party order
 * @param value the maximised quantity: the Nash product, the least normalised gain, the least gain, or the sum
 */
public record Solution(SolutionKind kind, Outcome outcome, Map<String, Double> utilities, double value) {
    public Solution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        utilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilities));
    }
}
