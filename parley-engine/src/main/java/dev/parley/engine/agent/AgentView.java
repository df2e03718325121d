package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import java.util.Optional;

/**
 * What one seat sees: its own profile, the public parts of the scenario (parties, issues), the clock, and what the
 * protocol shows it. It holds no scenario, no other party's profile and no protocol state, so an agent (or a person's
 * client) cannot read them. Built by the session, the one place views are made: {@link #of} makes a view of its own
 * (what the server hands an agent that decides off the session's lock), and {@link Seat#current} brings the seat's
 * one view up to date (what a session's own loop hands its agents, so that a move makes no view). Either way a view
 * is valid until the next move: the event list behind {@link #log()} grows as the session goes on, and the seat's
 * one view is brought up to date. An agent that wants something of a view later keeps that, not the view. What never
 * changes for the seat is held once, in its {@link Seat}.
 */
public final class AgentView {
    private final Seat seat;
    private Phase phase;
    private int round;
    private int deadline;
    private List<String> toMove;
    private Optional<Outcome> onTable;
    private Optional<String> tabledBy;
    private Optional<Outcome> currentText;
    private Optional<Outcome> opening;
    private Optional<Outcome> concession;
    private Optional<String> counterpart;
    private Optional<Outcome> agreement;

    private AgentView(Seat seat) {
        this.seat = java.util.Objects.requireNonNull(seat, "seat");
    }

    /**
     * What never changes for one seat of a session: its party, the parties and issues, its profile, its own utility
     * table, the protocol, its role and its log. Made once by the session, shared by every view of the seat; it also
     * holds the seat's one view ({@link #current}).
     */
    public static final class Seat {
        private final String party;
        private final List<Party> parties;
        private final List<Issue> issues;
        private final Profile profile;
        private final UtilityTable utilities;
        private final ProtocolKind protocol;
        private final SeatRole seatRole;
        private final SeatLog log;
        /** The protocol's δ. */
        private final double discount;
        /** The seat's one view, made at its first use. */
        private AgentView current;

        private Seat(String party, List<Party> parties, List<Issue> issues, Profile profile, UtilityTable utilities,
                ProtocolKind protocol, SeatRole seatRole, SeatLog log, double discount) {
            this.party = party;
            this.parties = List.copyOf(parties);
            this.issues = List.copyOf(issues);
            this.profile = profile;
            this.utilities = utilities;
            this.protocol = protocol;
            this.seatRole = seatRole;
            this.log = log;
            this.discount = discount;
        }

        /** {@code party}'s seat under {@code protocol}, seeing {@code log}. */
        public static Seat of(String party, List<Party> parties, List<Issue> issues, Profile profile,
                UtilityTable utilities, Protocol protocol, SeatLog log) {
            return new Seat(party, parties, issues, profile, utilities, protocol.kind(), protocol.seatRole(party),
                    log, protocol.discount());
        }

        /**
         * The seat's one view, brought up to date: what {@code protocol} lets it see of {@code state}. Every call
         * returns the same object, so a view got earlier shows the new state too. Not thread-safe: for the loop of
         * the session that owns the seat.
         */
        public AgentView current(Protocol protocol, Protocol.State state) {
            if (current == null) {
                current = new AgentView(this);
            }
            return current.show(protocol, state);
        }

        public String party() {
            return party;
        }

        public List<Party> parties() {
            return parties;
        }

        public List<Issue> issues() {
            return issues;
        }

        public Profile profile() {
            return profile;
        }

        /** This seat's own utility table. */
        public UtilityTable utilities() {
            return utilities;
        }

        public ProtocolKind protocol() {
            return protocol;
        }

        public SeatRole seatRole() {
            return seatRole;
        }

        public SeatLog log() {
            return log;
        }
    }

    /** A new view of {@code seat}, its own: what {@code protocol} lets the seat see of {@code state} now. */
    public static AgentView of(Seat seat, Protocol protocol, Protocol.State state) {
        return new AgentView(seat).show(protocol, state);
    }

