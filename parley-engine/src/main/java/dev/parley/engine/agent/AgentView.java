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
 * client) cannot read them. Built by the session ({@link #of}), the one place views are made. Valid until the next
 * move: the event list behind {@link #log()} grows as the session goes on. What never changes for the seat is held
 * once, in its {@link Seat}, and shared by its views: a view a move is then a small object.
 *
 * @param seat what never changes for this seat: its party, the parties and issues, its profile, its table, the
 *        protocol, its role and its log
 * @param onTable the standing offer, the proposal being voted on, the deal to ratify, or (shuttle) the package
 *        presented in this seat's meeting; empty where this seat may not see it
 * @param currentText single-text: the current single negotiating text
 * @param opening shuttle: the opening package
 * @param concession zeuthen: the minimal concession this seat is told to make, when it is to move
 * @param counterpart shuttle: the party in the meeting
 * @param agreement the package agreed, once the session ended with a deal
 */
public record AgentView(Seat seat, Phase phase, int round, int deadline, List<String> toMove,
        Optional<Outcome> onTable, Optional<String> tabledBy, Optional<Outcome> currentText, Optional<Outcome> opening,
        Optional<Outcome> concession, Optional<String> counterpart, Optional<Outcome> agreement) {
    public AgentView {
        java.util.Objects.requireNonNull(seat, "seat");
        toMove = List.copyOf(toMove);
    }

    /**
     * What never changes for one seat of a session: made once by the session, shared by every view of the seat.
     *
     * @param utilities this seat's own utility table
     */
    public record Seat(String party, List<Party> parties, List<Issue> issues, Profile profile, UtilityTable utilities,
            ProtocolKind protocol, SeatRole seatRole, SeatLog log) {
        public Seat {
            parties = List.copyOf(parties);
            issues = List.copyOf(issues);
        }

        /** {@code party}'s seat under {@code protocol}, seeing {@code log}. */
        public static Seat of(String party, List<Party> parties, List<Issue> issues, Profile profile,
                UtilityTable utilities, Protocol protocol, SeatLog log) {
            return new Seat(party, parties, issues, profile, utilities, protocol.kind(), protocol.seatRole(party),
                    log);
        }
    }

    /** The view of {@code seat} now: what {@code protocol} lets it see of {@code state}. */
    public static AgentView of(Seat seat, Protocol protocol, Protocol.State state) {
        String party = seat.party();
        List<String> toMove = protocol.toMoveFor(state, party);
        Optional<Outcome> onTable = protocol.onTableFor(state, party);
        return new AgentView(seat, state.phase(), state.round(), state.deadline(), toMove, onTable, onTable
                .isPresent()
                        ? state.tabledBy()
                        : Optional.empty(),
                state.currentText(), state.opening(), toMove.contains(party)
                        ? state.concession()
                        : Optional.empty(),
                state.counterpart(), state.agreement());
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
