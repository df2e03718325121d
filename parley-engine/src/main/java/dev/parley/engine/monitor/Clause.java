package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One thing a ceasefire forbids, from when until when: incidents of some types (every attack when none is named)
 * against some target categories (any when none is named). Immutable.
 *
 * @param from the first instant it is in force
 * @param until the first instant it no longer is; empty while it has no end
 */
public record Clause(String id, String title, Instant from, Optional<Instant> until, Set<IncidentType> types,
        Set<TargetCategory> targets) {
    public Clause {
        MonitorEntry.requireId("clause", id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.filter(u -> !u.isAfter(from)).isPresent()) {
            throw new InvalidInput("until", "clause " + id + " must end after it starts");
        }
        types = Set.copyOf(types);
        targets = Set.copyOf(targets);
    }

    /** Whether an incident with these facts would break this clause: in force when it happened, of a kind it forbids. */
    public boolean forbids(Facts facts) {
        boolean inForce = !facts.occurredTo().isBefore(from) && until.map(u -> facts.occurredFrom().isBefore(u))
                .orElse(true);
        return inForce && ofKind(facts);
    }

    /** Whether the facts are of a kind this clause forbids, whenever they happened (for baselines before it). */
    public boolean ofKind(Facts facts) {
        boolean kind = types.isEmpty() ? facts.attack() : facts.type().filter(types::contains).isPresent();
        return kind && (targets.isEmpty() || Clause.category(facts).filter(targets::contains).isPresent());
    }

    /**
     * The target category the facts give, or the one a strike on protected infrastructure implies by its sub-type
     * (energy, port → naval, medical; water and rail → infrastructure).
     */
    static Optional<TargetCategory> category(Facts facts) {
        if (facts.targetCategory().isPresent()) {
            return facts.targetCategory();
        }
        if (facts.type().filter(t -> t == IncidentType.PROTECTED_INFRASTRUCTURE).isEmpty()) {
            return Optional.empty();
        }
        return facts.subType().map(s -> switch (s) {
            case "energy" -> TargetCategory.ENERGY;
            case "port" -> TargetCategory.NAVAL;
            case "medical" -> TargetCategory.MEDICAL;
            default -> TargetCategory.INFRASTRUCTURE;
        });
    }
}
