package dev.parley.engine.analysis;

/** Which outcomes the listed frontier is taken over. */
public enum FrontierScope {
    /** The agreement zone (the default). */
    ZONE,
    /** The whole outcome space, red lines and reservations ignored; each outcome says whether it is in the zone. */
    ALL
}
