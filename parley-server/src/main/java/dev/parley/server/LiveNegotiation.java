package dev.parley.server;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.utility.UtilityTable;
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

    void applyTransition(Protocol.Transition<Protocol.State> t) {
        state = t.state();
        events.addAll(t.events());
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
}
