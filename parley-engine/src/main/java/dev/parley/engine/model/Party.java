package dev.parley.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * An actor at the table. Immutable.
 *
 * @param id short unique id, e.g. {@code UA}
 * @param name display name
 * @param role what the party is at the table
 * @param ratifies whether its consent is needed for a deal
 * @param representatives the people or delegations who speak for it, possibly none
 * @param allies the parties it names as on its side (e.g. the European stakeholders with Ukraine), for assessment
 */
public record Party(String id, String name, Role role, boolean ratifies, List<String> representatives,
        List<String> allies) {
    public Party {
        Ids.require(id, "party");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        representatives = List.copyOf(representatives);
        allies = List.copyOf(allies);
        if (allies.contains(id)) {
            throw new IllegalArgumentException("party " + id + " cannot be its own ally");
        }
    }

    /** A party that names no ally. */
    public Party(String id, String name, Role role, boolean ratifies, List<String> representatives) {
        this(id, name, role, ratifies, representatives, List.of());
    }

    /** The same party, consenting or not. */
    public Party withRatifies(boolean consents) {
        return new Party(id, name, role, consents, representatives, allies);
    }

    /** A party that ratifies as its role does by default. */
    public static Party of(String id, String name, Role role) {
        return new Party(id, name, role, role.ratifiesByDefault(), List.of());
    }
}
