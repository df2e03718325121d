package dev.parley.engine.protocol;

import java.util.Objects;

/**
 * An event with its number in the session: 1 for the first, counting every event (the opening ones too) in the
 * order they happened. What a relay links to and what a client resumes from. Immutable.
 */
public record NumberedEvent(int seq, Event event) {
    public NumberedEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("event numbers start at 1");
        }
        Objects.requireNonNull(event, "event");
    }
}
