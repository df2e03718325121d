package dev.parley.engine.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a party is at the table. Its {@link #id()} is the word used in scenario files and output. */
public enum Role {
    /** Signs the deal. */
    PRINCIPAL,
    /** Runs the protocol; may have interests of its own. */
    MEDIATOR,
    /** Its interests count in analysis. */
    STAKEHOLDER,
    /** Watches; no interests modelled. */
    OBSERVER;

    /** The lower-case word for this role, as written in {@code parley/1}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a party with this role must consent to a deal unless its scenario says otherwise. */
    public boolean ratifiesByDefault() {
        return this == PRINCIPAL || this == MEDIATOR;
    }

    /** The role whose {@link #id()} is {@code id}, if any. */
    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
