package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.Protocols;
import dev.parley.scenario.Format;
import dev.parley.scenario.MoveJson;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.store.Records;
import dev.parley.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live negotiations over the store. A seat is filled by an agent, which moves by itself whenever the protocol
 * reaches it, or by a person holding the seat's invite token (only its hash is stored). Every accepted move is
 * appended to the negotiation's log, and committed, before it is acknowledged and applied; a move the protocol
 * refuses changes nothing. After a restart a negotiation's state is rebuilt by replaying its log, the agents
 * re-deciding each of their moves, which must come out as logged. Thread-safe: one lock per negotiation.
 */
public final class Negotiations {
    /** What creating a negotiation gives back once: its id and the invite token of each person's seat. */
    public record Created(String id, Map<String, String> tokens) {
        public Created {
            tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        }
    }

    /**
     * What a seat sees now.
     *
     * @param events every event the seat may see, in order
     */
    public record Snapshot(String party, String protocol, String phase, int round, int deadline, List<String> toMove,
            Optional<Outcome> onTable, Optional<Outcome> text, Optional<String> counterpart, boolean begun,
            boolean ended, Optional<Outcome> agreement, java.util.Set<String> shared, List<Numbered> events) {
        public Snapshot {
            toMove = List.copyOf(toMove);
            shared = java.util.Set.copyOf(shared);
            events = List.copyOf(events);
        }
    }

    /** An event with its position in the negotiation's log (1 for the first): what a client resumes from. */
    public record Numbered(long seq, Event event) {
    }

    private record Subscription(String party, java.util.function.Consumer<List<Numbered>> sink) {
    }

    /** The kind of log event that holds a protocol move. */
    static final String MOVE = "move";
    /** The kind of log event by which a party shares its profile with the mediator. */
    static final String SHARE = "share";
    /** The kind of log event by which a party replaces its profile before the first move. */
    static final String PROFILE = "profile";

    private final Store store;
    private final ConcurrentHashMap<String, LiveNegotiation> live = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();

    public Negotiations(Store store) {
        this.store = store;
    }

    /**
     * Creates a negotiation and lets the agents make any moves that come before a person's.
     *
     * @param agents agent specs by party; every other participant's seat is a person's
     * @throws IllegalArgumentException for an unknown party or agent, or a protocol that cannot run here
     */
    public Created create(Scenario s, Protocols.Settings settings, Map<String, String> agents, long seed) {
        Protocol<?> protocol = Protocols.create(s, settings);
        for (String party : agents.keySet()) {
            if (!protocol.participants().contains(party)) {
                throw new IllegalArgumentException(party + " has no seat in " + protocol.name() + " (seats: "
                        + String.join(", ", protocol.participants()) + ")");
            }
        }
        agents.values().forEach(spec -> Agents.create(spec, new SplittableRandom(0))); // refuses unknown agents now
        var tokens = new LinkedHashMap<String, String>();
        var seats = new ArrayList<Records.Seat>();
        for (String party : protocol.participants()) {
            if (agents.containsKey(party)) {
                seats.add(new Records.Seat(party, Optional.of(agents.get(party)), Optional.empty()));
            } else {
                String token = Tokens.create();
                tokens.put(party, token);
                seats.add(new Records.Seat(party, Optional.empty(), Optional.of(Tokens.sha256(token))));
            }
        }
        String id = store.create(ScenarioWriter.write(s, Format.JSON), SettingsJson.write(s, settings, seed), seats);
        LiveNegotiation l = load(id);
        synchronized (l) {
            runAgents(id, l);
        }
        return new Created(id, tokens);
    }

    /** The seat a token opens. */
    public String seat(String id, String token) {
        LiveNegotiation l = load(id);
        String party = l.tokens.get(Tokens.sha256(token));
        if (party == null) {
            throw new AccessDenied("this token opens no seat of negotiation " + id);
        }
        return party;
    }

    /**
     * Makes a move for the seat the token opens, durably, then lets the agents move.
     *
     * @return the events since the move, as the seat may see them
     * @throws AccessDenied for a token that opens no seat
     * @throws ProtocolException for a move the protocol refuses now; nothing changes
     */
    public List<Event> move(String id, String token, Action action) {
        String party = seat(id, token);
        LiveNegotiation l = load(id);
        synchronized (l) {
            if (l.closed) {
                throw new ProtocolException("negotiation " + id + " is closed");
            }
            int before = l.events.size();
            apply(id, l, party, action);
            runAgents(id, l);
            return l.visible(party, before).stream().map(Numbered::event).toList();
        }
    }

