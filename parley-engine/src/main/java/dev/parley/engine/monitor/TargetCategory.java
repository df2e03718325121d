package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;

/** What was hit or aimed at, as far as a clause cares (documented in {@code docs/monitoring.md}). */
public enum TargetCategory {
    /** Power plants, substations, lines, gas and oil facilities. */
    ENERGY("energy"),
    /** Vessels, ports and naval bases, at sea or on the coast. */
    NAVAL("naval"),
    /** Homes and other civilian objects. */
    CIVILIAN("civilian"),
    /** Transport, water, communications and other public infrastructure. */
    INFRASTRUCTURE("infrastructure"),
    /** Hospitals and medical staff. */
    MEDICAL("medical"),
    /** Armed forces, their positions and equipment. */
    MILITARY("military"),
    /** The monitors themselves. */
    MONITORS("monitors");

    private final String id;

    TargetCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The category of that id.
     *
     * @throws InvalidInput naming the categories there are
     */
    public static TargetCategory of(String field, String id) {
        return Ids.named(field, id, values(), TargetCategory::id, "target category");
    }
}