    /** This view brought to what {@code protocol} lets its seat see of {@code state}. */
    private AgentView show(Protocol protocol, Protocol.State state) {
        String party = seat.party();
        phase = state.phase();
        round = state.round();
        deadline = state.deadline();
        toMove = List.copyOf(protocol.toMoveFor(state, party));
        onTable = protocol.onTableFor(state, party);
        tabledBy = onTable.isPresent() ? state.tabledBy() : Optional.empty();
        currentText = state.currentText();
        opening = state.opening();
        concession = toMove.contains(party) ? state.concession() : Optional.empty();
        counterpart = state.counterpart();
        agreement = state.agreement();
        return this;
    }

    /** What never changes for this seat. */
    public Seat seat() {
        return seat;
    }

    public Phase phase() {
        return phase;
    }

    /** The current round, from 0. */
    public int round() {
        return round;
    }

    /** The number of rounds. */
    public int deadline() {
        return deadline;
    }

    /** Who is to move, as this seat may know it (in a ballot: only whether it is itself to vote). */
    public List<String> toMove() {
        return toMove;
    }

    /**
     * The standing offer, the proposal being voted on, the deal to ratify, or (shuttle) the package presented in this
     * seat's meeting; empty where this seat may not see it.
     */
    public Optional<Outcome> onTable() {
        return onTable;
    }

    /** Who put {@link #onTable()} there, where the protocol says. */
    public Optional<String> tabledBy() {
        return tabledBy;
    }

    /** Single-text: the current single negotiating text. */
    public Optional<Outcome> currentText() {
        return currentText;
    }

    /** Shuttle: the opening package. */
    public Optional<Outcome> opening() {
        return opening;
    }

    /** Zeuthen: the minimal concession this seat is told to make, when it is to move. */
    public Optional<Outcome> concession() {
        return concession;
    }

    /** Shuttle: the party in the meeting. */
    public Optional<String> counterpart() {
        return counterpart;
    }

    /** The package agreed, once the session ended with a deal. */
    public Optional<Outcome> agreement() {
        return agreement;
    }

    public String party() {
        return seat.party();
    }

    public List<Party> parties() {
        return seat.parties();
    }

    public List<Issue> issues() {
        return seat.issues();
    }

    public Profile profile() {
        return seat.profile();
    }

    /** This seat's own utility table. */
    public UtilityTable utilities() {
        return seat.utilities();
    }

    public ProtocolKind protocol() {
        return seat.protocol();
    }

    public SeatRole seatRole() {
        return seat.seatRole();
    }

    public SeatLog log() {
        return seat.log();
    }

    public double utility(Outcome o) {
        return seat.utilities().utility(o);
    }

    /** The share of the time gone, in [0, 1]. */
    public double time() {
        return Math.min(1.0, round / (double) deadline);
    }

    /** δ: what a deal is worth per round of delay, a deal in round t worth δ^t of its utility; 1 for none. */
    public double discount() {
        return seat.discount;
    }

    /**
     * The share of the time gone on the discount's clock: (1 − δ^round) / (1 − δ^deadline), the share already lost
     * of what delay to the deadline costs a deal. It runs ahead of {@link #time()} when δ &lt; 1 (the early rounds
     * cost most) and is {@link #time()} without a discount.
     */
    public double discountedTime() {
        double d = seat.discount;
        if (d >= 1) {
            return time();
        }
        return Math.min(1.0, (1 - Math.pow(d, round)) / (1 - Math.pow(d, deadline)));
    }

    public boolean ended() {
        return phase == Phase.ENDED;
    }

    /** The events this seat may see, oldest first. */
    public List<Event> events() {
        return seat.log().events();
    }

    /** The events this seat may see from number {@code after} + 1 on, each with its number in the session. */
    public List<NumberedEvent> numberedEvents(int after) {
        return seat.log().numbered(after);
    }
}
