package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.session.Seating;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SeatView;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.store.Records;
import dev.parley.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The served negotiations over the store. A seat is filled by an agent, which moves by itself whenever the protocol
 * reaches it, or by a person holding the seat's invite token (only its hash is stored). Each negotiation lives in
 * memory as a {@link LiveNegotiation}, loaded from its log on first use; at most {@link #maxLive} are kept, the least
 * recently used idle ones (nobody listening) evicted and rebuilt on demand. Thread-safe.
 */
public final class Negotiations {
    /** The default number of negotiations kept in memory. */
    public static final int DEFAULT_MAX_LIVE = 1_000;

    /** What creating a negotiation gives back once: its id and the invite token of each person's seat. */
    public record Created(String id, Map<String, String> tokens) {
        public Created {
            tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        }
    }

    /** What the mediator's console draws: the protocol, the analysis of every profile and every event so far. */
    public record Overview(ProtocolKind protocol, Analysis analysis, List<Event> events) {
        public Overview {
            events = List.copyOf(events);
        }
    }

    /** What a forecast of a negotiation starts from: its scenario as it stands and its settings. */
    public record ForecastInput(Scenario scenario, Settings settings) {
    }

    private final Store store;
    private final int maxLive;
    private final Limits limits;
    /** The organiser token's hash, if the server has one: it may watch any mediator's view. */
    private final Optional<String> organiserHash;
    /** The negotiations in memory, least recently used first. Guarded by itself. */
    private final LinkedHashMap<String, LiveNegotiation> live = new LinkedHashMap<>(64, 0.75f, true);
    /** The gate of each negotiation being loaded now. */
    private final java.util.concurrent.ConcurrentHashMap<String, Object> loading = new java.util.concurrent.ConcurrentHashMap<>();

    public Negotiations(Store store) {
        this(store, DEFAULT_MAX_LIVE, Limits.DEFAULTS, Optional.empty());
    }

    /** @param organiserHash the organiser token's hash, which may watch every mediator's view; empty for none */
    public Negotiations(Store store, int maxLive, Limits limits, Optional<String> organiserHash) {
        if (maxLive < 1) {
            throw new IllegalArgumentException("keep at least one negotiation in memory");
        }
        this.store = store;
        this.maxLive = maxLive;
        this.limits = limits;
        this.organiserHash = organiserHash;
    }

    Limits limits() {
        return limits;
    }

    /**
     * Creates a negotiation and lets the agents make any moves that come before a person's.
     *
     * @param agents agent specs by party; every other participant's seat is a person's
     * @throws dev.parley.engine.InvalidInput for an unknown party or agent, or a protocol that cannot run here;
     *         nothing is stored
     */
    public Created create(Scenario s, Settings requested, Map<String, String> agents, long seed) {
        return create(s, requested, agents, seed, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #create(Scenario, Settings, Map, long)}, for one group of a class.
     *
     * @param group 1, 2, ... within {@code className}
     */
    Created create(Scenario s, Settings requested, Map<String, String> agents, long seed, Optional<String> className,
            Optional<Integer> group) {
        // A mediator's text opens from public facts unless the organiser gives it: the default of a simulation
        // avoids every red line, and any party could read the others' from it (and from how it followed its edits).
        Settings settings = requested.kind().needsMediator() && requested.opening().isEmpty()
                ? requested.withOpening(Optional.of(dev.parley.engine.protocol.SingleText.publicOpening(s)))
                : requested;
        if (settings.rounds() > limits.maxRounds()) {
            throw new dev.parley.engine.InvalidInput("rounds", "rounds: " + settings.rounds() + " is more than the "
                    + limits.maxRounds() + " a served negotiation may have");
        }
        Protocol protocol = settings.create(s);
        Seating.agents(protocol, agents, seed, "agents"); // refuses unknown parties and agents before storing
        protocol.start(); // a protocol that cannot start here (zeuthen without a frontier) is refused before storing
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
        String id = store.create(Json.write(ScenarioWriter.tree(s)), Json.write(StoredSettings.write(settings, s, seed,
                className, group)), seats);
        with(id, l -> l); // loads it: the agents make their first moves
        return new Created(id, tokens);
    }

    /** Runs {@code work} on the negotiation in memory, loading it first if needed (again, if it was evicted). */
    private <T> T with(String id, Function<LiveNegotiation, T> work) {
        while (true) {
            LiveNegotiation l = load(id);
            try {
                return work.apply(l);
            } catch (Retired e) {
                // evicted meanwhile: load it again
            }
        }
    }

    private LiveNegotiation load(String id) {
        LiveNegotiation l = cached(id);
        if (l != null) {
            return l;
        }
        // One loader per negotiation: a load replays the log and lets due agents move, which appends to the store;
        // two at once would append the same moves twice. Other negotiations load meanwhile.
        Object gate = loading.computeIfAbsent(id, k -> new Object());
        try {
            synchronized (gate) {
                l = cached(id);
                if (l != null) {
                    return l;
                }
                LiveNegotiation fresh = NegotiationLog.load(store, id, limits, organiserHash);
                synchronized (live) {
                    live.put(id, fresh);
                    evictIdle(id);
                }
                return fresh;
            }
        } finally {
            loading.remove(id, gate);
        }
    }

    private LiveNegotiation cached(String id) {
        synchronized (live) {
            return live.get(id);
        }
    }

    /**
     * Evicts the least recently used idle negotiations, never {@code keep} (the one just loaded), while more than
     * {@link #maxLive} are in memory.
     */
    private void evictIdle(String keep) {
        var it = live.entrySet().iterator();
        while (live.size() > maxLive && it.hasNext()) {
            var e = it.next();
            if (!e.getKey().equals(keep) && e.getValue().retire()) {
                it.remove();
            }
        }
    }

    /** How many negotiations are in memory now. */
    int inMemory() {
        synchronized (live) {
            return live.size();
        }
    }

    /** The package the negotiation agreed, once it ended in one. */
    public Optional<Map<String, String>> agreement(String id) {
        return with(id, LiveNegotiation::agreement);
    }

    /** The seat a token opens; {@link AccessDenied} for a token that opens none. */
    public String seat(String id, String token) {
        return with(id, l -> l.seat(token));
    }

    /**
     * Makes a move for the seat the token opens, durably, then lets the agents move.
     *
     * @return the events since the move, as the seat may see them
     */
    public List<NumberedEvent> move(String id, String token, Action action) {
        return with(id, l -> l.move(token, action));
    }

    /** What the seat the token opens sees now; for the organiser's token, what the mediator sees. */
    public SeatView view(String id, String token) {
        return with(id, l -> l.view(l.reader(token)));
    }

    /** The seat the token may read: its own, or for the organiser's token the mediator's (to watch, not to move). */
    public String reader(String id, String token) {
        return with(id, l -> l.reader(token));
    }

    /** Whether the token is the organiser's, who watches the mediator's view but makes no move. */
    public boolean isOrganiser(String id, String token) {
        return with(id, l -> l.isOrganiser(token));
    }

    /**
     * Gives a person's seat a new invite; the old one stops working at once.
     *
     * @return the new token
     */
    public String reissue(String id, String party) {
        return with(id, l -> l.reissue(party));
    }

    /**
     * Sends the seat the token opens every event it may see after {@code after}, then each new batch as it happens,
     * until the returned handle is run; {@code onDrop} runs if the connection falls too far behind.
     */
    public Runnable subscribe(String id, String token, long after, Consumer<List<NumberedEvent>> sink,
            Runnable onDrop) {
        return with(id, l -> l.subscribe(token, after, sink, onDrop));
    }

    /**
     * Fills a seat that has not moved yet with an agent ({@code agent} present) or a person; returns the person's
     * new invite token.
     */
    public Optional<String> switchSeat(String id, String party, Optional<String> agent) {
        return with(id, l -> l.switchSeat(party, agent));
    }

    /** Whether the talks have begun (a move was made, or the negotiation closed): profiles are then fixed. */
    public boolean begun(String id) {
        return with(id, LiveNegotiation::begun);
    }

    /** The negotiation's scenario (public parts and all profiles: for the server's own use, never sent whole). */
    public Scenario scenario(String id) {
        return with(id, LiveNegotiation::scenario);
    }

    /**
     * Closes a negotiation: no move is accepted after. Talks that have ended keep the status that says how.
     *
     * @return the status now
     */
    public String close(String id) {
        return with(id, LiveNegotiation::close);
    }

    /**
     * The seat the token opens shares its party's profile with the mediator: durable and final.
     *
     * @return the parties that have shared so far
     */
    public Set<String> share(String id, String token) {
        return with(id, l -> l.share(l.seat(token)));
    }

    /** Shares a party's profile with the mediator on the organiser's word (for seats an agent fills). */
    public Set<String> shareFor(String id, String party) {
        return with(id, l -> l.share(party));
    }

    /**
     * The analysis of the whole scenario and the whole log, for the mediator's seat only, once every other party
     * whose consent the zone needs has shared its profile. The analysis runs outside the negotiation's lock.
     *
     * @throws AccessDenied for any other seat, or while a party has not shared
     */
    public Overview overview(String id, String token) {
        return with(id, l -> l.overview(l.reader(token)));
    }

    /** As {@link #overview}, the scenario and settings a forecast of the negotiation starts from. */
    public ForecastInput forecastInput(String id, String token) {
        return with(id, l -> l.forecastInput(l.reader(token)));
    }

    /**
     * Replaces the profile of the seat the token opens, before the first move of the talks.
     *
     * @param profileJson the profile in the parley/1 shape, as JSON text
     */
    public void editProfile(String id, String token, String profileJson) {
        with(id, l -> {
            l.editProfile(l.seat(token), profileJson);
            return null;
        });
    }

    /** @throws dev.parley.engine.InvalidInput unless {@code party} is a party other than the negotiation's mediator */
    public static void checkCanShare(Scenario s, Settings settings, String party) {
        checkCanShare(s, settings.mediator(), party);
    }

    /** @throws InvalidInput unless {@code party} is a party of {@code s} other than the negotiation's mediator */
    static void checkCanShare(Scenario s, Optional<String> mediator, String party) {
        if (s.party(party).isEmpty()) {
            throw new InvalidInput("shared", "shared: " + party + " is not a party of " + s.id());
        }
        if (mediator.filter(party::equals).isPresent()) {
            throw new InvalidInput("shared", party + " is the mediator: it has no one to share with");
        }
    }

    /** Forgets the in-memory state (as a restart would); the next access rebuilds it from the store. */
    void evict(String id) {
        LiveNegotiation l;
        synchronized (live) {
            l = live.remove(id);
        }
        if (l != null) {
            l.retireNow();
        }
    }
}
