package dev.parley.server;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Journal;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SeatView;
import dev.parley.store.Records;
import dev.parley.store.Store;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One served negotiation in memory: its session, who sits in each seat, who has shared its profile, and who listens.
 * Every operation takes the negotiation's own lock; nothing outside touches its state. Each move is recorded in the
 * store's log, and committed, before it takes effect. Heavy work runs outside the lock: the analysis of every
 * profile, and each agent's decision (its move is then made under the lock); live events are only queued under it
 * (each subscriber sends from its own thread). Once
 * {@link #retire retired} (evicted from memory), an instance refuses every operation with {@link Retired}, and its
 * owner loads the negotiation afresh. Thread-safe.
 */
final class LiveNegotiation {

    private final ReentrantLock lock = new ReentrantLock();
    private final String id;
    private final Store store;
    private final Settings requested;
    private final long seed;
    private final Map<String, String> agentSpecs = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    /** The seat each token hash opens. */
    private final Invites invites;
    /** What the store holds: open, agreed, no-agreement or closed. */
    private String status = OPEN;
    /** The parties that have made a move: their seats can no longer change hands. */
    private final Set<String> moved = new LinkedHashSet<>();
    /** Who has shared its profile with the mediator. */
    private final Shares shared;
    private final Audience audience = new Audience();
    /** Taken by an agent run, before the lock and never while holding it: one run at a time decides. */
    private final ReentrantLock agentTurns = new ReentrantLock();
    private Scenario scenario;
    private Session session;
    private boolean closed;
    /** Set by {@link #close} before it waits for the lock: an agent run in progress stops at its next move. */
    private volatile boolean closing;
    private boolean retired;
    private final AnalysisMemo analysis;
    private final SeatBounds bounds;
    private final LogJournal log;

    /** The statuses a negotiation has in the store. */
    static final String OPEN = "open";
    static final String AGREED = "agreed";
    static final String NO_AGREEMENT = "no-agreement";
    static final String CLOSED = "closed";

    LiveNegotiation(String id, Store store, Scenario scenario, Settings settings, long seed,
            List<Records.Seat> seats, Limits limits, Optional<String> organiserHash) {
        this.id = id;
        this.invites = new Invites(organiserHash);
        this.bounds = new SeatBounds(limits);
        this.log = new LogJournal(id, store, bounds, () -> closing);
        this.analysis = new AnalysisMemo(limits.analysisBudget());
        this.store = store;
        this.requested = settings;
        this.shared = new Shares(settings.mediator());
        this.seed = seed;
        Session first = new Session(scenario, settings.create(scenario));
        for (Records.Seat seat : seats) {
            seat.tokenHash().ifPresent(h -> invites.give(seat.party(), h));
            seat.agent().ifPresent(spec -> agentSpecs.put(seat.party(), NegotiationLog.legacySeat(first.protocol(),
                    seat.party(), spec)));
        }
        install(scenario, first, Seating.agents(first.protocol(), agentSpecs, seed, "agents"));
    }

    /** Starts the talks (over) on {@code s}: the opening follows its profiles. */
    private void install(Scenario s, Session fresh, Map<String, Agent> seated) {
        this.scenario = s;
        this.session = fresh;
        agents.clear();
        agents.putAll(seated);
        analysis.reset();
    }

    /** Rebuilding, before anyone else sees the instance: the status the store holds (closed: no move after). */
    void restoreStatus(String stored) {
        status = stored;
        closed = stored.equals(CLOSED);
    }

    /**
     * Rebuilding: an entry of the log other than a move: a share, a profile change (already applied to the
     * scenario), a refused move kept, or the store's record that the seat went to a person (who shares for
     * themselves).
     */
    void restore(String kind, String party) {
        switch (kind) {
            case NegotiationLog.SHARE -> shared.add(party);
            case NegotiationLog.PROFILE -> bounds.profileEdited(party);
            case NegotiationLog.REFUSED -> bounds.refusalKept();
            case NegotiationLog.JOINED -> invites.markJoined(party);
            case NegotiationLog.REISSUED -> invites.unjoin(party); // the same person's seat, with a new invite
            default -> { // the seat went to a person
                shared.remove(party);
                invites.unjoin(party);
            }
        }
        if (kind.equals(NegotiationLog.SHARE) || kind.equals(NegotiationLog.PROFILE) || kind.equals(
                NegotiationLog.JOINED) || kind.equals(NegotiationLog.REISSUED)) { // as they were counted when made
            bounds.entry();
        }
    }

    /** Rebuilding: a move of the log, made again (an agent's decided again, and it must decide the same). */
    void restoreMove(String party, Action action) {
        session.replayMove(party, action, agents.get(party));
        moved.add(party);
        bounds.entry();
        bounds.moved(party, action);
    }

    /** Rebuilding done: the agents make any moves that were due when the server stopped. */
    void settle() {
        audience.settled(session.state().phase()); // a vote after a reload, within a ballot, still tells nothing
        lockedRun(this::recordEnd); // the talks may have ended just before the server stopped
        runAgents();
    }

    /**
     * Once the talks have ended, the store's status says how (agreed or no-agreement), so that a list of the
     * negotiations tells the truth. Recorded after the move that ended them; a failure to record is retried after
     * the next load (the move itself is durable already).
     */
    private void recordEnd() {
        if (session.ended() && status.equals(OPEN)) {
            String ended = session.agreement().isPresent() ? AGREED : NO_AGREEMENT;
            try {
                store.status(id, ended);
                status = ended;
            } catch (dev.parley.store.StoreException e) {
                java.util.logging.Logger.getLogger(LiveNegotiation.class.getName()).warning("negotiation " + id
                        + " ended, but its status could not be recorded (it will be on its next load): " + e
                                .getMessage());
            }
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            if (retired) {
                throw new Retired();
            }
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void lockedRun(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The seat a token opens.
     *
     * @throws AccessDenied for a token that opens none
     */
    String seat(String token) {
        return locked(() -> {
            String party = invites.seatOf(token).orElseThrow(() -> new AccessDenied("this token opens no seat of "
                    + "negotiation " + id));
            if (!invites.joined(party)) {
                recordJoined(party);
            }
            return party;
        });
    }

    /** The first use of a seat's current invite: a log entry, so the organiser sees who has come. */
    private void recordJoined(String party) {
        try {
            bounds.beforeEntry();
        } catch (Conflict full) {
            return; // a full log still opens the seat; it goes unrecorded
        }
        store.append(id, NegotiationLog.JOINED, Optional.of(party), "{}");
        bounds.entry();
        invites.markJoined(party);
    }

    /**
     * The seat a token may <em>read</em>: its own, or for the organiser's token the mediator's, to watch the talks
     * as the mediator sees them (it can make no move: moves ask {@link #seat}).
     *
     * @throws AccessDenied for a token that opens no seat, or the organiser's where the protocol has no mediator
     */
    String reader(String token) {
        if (isOrganiser(token)) {
            return requested.mediator().filter(m -> requested.kind().needsMediator()).orElseThrow(
                    () -> new AccessDenied("a " + requested.kind().id() + " negotiation has no mediator's view to "
                            + "watch; open a seat's invite"));
        }
        return seat(token);
    }

    /** Whether the token is the organiser's. */
    boolean isOrganiser(String token) {
        return invites.isOrganiser(token);
    }

    /**
     * Makes the move of the seat the token opens, durably, then lets the agents move.
     *
     * @return the events since the move that the seat may see
     * @throws AccessDenied for a token that opens no seat (the organiser's included: it watches, never moves)
     * @throws Conflict when the negotiation is closed
     * @throws dev.parley.engine.protocol.ProtocolException for a move the protocol refuses; nothing changes
     */
    List<NumberedEvent> move(String token, Action action) {
        record Made(String party, int before) {
        }
        Made made = locked(() -> {
            String party = seat(token); // under the same lock as the move: an invite issued again is never raced
            if (closed) {
                throw new Conflict("negotiation " + id + " is closed");
            }
            int from = session.events().size();
            bounds.beforeMove(party, action);
            try {
                apply(party, action);
            } catch (dev.parley.engine.protocol.ProtocolException e) {
                log.refused(party, action, e, scenario.issues());
                throw e;
            }
            return new Made(party, from);
        });
        try {
            runAgents();
        } catch (Closing c) {
            // the seat's own move is committed: it is answered as such; the agents stopped for the close
        }
        return locked(() -> session.visible(made.party(), made.before()));
    }

    /** Validates, persists, applies, then publishes one move. */
    private void apply(String party, Action action) {
        int from = session.events().size();
        session.move(party, action, journal());
        moved.add(party);
        publish(from);
    }

    /**
     * Lets the agents move while it is an agent's turn. Each agent decides off the negotiation's lock (a slow agent
     * holds up no view, no close, no other seat); its move is then made under the lock, if its party is still to
     * move. One run at a time: an agent is never asked to decide twice at once.
     */
    private void runAgents() {
        agentTurns.lock();
        try {
            while (true) {
                Optional<Session.AgentTurn> turn = locked(() -> {
                    if (closing) {
                        throw new Closing(id);
                    }
                    return closed ? Optional.<Session.AgentTurn>empty() : session.agentTurn(agents);
                });
                if (turn.isEmpty()) {
                    return;
                }
                Action action = turn.get().agent().act(turn.get().view());
                lockedRun(() -> {
                    if (agents.get(turn.get().party()) != turn.get().agent()) {
                        return; // the seat changed hands, or the talks started over: the next turn decides afresh
                    }
                    int from = session.events().size();
                    session.agentMove(turn.get(), action, journal()).ifPresent(m -> {
                        moved.add(m.party());
                        publish(from);
                    });
                });
            }
        } finally {
            agentTurns.unlock();
        }
    }

    private Journal journal() {
        return log.moves(scenario.issues());
    }

    private void publish(int from) {
        recordEnd();
        audience.publish(session, from);
    }

    SeatView view(String party) {
        return locked(() -> SeatView.of(session.view(party), requested.mediator(), begun(), shared
                .parties(), shared.awaiting(scenario)));
    }

    /**
     * Sends the seat the token reads ({@link #reader}) every event it may see after number {@code after}, then each new
     * batch as it happens, in order, until the returned handle is run. Backlog and registration happen under the
     * lock, so nothing is missed or sent twice. The organiser's connections are bounded apart from the seat's own.
     */
    Runnable subscribe(String token, long after, Consumer<List<NumberedEvent>> sink, Runnable onDrop) {
        return locked(() -> {
            String party = reader(token);
            boolean watcher = isOrganiser(token);
            bounds.beforeSubscribe(watcher ? audience.watchers() : audience.of(party));
            return audience.join(party, watcher, session.visible(party, (int) Math.min(after, Integer.MAX_VALUE)),
                    sink, onDrop);
        });
    }

    /**
     * Fills a seat that has not moved yet with an agent ({@code agent} present) or a person; returns the person's
     * new invite token. An agent whose turn it is moves at once.
     */
    Optional<String> switchSeat(String party, Optional<String> agent) {
        Optional<String> given = locked(() -> {
            Seating.requireSeat(session.protocol(), party, "party");
            if (closed) {
                throw new Conflict("negotiation " + id + " is closed");
            }
            if (moved.contains(party)) {
                throw new Conflict(party + " has moved already: its seat can no longer change hands");
            }
            Optional<String> token = Optional.empty();
            if (agent.isPresent()) {
                Agent a = Seating.agent(session.protocol(), party, agent.get(), seed, "agent");
                store.seat(id, new Records.Seat(party, agent, Optional.empty()));
                invites.take(party); // the old invite stops working at once
                agentSpecs.put(party, agent.get());
                agents.put(party, a);
            } else {
                token = Optional.of(Tokens.create());
                store.seat(id, new Records.Seat(party, Optional.empty(), Optional.of(Tokens.sha256(token.get()))));
                invites.give(party, Tokens.sha256(token.get()));
                agentSpecs.remove(party);
                agents.remove(party);
                shared.remove(party); // an organiser's share was for the agent; the person shares for themselves
            }
            audience.drop(party); // whoever held the seat before listens no more
            return token;
        });
        runAgents();
        return given;
    }

    /** Whether the talks have begun (a move was made, or the negotiation closed): profiles are then fixed. */
    boolean begun() {
        return locked(() -> closed || !moved.isEmpty());
    }

    /** The scenario with every profile: for the server's own use, never sent whole. */
    Scenario scenario() {
        return locked(() -> scenario);
    }

    /**
     * Closes the negotiation: no move is accepted after. Talks that have ended keep the status that says how.
     *
     * @return the status now
     */
    String close() {
        closing = true; // an agent run holding the lock stops at its next move
        return locked(() -> {
            recordEnd(); // talks that ended keep how they ended, even if that was not yet recorded
            if (status.equals(OPEN)) {
                store.status(id, CLOSED);
                status = CLOSED;
            }
            closed = true;
            return status;
        });
    }

    /**
     * Gives a person's seat a new invite: the old token stops working at once (its live connections close), and
     * the store's record of it is audited. Whatever the seat has shared stays shared: it is the same delegation.
     *
     * @return the new token
     * @throws Conflict for a seat an agent fills
     */
    String reissue(String party) {
        return locked(() -> {
            Seating.requireSeat(session.protocol(), party, "party");
            if (agents.containsKey(party)) {
                throw new Conflict(party + "'s seat is an agent's: it has no invite");
            }
            bounds.beforeEntry();
            String token = Tokens.create();
            store.reissue(id, party, Tokens.sha256(token));
            bounds.entry();
            invites.give(party, Tokens.sha256(token));
            audience.drop(party);
            return token;
        });
    }

    /**
     * {@code party} shares its profile with the mediator: durable (a log entry) and final. Sharing again changes
     * nothing.
     *
     * @return the parties that have shared so far
     */
    Set<String> share(String party) {
        return locked(() -> {
            Negotiations.checkCanShare(scenario, requested.mediator(), party);
            if (!shared.contains(party)) {
                bounds.beforeEntry();
                store.append(id, NegotiationLog.SHARE, Optional.of(party), Json.write(Map.of("shared", true)));
                bounds.entry();
                shared.add(party);
                publish(session.events().size()); // every seat is told: the mediator's console may now draw more
            }
            return shared.parties();
        });
    }

    /**
     * What the mediator's console draws from, for the mediator's seat only, once every other party whose consent the
     * zone needs has shared its profile: taken under the lock, the analysis then worked out (once) outside it.
     *
     * @throws AccessDenied for any other seat, or while a party has not shared
     */
    /** The package agreed, once the talks ended in one: issue id to option id, in the scenario's order. */
    Optional<Map<String, String>> agreement() {
        return locked(() -> session.agreement().map(o -> o.toMap(scenario.issues())));
    }

    Negotiations.Overview overview(String party) {
        record Taken(ProtocolKind kind, Scenario scenario, List<Event> events) {
        }
        Taken t = locked(() -> {
            shared.requireEvery(party, scenario);
            return new Taken(session.protocol().kind(), scenario, List.copyOf(session.events()));
        });
        return new Negotiations.Overview(t.kind(), analysis.of(t.scenario()), t.events());
    }

    /**
     * What a forecast of these talks starts from: the scenario as it stands (profiles edited included, with what
     * is not known of each) and the settings asked for; for the mediator once every profile is shared.
     */
    Negotiations.ForecastInput forecastInput(String party) {
        return locked(() -> {
            shared.requireEvery(party, scenario);
            return new Negotiations.ForecastInput(scenario, requested);
        });
    }

    /**
     * Replaces {@code party}'s profile before the first move of the talks: validated as a parley/1 profile, then
     * durable (a log entry). The talks start over with it; every seat is told.
     *
     * @param profileJson the profile's JSON text, as the party sent it
     * @throws Conflict once the talks have begun
     * @throws dev.parley.scenario.ScenarioException naming what is wrong with the profile
     */
    void editProfile(String party, String profileJson) {
        lockedRun(() -> {
            if (closed || !moved.isEmpty()) {
                throw new Conflict("the talks have begun: a profile can change only before the first move");
            }
            bounds.beforeProfileEdit(party);
            Profile profile = ScenarioReader.readProfile(scenario, party, profileJson);
            Scenario changed = scenario.withProfile(party, profile);
            // The protocol must still run on the changed scenario: built before anything is stored.
            Session fresh = new Session(changed, requested.create(changed));
            Map<String, Agent> seated = Seating.agents(fresh.protocol(), agentSpecs, seed, "agents");
            store.append(id, NegotiationLog.PROFILE, Optional.of(party),
                    Json.write(ScenarioWriter.profile(changed.issues(),
                            profile)));
            bounds.profileEdited(party);
            bounds.entry();
            install(changed, fresh, seated);
            publish(session.events().size());
        });
    }

    /** Takes the instance out of service, unless someone listens; true when retired. */
    boolean retire() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            retired = audience.isEmpty();
            return retired;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the instance out of service even if someone listens (their connections stop receiving). */
    void retireNow() {
        lock.lock();
        try {
            retired = true;
            audience.dropAll();
        } finally {
            lock.unlock();
        }
    }
}
