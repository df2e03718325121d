package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Protocols;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.Format;
import dev.parley.scenario.MoveJson;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.store.Records;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One negotiation in memory: the fold of its log, who sits in each seat, and what each seat may see. Guarded by its
 * own monitor; {@link Negotiations} holds it while reading or changing anything here.
 */
final class LiveNegotiation {
    Scenario scenario;
    Protocol<Protocol.State> protocol;
    final long seed;
    final Map<String, Agent> agents = new LinkedHashMap<>();
    /** The seat each token hash opens. */
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, UtilityTable> tables = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    /** The parties that have made a move: their seats can no longer change hands. */
    final Set<String> moved = new LinkedHashSet<>();
    /** The parties that have shared their profiles with the mediator. */
    final Set<String> shared = new LinkedHashSet<>();
    /** The analysis of every profile, once worked out for the mediator. */
    Analysis analysis;
    Protocol.State state;
    boolean closed;

    LiveNegotiation(Scenario scenario, Protocol<? extends Protocol.State> protocol, long seed) {
        this.seed = seed;
        restart(scenario, protocol);
    }

    /**
     * Starts the talks over with a changed scenario (a party changed its profile before the first move): the
     * protocol's opening, which may depend on the profiles (single-text's opening text avoids every red line), is
     * worked out again.
     */
    @SuppressWarnings("unchecked")
    void restart(Scenario changed, Protocol<? extends Protocol.State> rules) {
        this.scenario = changed;
        // A protocol accepts back the states it made: the cast only widens what the map can hold.
        this.protocol = (Protocol<Protocol.State>) rules;
        tables.clear();
        analysis = null;
        events.clear();
        Protocol.Transition<Protocol.State> start = this.protocol.start();
        this.state = start.state();
        this.events.addAll(start.events());
    }

    /** Applies {@code party}'s move, already checked by the protocol (and, live, already in the log). */
    void applyMove(String party, Protocol.Transition<Protocol.State> t) {
        moved.add(party);
        state = t.state();
        events.addAll(t.events());
    }

    /** Whether the talks have begun (a move was made, or the negotiation closed): profiles are then fixed. */
    boolean begun() {
        return closed || !moved.isEmpty();
    }

    Optional<Outcome> agreement() {
        return events.isEmpty() || !(events.get(events.size() - 1) instanceof Event.Ended e)
                ? Optional.empty()
                : e.agreement();
    }

    /**
     * The random stream of a seat's agent: the seed split once per seat, in seat order, people's seats included, so
     * an agent seated at creation, seated later, or rebuilt after a restart draws the same numbers.
     */
    SplittableRandom randomFor(String party) {
        var root = new SplittableRandom(seed);
        for (String p : protocol.participants()) {
            SplittableRandom next = root.split();
            if (p.equals(party)) {
                return next;
            }
        }
        throw new IllegalArgumentException(party + " has no seat");
    }

    /** What the agent in {@code party}'s seat is shown. */
    AgentView agentView(String party) {
        return new AgentView(party, scenario.parties(), scenario.issues(), scenario.profiles().get(party), tables
                .computeIfAbsent(party, p -> UtilityTable.of(scenario.space(), scenario.profiles().get(p))),
                protocol.name(), state, events, e -> protocol.visibleTo(e, party));
    }

    /** The events from position {@code from} on that {@code party} may see, numbered by their place in the log. */
    List<Negotiations.Numbered> visible(String party, int from) {
        var out = new ArrayList<Negotiations.Numbered>();
        for (int i = Math.max(0, from); i < events.size(); i++) {
            if (protocol.visibleTo(events.get(i), party)) {
                out.add(new Negotiations.Numbered(i + 1, events.get(i)));
            }
        }
        return out;
    }

    /**
     * The negotiation {@code id} as its log leaves it: the stored scenario with the profiles changed before the first
     * move, the seats, the shared profiles, and every move replayed. An agent's logged move is decided again (so the
     * agent's own state is as it was) and must come out the same.
     */
    static LiveNegotiation replay(Store store, String id) {
        Records.Negotiation n = store.negotiation(id).orElseThrow(() -> new StoreException("no negotiation " + id));
        List<Records.Event> log = store.events(id, 0);
        Scenario s = ScenarioReader.read("negotiation " + id, n.scenarioJson(), Format.JSON);
        for (Records.Event stored : log) {
            if (stored.kind().equals(Negotiations.PROFILE)) { // all before the first move: they set the stage
                s = withProfile(s, stored.party().orElseThrow(), parse(stored.payload()));
            }
        }
        JsonNode settingsJson = parse(n.protocolJson());
        Protocols.Settings settings = SettingsJson.read(s, settingsJson);
        var l = new LiveNegotiation(s, Protocols.create(s, settings), settingsJson.path("seed").asLong());
        l.closed = n.status().equals("closed");
        for (Records.Seat seat : store.seats(id)) {
            seat.tokenHash().ifPresent(h -> l.tokens.put(h, seat.party()));
            seat.agent().ifPresent(spec -> l.agents.put(seat.party(), Agents.create(spec, l.randomFor(seat
                    .party()))));
        }
        int n0 = 0;
        for (Records.Event stored : log) {
            if (stored.kind().equals(Negotiations.SHARE)) {
                l.shared.add(stored.party().orElseThrow());
                continue;
            }
            if (stored.kind().equals(Negotiations.PROFILE)) {
                continue;
            }
            n0++;
            JsonNode payload = parse(stored.payload());
            String party = stored.party().orElseThrow();
            Action action = MoveJson.action(payload.get("action"), s.issues());
            Agent agent = l.agents.get(party);
            if (agent != null) {
                Action again = agent.act(l.agentView(party)); // re-decide: keeps the agent's own state as it was
                if (!again.equals(action)) {
                    throw new StoreException("negotiation " + id + ": the agent in " + party + "'s seat does not "
                            + "repeat its logged move " + n0 + "; was the agent changed?");
                }
            }
            l.applyMove(party, l.protocol.next(l.state, party, action));
        }
        return l;
    }

    /** {@code s} with {@code party}'s profile replaced by a parley/1 profile, checked as a scenario file would be. */
    static Scenario withProfile(Scenario s, String party, JsonNode profile) {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) parse(ScenarioWriter.write(s, Format.JSON));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("profiles")).set(party, profile);
        return ScenarioReader.read("profile", doc.toString(), Format.JSON);
    }

    static JsonNode parse(String json) {
        try {
            return MoveJson.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
