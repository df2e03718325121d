package dev.parley.engine.session;

import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.List;
import java.util.Objects;

/**
 * One accepted action by one party, with the events it caused: what a transcript line and a server's log entry
 * hold. Moves are numbered from 1 in the order they were made. Immutable.
 *
 * @param number the move's place in the session, from 1
 * @param events the events it caused, in order (possibly none: single-text's mediator ending the talks calls the
 *     final vote without an event)
 */
public record Move(int number, String party, Action action, List<Event> events) {
    public Move {
        if (number < 1) {
            throw new IllegalArgumentException("moves are numbered from 1");
        }
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(action, "action");
        events = List.copyOf(events);
    }
}
