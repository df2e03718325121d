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
 * move: the event list behind {@link #log()} grows as the session goes on.
 *
 * @param utilities this seat's own utility table
 * @param onTable the standing offer, the proposal being voted on, the deal to ratify, or (shuttle) the package
 *        presented in this seat's meeting; empty where this seat may not see it
 * @param currentText single-text: the current single negotiating text
 * @param opening shuttle: the opening package
 * @param concession zeuthen: the minimal concession this seat is told to make, when it is to move
 * @param counterpart shuttle: the party in the meeting
 * @param agreement the package agreed, once the session ended with a deal
 */
public record AgentView(String party, List<Party> parties, List<Issue> issues, Profile profile,
        UtilityTable utilities, ProtocolKind protocol, SeatRole seatRole, Phase phase, int round, int deadline,
        List<String> toMove, Optional<Outcome> onTable, Optional<String> tabledBy, Optional<Outcome> currentText,
        Optional<Outcome> opening, Optional<Outcome> concession, Optional<String> counterpart,
        Optional<Outcome> agreement, SeatLog log) {
    public AgentView {
        parties = List.copyOf(parties);
        issues = List.copyOf(issues);
        toMove = List.copyOf(toMove);
    }

    /**
     * The view of {@code party}'s seat.
     *
     * @param state the protocol's state, of which the view keeps only what this seat may see
     * @param events every event so far; the view shows only those {@code party} may see
     */
    public static AgentView of(String party, List<Party> parties, List<Issue> issues, Profile profile,
            UtilityTable utilities, Protocol protocol, Protocol.State state, List<Event> events) {
        return of(party, parties, issues, profile, utilities, protocol, state, SeatLog.of(party, events, protocol));
    }

    /** As {@link #of(String, List, List, Profile, UtilityTable, Protocol, Protocol.State, List)}, over its log. */
    public static AgentView of(String party, List<Party> parties, List<Issue> issues, Profile profile,
            UtilityTable utilities, Protocol protocol, Protocol.State state, SeatLog log) {
        List<String> toMove = protocol.toMoveFor(state, party);
        Optional<Outcome> onTable = protocol.onTableFor(state, party);
        return new AgentView(party, parties, issues, profile, utilities, protocol.kind(), protocol.seatRole(party),
                state.phase(), state.round(), state.deadline(), toMove, onTable, onTable.isPresent()
                        ? state.tabledBy()
                        : Optional.empty(),
                state.currentText(), state.opening(), toMove.contains(party)
                        ? state.concession()
                        : Optional.empty(),
                state.counterpart(), state.agreement(), log);
    }

    public double utility(Outcome o) {
        return utilities.utility(o);
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
        return log.events();
    }

    /** The events this seat may see from number {@code after} + 1 on, each with its number in the session. */
    public List<NumberedEvent> numberedEvents(int after) {
        return log.numbered(after);
    }
}