    /** What the seat the token opens sees now. */
    public Snapshot view(String id, String token) {
        String party = seat(id, token);
        LiveNegotiation l = load(id);
        synchronized (l) {
            Protocol.State st = l.state;
            return new Snapshot(party, l.protocol.name(), st.phase(), st.round(), st.deadline(), l.protocol.toMove(st),
                    st.onTable(), st.text(), st.counterpart(), l.begun(), st.ended(), l.agreement(), l.shared,
                    l.visible(party,
                            0));
        }
    }

    /**
     * Sends the seat the token opens every event it may see after {@code after}, then each new one as it happens,
     * in order and numbered, until the returned handle is run. Backlog and registration happen under the
     * negotiation's lock, so nothing is missed or sent twice.
     */
    public Runnable subscribe(String id, String token, long after, java.util.function.Consumer<List<Numbered>> sink) {
        String party = seat(id, token);
        LiveNegotiation l = load(id);
        var subscription = new Subscription(party, sink);
        synchronized (l) {
            List<Numbered> backlog = l.visible(party, (int) Math.min(after, Integer.MAX_VALUE));
            if (!backlog.isEmpty()) {
                sink.accept(backlog);
            }
            subscribers.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(subscription);
        }
        return () -> subscribers.getOrDefault(id, List.of()).remove(subscription);
    }

    /**
     * Tells every subscriber of {@code id} the events from position {@code from} on that it may see, after every
     * move. The batch may be empty: the talks moved on without an event this seat may see (another party's secret
     * vote, the mediator calling the final vote), and a client shows whose turn it is now.
     */
    private void publish(String id, LiveNegotiation l, int from) {
        for (Subscription sub : subscribers.getOrDefault(id, List.of())) {
            try {
                sub.sink().accept(l.visible(sub.party(), from));
            } catch (RuntimeException e) {
                subscribers.getOrDefault(id, List.of()).remove(sub); // a broken connection stops listening
            }
        }
    }

    /**
     * Fills a seat that has not moved yet with an agent ({@code agent} present) or a person; returns the person's
     * new invite token. An agent whose turn it is moves at once.
     *
     * @throws ProtocolException when the seat has moved already
     * @throws IllegalArgumentException for a party without a seat, or an unknown agent
     */
    public Optional<String> switchSeat(String id, String party, Optional<String> agent) {
        LiveNegotiation l = load(id);
        synchronized (l) {
            if (!l.protocol.participants().contains(party)) {
                throw new IllegalArgumentException(party + " has no seat in negotiation " + id);
            }
            if (l.moved.contains(party)) {
                throw new ProtocolException(party + " has moved already: its seat can no longer change hands");
            }
            l.tokens.values().removeIf(party::equals);
            Optional<String> token = Optional.empty();
            if (agent.isPresent()) {
                l.agents.put(party, Agents.create(agent.get(), l.randomFor(party)));
                store.seat(id, new Records.Seat(party, agent, Optional.empty()));
            } else {
                token = Optional.of(Tokens.create());
                l.agents.remove(party);
                l.tokens.put(Tokens.sha256(token.get()), party);
                store.seat(id, new Records.Seat(party, Optional.empty(), Optional.of(Tokens.sha256(token.get()))));
            }
            runAgents(id, l);
            return token;
        }
    }

    /** Whether the talks have begun (a move was made, or the negotiation closed): profiles are then fixed. */
    public boolean begun(String id) {
        LiveNegotiation l = load(id);
        synchronized (l) {
            return l.begun();
        }
    }

    /** The negotiation's scenario (public parts and all profiles: for the server's own use, never sent whole). */
    public Scenario scenario(String id) {
        return load(id).scenario;
    }

    /** Closes a negotiation: no move is accepted after. */
    public void close(String id) {
        LiveNegotiation l = load(id);
        synchronized (l) {
            store.status(id, "closed");
            l.closed = true;
        }
    }

    /**
     * The seat the token opens shares its party's profile with the mediator, for the analytics that need every
     * profile. Durable (an event of the log) and final: a profile once shown cannot be unseen. Sharing again changes
     * nothing.
     *
     * @return the parties that have shared so far
     */
    public java.util.Set<String> share(String id, String token) {
        return shareFor(id, seat(id, token));
    }

    /**
     * Shares a party's profile with the mediator on the organiser's word (for seats an agent fills, which hold no
     * token), as {@link #share} does for a person.
     *
     * @throws IllegalArgumentException for the mediator or a party not in the scenario
     */
    public java.util.Set<String> shareFor(String id, String party) {
        LiveNegotiation l = load(id);
        synchronized (l) {
            checkCanShare(l.scenario, party);
            if (l.shared.add(party)) {
                store.append(id, SHARE, Optional.of(party), json(Map.of("shared", true)));
            }
            return java.util.Set.copyOf(l.shared);
        }
    }

