package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * A negotiation protocol: its settings, an immutable state, and a pure transition from a state and one party's
 * action to the next state and the events it caused. No randomness lives here: random choices belong to the agents,
 * so replaying the actions of a transcript rebuilds the same states. Implementations are immutable and thread-safe.
 * A protocol is driven only by a {@code dev.parley.engine.session.Session}.
 */
public sealed interface Protocol permits SingleText, Shuttle, StackedOffers, Zeuthen {
    /**
     * What every protocol state shows of itself. Implementations are immutable records, one per protocol; each
     * accessor has one meaning, empty where the protocol has no such thing.
     */
    sealed interface State permits SingleText.State, Shuttle.State, StackedOffers.State, Zeuthen.State {
        /** The current round, from 0. */
        int round();

        /** The number of rounds; the session ends when the round reaches it. */
        int deadline();

        Phase phase();

        default boolean ended() {
            return phase() == Phase.ENDED;
        }

        /** The package on the table: the standing offer, the proposal being voted on, or the deal to ratify. */
        Optional<Outcome> onTable();

        /** Who put {@link #onTable()} there, where the protocol says. */
        default Optional<String> tabledBy() {
            return Optional.empty();
        }

        /** Single-text: the current single negotiating text. */
        default Optional<Outcome> currentText() {
            return Optional.empty();
        }

        /** Shuttle: the opening package, a public setting of the talks. */
        default Optional<Outcome> opening() {
            return Optional.empty();
        }

        /** Zeuthen: the minimal concession the side to move is told to make. */
        default Optional<Outcome> concession() {
            return Optional.empty();
        }

        /** Shuttle: the party the mediator is meeting or meets next. */
        default Optional<String> counterpart() {
            return Optional.empty();
        }

        /** The package agreed, once ended with a deal. */
        Optional<Outcome> agreement();
    }

    /** A state and the events that led to it from the previous one. */
    record Transition(State state, List<Event> events) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    /** The settings this protocol was built from. */
    Settings settings();

    default ProtocolKind kind() {
        return settings().kind();
    }

    /** δ: what a deal is worth per round of delay, a deal in round t worth δ^t of its utility; 1 for none. */
    default double discount() {
        return 1;
    }

    /** Every seat, in turn order, with its role. */
    Seats seats();

    /** The parties that take part, in turn order. */
    default List<String> participants() {
        return seats().participants();
    }

    /**
     * What {@code party}'s seat does in this protocol.
     *
     * @throws IllegalArgumentException for a party that has no seat
     */
    default SeatRole seatRole(String party) {
        return seats().role(party, kind());
    }

    Transition start();

    /** Who may act now, in the order they are asked; empty once ended. */
    List<String> toMove(State state);

    /**
     * Whether {@code party} may see {@code event}. By default everything is public but another party's vote.
     */
    default boolean visibleTo(Event event, String party) {
        return !(event instanceof Event.Voted v) || v.party().equals(party);
    }

    /**
     * Who is to move, as {@code party} may know it. In a secret ballot (a vote, the final ratification) a seat learns
     * only whether it is itself to vote: who has voted already is a vote's shadow, kept from everyone.
     */
    default List<String> toMoveFor(State state, String party) {
        List<String> all = toMove(state);
        if (state.phase().isBallot()) {
            return all.contains(party) ? List.of(party) : List.of();
        }
        return all;
    }

    /**
     * An event as {@code party} sees it. The end of a ratification shows each seat its own verdict only, and says how
     * many voted against without naming them: ratification votes are secret like every other.
     */
    default Event shownTo(Event event, String party) {
        if (event instanceof Event.Ended end && !end.ratification().isEmpty()) {
            long against = end.ratification().values().stream().filter(v -> !v).count();
            String reason = against == 0
                    ? end.reason()
                    : against + " of " + end.ratification().size() + " ratifying parties voted against";
            java.util.Map<String, Boolean> own = end.ratification().containsKey(party)
                    ? java.util.Map.of(party, end.ratification().get(party))
                    : java.util.Map.of();
            return new Event.Ended(end.round(), end.agreement(), reason, own);
        }
        return event;
    }

    /** What {@code party} may see of the package on the table: by default all of it. */
    default Optional<Outcome> onTableFor(State state, String party) {
        return state.onTable();
    }

    /**
     * Applies {@code party}'s {@code action} to {@code state}.
     *
     * @throws ProtocolException.OutOfTurn when the party is not to move now; nothing changes
     * @throws ProtocolException.IllegalMove when the action is not allowed where it stands; nothing changes
     * @throws IllegalArgumentException for a state another protocol made
     */
    Transition next(State state, String party, Action action);

    /**
     * {@link #next}, with the events added to {@code into} rather than returned: the session's own loop, which then
     * makes no transition. Refused, it adds nothing. By default it asks {@link #next}; a protocol of long talks makes
     * it natively, and its {@code next} from it.
     *
     * @return the next state
     * @throws ProtocolException as {@link #next} does; nothing is added to {@code into}
     */
    default State apply(State state, String party, Action action, List<Event> into) {
        Transition t = next(state, party, action);
        into.addAll(t.events());
        return t.state();
    }

    /** The one way a protocol refuses a state that is not its own. */
    static IllegalArgumentException foreign(State s, ProtocolKind kind) {
        return new IllegalArgumentException("a " + kind.id() + " protocol was given a state of another: " + s);
    }

    /**
     * {@code state} as the protocol's own state type.
     *
     * @throws IllegalArgumentException for a state another protocol made
     */
    static <S extends State> S own(State state, Class<S> type, ProtocolKind kind) {
        if (type.isInstance(state)) {
            return type.cast(state);
        }
        throw foreign(state, kind);
    }
}
