package dev.parley.engine.model;

import java.util.Objects;

/** One option of an issue. Immutable. */
public record Option(String id, String label) {
    public Option {
        Ids.require(id, "option");
        Objects.requireNonNull(label, "label");
    }
}
