package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * A negotiation protocol: settings (held by the implementation), an immutable state, and a pure transition from a
 * state and one party's action to the next state and the events it caused. No randomness lives here: random
 * choices belong to the agents, so replaying the actions of a transcript rebuilds the same states. Implementations
 * are immutable and thread-safe.
 *
 * @param <S> the protocol's state type
 */
public interface Protocol<S extends Protocol.State> {
    /** What every protocol state shows of itself. Implementations are immutable records. */
    interface State {
        /** The current round, from 0. */
        int round();

        /** The last round before the deadline ends the session. */
        int deadline();

        /** The phase, in words: "offer", "propose", "vote", "ratify", "present", "respond", "concede", "ended". */
        String phase();

        default boolean ended() {
            return phase().equals("ended");
        }

        /** The package on the table: the standing offer, or the proposal being voted on. */
        Optional<Outcome> onTable();

        /** Who put {@link #onTable()} there, where the protocol says. */
        default Optional<String> tabledBy() {
            return Optional.empty();
        }

        /**
         * The single negotiating text (single-text); the opening package (shuttle); the minimal concession of the
         * side to move (zeuthen); else empty.
         */
        default Optional<Outcome> text() {
            return Optional.empty();
        }

        /** In shuttle, the party the mediator is meeting or meets next; elsewhere empty. */
        default Optional<String> counterpart() {
            return Optional.empty();
        }
    }

    /** A state and the events that led to it from the previous one. */
    record Transition<S>(S state, List<Event> events) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    /** The protocol's name as used on the command line: "single-text", "saop", ... */
    String name();

    /** The parties that take part, in turn order. */
    List<String> participants();

    Transition<S> start();

    /** Who may act now, in the order they are asked; empty once ended. */
    List<String> toMove(S state);

    /**
     * Whether {@code party} may see {@code event}. By default everything is public but another party's vote.
     */
    default boolean visibleTo(Event event, String party) {
        return !(event instanceof Event.Voted v) || v.party().equals(party);
    }

    /**
     * Applies {@code party}'s {@code action} to {@code state}.
     *
     * @throws ProtocolException when the action is not allowed now; nothing changes
     */
    Transition<S> next(S state, String party, Action action);
}
