package dev.parley.server;

import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who has shared its profile with the mediator in one negotiation, and what the mediator's analysis still waits for:
 * every ratifying party but the mediator. Not thread-safe: its negotiation uses it under its lock.
 */
final class Shares {
    private final Set<String> shared = new LinkedHashSet<>();
    private final Optional<String> mediator;

    Shares(Optional<String> mediator) {
        this.mediator = mediator;
    }

    /** Records {@code party}'s share; false when it had shared already. */
    boolean add(String party) {
        return shared.add(party);
    }

    boolean contains(String party) {
        return shared.contains(party);
    }

    /** {@code party}'s share lapses (its seat went to a person, who shares for themselves). */
    void remove(String party) {
        shared.remove(party);
    }

    /** The parties that have shared, in the order they did. */
    Set<String> parties() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(shared));
    }

    /** The ratifying parties other than the mediator that have not shared their profiles, in party order. */
    List<String> awaiting(Scenario scenario) {
        return scenario.ratifyingParties().stream().map(Party::id).filter(p -> mediator.filter(p::equals).isEmpty()
                && !shared.contains(p)).toList();
    }

    /** @throws AccessDenied unless {@code party} is the mediator and every profile the analysis needs is shared */
    void requireEvery(String party, Scenario scenario) {
        if (mediator.filter(party::equals).isEmpty()) {
            throw new AccessDenied("only the mediator's seat sees the analysis of every profile");
        }
        List<String> missing = awaiting(scenario);
        if (!missing.isEmpty()) {
            throw new AccessDenied("the analysis needs every profile: " + String.join(", ", missing) + (missing
                    .size() == 1 ? " has" : " have") + " not shared theirs with the mediator");
        }
    }
}
