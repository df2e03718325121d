package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import java.util.Optional;

/**
 * What one seat may see when it is its turn: its own profile, the public parts of the scenario (parties, issues),
 * the clock, and what the protocol shows it. It holds no scenario and no other party's profile, so an agent cannot
 * read them. Valid for one call of {@link Agent#act}: the event list behind it grows as the session goes on.
 */
public final class AgentView {
    private final String party;
    private final List<Party> parties;
    private final List<Issue> issues;
    private final Profile profile;
    private final UtilityTable utilities;
    private final String protocol;
    private final String phase;
    private final int round;
    private final int deadline;
    private final Optional<Outcome> onTable;
    private final Optional<String> tabledBy;
    private final Optional<Outcome> text;
    private final Optional<String> counterpart;
    private final List<Event> events;
    private final java.util.function.Predicate<Event> visible;

    /**
     * @param events every event so far; the view shows only those {@code party} may see
     * @param visible which events {@code party} may see (the protocol decides)
     */
    public AgentView(String party, List<Party> parties, List<Issue> issues, Profile profile, UtilityTable utilities,
            String protocol, Protocol.State state, List<Event> events, java.util.function.Predicate<Event> visible) {
        this.party = party;
        this.parties = List.copyOf(parties);
        this.issues = List.copyOf(issues);
        this.profile = profile;
        this.utilities = utilities;
        this.protocol = protocol;
        this.phase = state.phase();
        this.round = state.round();
        this.deadline = state.deadline();
        this.onTable = state.onTable();
        this.tabledBy = state.tabledBy();
        this.text = state.text();
        this.counterpart = state.counterpart();
        this.events = java.util.Collections.unmodifiableList(events);
        this.visible = visible;
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

    public String protocol() {
        return protocol;
    }

    /** "offer", "propose", "vote" or "ratify". */
    public String phase() {
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

    /** The standing offer, the proposal being voted on, or the text being ratified. */
    public Optional<Outcome> onTable() {
        return onTable;
    }

    public Optional<String> tabledBy() {
        return tabledBy;
    }

    /** The current single text, in single-text. */
    public Optional<Outcome> text() {
        return text;
    }

    /** In shuttle: the party in the meeting. */
    public Optional<String> counterpart() {
        return counterpart;
    }

    /** The events this seat may see, oldest first (e.g. others' votes and private meetings are left out). */
    public List<Event> events() {
        return events.stream().filter(visible).toList();
    }

    /** The most recent events this seat may see, newest first, at most {@code n}. */
    public List<Event> recentEvents(int n) {
        var out = new java.util.ArrayList<Event>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            if (visible.test(events.get(i))) {
                out.add(events.get(i));
            }
        }
        return out;
    }

    /** The most recent offers made by others than this seat, newest first, at most {@code n}. */
    public List<Event.Offered> othersOffers(int n) {
        var out = new java.util.ArrayList<Event.Offered>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            if (events.get(i) instanceof Event.Offered o && !o.party().equals(party) && visible.test(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