    /** What the mediator's console draws: the analysis and every event so far. */
    public record Overview(String protocol, Analysis analysis, List<Event> events) {
    }

    /**
     * The analysis of the whole scenario (zone, frontier, fair packages) and the whole log, for the mediator's seat
     * only, once every other party whose consent the zone needs has shared its profile. With every profile in hand
     * the mediator could work out every utility and position itself; the console saves it the arithmetic.
     *
     * @throws AccessDenied for any other seat, or while a party has not shared
     */
    public Overview overview(String id, String token) {
        String party = seat(id, token);
        LiveNegotiation l = load(id);
        synchronized (l) {
            if (mediator(l.scenario).filter(party::equals).isEmpty()) {
                throw new AccessDenied("only the mediator's seat sees the analysis of every profile");
            }
            List<String> missing = l.scenario.ratifyingParties().stream().map(Party::id)
                    .filter(p -> !p.equals(party) && !l.shared.contains(p)).toList();
            if (!missing.isEmpty()) {
                throw new AccessDenied("the analysis needs every profile: " + String.join(", ", missing)
                        + (missing.size() == 1 ? " has" : " have") + " not shared theirs with the mediator");
            }
            if (l.analysis == null) {
                l.analysis = Analyzer.analyze(l.scenario, AnalysisOptions.defaults());
            }
            return new Overview(l.protocol.name(), l.analysis, List.copyOf(l.events));
        }
    }

    /**
     * Replaces the profile of the seat the token opens, before the first move of the talks: durable (an event of the
     * log) and validated as a parley/1 profile. The talks start over with it, so an opening that depends on the
     * profiles is worked out again; every seat is told.
     *
     * @throws ProtocolException once the talks have begun
     * @throws dev.parley.scenario.ScenarioException naming what is wrong with the profile
     */
    public void editProfile(String id, String token, JsonNode profile) {
        String party = seat(id, token);
        LiveNegotiation l = load(id);
        synchronized (l) {
            if (l.begun()) {
                throw new ProtocolException("the talks have begun: a profile can change only before the first move");
            }
            Scenario changed = LiveNegotiation.withProfile(l.scenario, party, profile);
            store.append(id, PROFILE, Optional.of(party), json(profile));
            Protocols.Settings settings = SettingsJson.read(changed,
                    LiveNegotiation.parse(store.negotiation(id).orElseThrow()
                            .protocolJson()));
            l.restart(changed, Protocols.create(changed, settings));
            publish(id, l, l.events.size());
        }
    }

    /** @throws IllegalArgumentException unless {@code party} is a party of {@code s} other than its mediator */
    public static void checkCanShare(Scenario s, String party) {
        if (s.parties().stream().noneMatch(p -> p.id().equals(party))) {
            throw new IllegalArgumentException("shared: " + party + " is not a party of " + s.id());
        }
        if (mediator(s).filter(party::equals).isPresent()) {
            throw new IllegalArgumentException(party + " is the mediator: it has no one to share with");
        }
    }

    private static Optional<String> mediator(Scenario s) {
        return s.parties().stream().filter(p -> p.role() == Role.MEDIATOR).map(Party::id).findFirst();
    }

    /** Forgets the in-memory state (as a restart would); the next access rebuilds it from the store. */
    void evict(String id) {
        live.remove(id);
    }

    private LiveNegotiation load(String id) {
        return live.computeIfAbsent(id, this::rebuild);
    }

    private LiveNegotiation rebuild(String id) {
        LiveNegotiation l = LiveNegotiation.replay(store, id);
        runAgents(id, l); // moves due before a stop (a person moved, the agents had not answered yet)
        return l;
    }

    /** Validates, persists, applies, then publishes one move. */
    private void apply(String id, LiveNegotiation l, String party, Action action) {
        Protocol.Transition<Protocol.State> t = l.protocol.next(l.state, party, action); // refuses illegal moves
        var payload = new LinkedHashMap<String, Object>();
        payload.put("action", MoveJson.action(action, l.scenario.issues()));
        payload.put("events", t.events().stream().map(e -> MoveJson.event(e, l.scenario.issues())).toList());
        store.append(id, MOVE, Optional.of(party), json(payload));
        int from = l.events.size();
        l.applyMove(party, t);
        publish(id, l, from);
    }

    private void runAgents(String id, LiveNegotiation l) {
        while (!l.state.ended()) {
            String next = l.protocol.toMove(l.state).get(0);
            Agent agent = l.agents.get(next);
            if (agent == null) {
                return; // a person's turn
            }
            apply(id, l, next, agent.act(l.agentView(next)));
        }
    }

    private static String json(Object tree) {
        try {
            return MoveJson.JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
