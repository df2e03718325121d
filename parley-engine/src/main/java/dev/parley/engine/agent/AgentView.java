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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one seat sees: its own profile, the public parts of the scenario (parties, issues), the clock, and what the
 * protocol shows it. It holds no scenario, no other party's profile and no protocol state, so an agent (or a person's
 * client) cannot read them. Built by the session, the one place views are made. Valid until the next move: the event
 * list behind it grows as the session goes on.
 */
public final class AgentView {
    private final String party;
    private final List<Party> parties;
    private final List<Issue> issues;
    private final Profile profile;
    private final UtilityTable utilities;
    private final ProtocolKind protocol;
    private final SeatRole seatRole;
    private final Phase phase;
    private final int round;
    private final int deadline;
    private final List<String> toMove;
    private final Optional<Outcome> onTable;
    private final Optional<String> tabledBy;
    private final Optional<Outcome> currentText;
    private final Optional<Outcome> opening;
    private final Optional<Outcome> concession;
    private final Optional<String> counterpart;
    private final Optional<Outcome> agreement;
    private final List<Event> events;
    private final java.util.function.Predicate<Event> visible;

    /**
     * @param state the protocol's state, of which the view keeps only what this seat may see
     * @param events every event so far; the view shows only those {@code party} may see
     */
    public AgentView(String party, List<Party> parties, List<Issue> issues, Profile profile, UtilityTable utilities,
            Protocol protocol, Protocol.State state, List<Event> events) {
        this.party = party;
        this.parties = List.copyOf(parties);
        this.issues = List.copyOf(issues);
        this.profile = profile;
        this.utilities = utilities;
        this.protocol = protocol.kind();
        this.seatRole = protocol.seatRole(party);
        this.phase = state.phase();
        this.round = state.round();
        this.deadline = state.deadline();
        this.toMove = protocol.toMove(state);
        this.onTable = protocol.onTableFor(state, party);
        this.tabledBy = onTable.isPresent() ? state.tabledBy() : Optional.empty();
        this.currentText = state.currentText();
        this.opening = state.opening();
        this.concession = toMove.contains(party) ? state.concession() : Optional.empty();
        this.counterpart = state.counterpart();
        this.agreement = state.agreement();
        this.events = java.util.Collections.unmodifiableList(events);
        this.visible = e -> protocol.visibleTo(e, party);
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

    /** This seat's own profile. */
    public Profile profile() {
        return profile;
    }

    /** This seat's own utility table. */
    public UtilityTable utilities() {
        return utilities;
    }

    public double utility(Outcome o) {
        return utilities.utility(o.toArray());
    }

    public ProtocolKind protocol() {
        return protocol;
    }

    /** What this seat does in the protocol. */
    public SeatRole seatRole() {
        return seatRole;
    }

    public Phase phase() {
        return phase;
    }

    public int round() {
        return round;
    }

    public int deadline() {
        return deadline;
    }

    /** The share of the time gone, in [0, 1]. */
    public double time() {
        return Math.min(1.0, round / (double) deadline);
    }

    /** Who may act now, in the order they are asked; empty once ended. */
    public List<String> toMove() {
        return toMove;
    }

    public boolean ended() {
        return phase == Phase.ENDED;
    }

    /**
     * The standing offer, the proposal being voted on, the deal to ratify, or (shuttle) the package presented in
     * this seat's meeting; empty where this seat may not see it.
     */
    public Optional<Outcome> onTable() {
        return onTable;
    }

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

    /** The events this seat may see, oldest first (e.g. others' votes and private meetings are left out). */
    public List<Event> events() {
        return events.stream().filter(visible).toList();
    }

    /** The events this seat may see from number {@code after} + 1 on, each with its number in the session. */
    public List<NumberedEvent> numberedEvents(int after) {
        var out = new ArrayList<NumberedEvent>();
        for (int i = Math.max(0, after); i < events.size(); i++) {
            if (visible.test(events.get(i))) {
                out.add(new NumberedEvent(i + 1, events.get(i)));
            }
        }
        return out;
    }

    /** The most recent events this seat may see, newest first, at most {@code n}, each with its number. */
    public List<NumberedEvent> recentEvents(int n) {
        var out = new ArrayList<NumberedEvent>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            if (visible.test(events.get(i))) {
                out.add(new NumberedEvent(i + 1, events.get(i)));
            }
        }
        return out;
    }

    /** The most recent offers made by others than this seat, newest first, at most {@code n}. */
    public List<Event.Offered> othersOffers(int n) {
        var out = new ArrayList<Event.Offered>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            if (events.get(i) instanceof Event.Offered o && !o.party().equals(party) && visible.test(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
