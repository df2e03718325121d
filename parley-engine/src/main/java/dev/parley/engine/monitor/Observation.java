package dev.parley.engine.monitor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a monitor saw or heard of an incident, as the OSCE SMM reports it: from where, in which direction, without
 * saying who did it. Immutable.
 *
 * @param position where the monitor was, if given
 * @param direction the direction observed (e.g. "south-east, 3-5 km"), if given
 * @param seen what was seen or heard, in the monitor's words
 */
public record Observation(String id, String incident, String monitor, Instant at, Optional<String> position,
        Optional<String> direction, String seen) implements MonitorEntry {
    public Observation {
        MonitorEntry.requireId("observation", id);
        MonitorEntry.requireId("incident", incident);
        MonitorEntry.requireId("monitor", monitor);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(direction, "direction");
        if (seen == null || seen.isBlank()) {
            throw new dev.parley.engine.InvalidInput("seen", "an observation must say what was seen or heard");
        }
    }
}
