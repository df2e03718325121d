package dev.parley.engine.protocol;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a protocol to its end with an agent in every seat, recording every accepted action and every event. Also
 * replays a recorded list of actions without agents, which rebuilds the same states: the transition is pure. Not
 * thread-safe; one instance per run.
 */
public final class Session<S extends Protocol.State> {
    /**
     * One accepted action, in order, with the events it caused: what a transcript stores. A replay reads only the
     * party and the action.
     */
    public record Step(String party, Action action, List<Event> events) {
        public Step {
            events = List.copyOf(events);
        }

        /** A step to replay, whose events are yet to be found. */
        public static Step of(String party, Action action) {
            return new Step(party, action, List.of());
        }
    }

    /**
     * How a run ended. Immutable.
     *
     * @param opening the events of the start, before any move
     * @param events every event, the opening ones first
     */
    public record Result<S>(S state, List<Event> opening, List<Step> steps, List<Event> events) {
        public Result {
            opening = List.copyOf(opening);
            steps = List.copyOf(steps);
            events = List.copyOf(events);
        }

        /** The package agreed, if any. */
        public Optional<Outcome> agreement() {
            return events.isEmpty() || !(events.get(events.size() - 1) instanceof Event.Ended e)
                    ? Optional.empty()
                    : e.agreement();
        }

        /** Why the session ended. */
        public String reason() {
            return events.get(events.size() - 1) instanceof Event.Ended e ? e.reason() : "not ended";
        }
    }

    private final Scenario scenario;
    private final Protocol<S> protocol;

    public Session(Scenario scenario, Protocol<S> protocol) {
        this.scenario = scenario;
        this.protocol = protocol;
    }

    /**
     * Runs to the end.
     *
     * @param seats an agent for every participant of the protocol
     * @throws ProtocolException when an agent makes an illegal move (a bug in the agent), naming it
     */
    public Result<S> run(Map<String, Agent> seats) {
        for (String p : protocol.participants()) {
            if (!seats.containsKey(p)) {
                throw new IllegalArgumentException("no agent for " + p);
            }
        }
        Map<String, UtilityTable> tables = new HashMap<>();
        for (String p : protocol.participants()) {
            tables.put(p, UtilityTable.of(scenario.space(), scenario.profile(p).orElseThrow(
                    () -> new IllegalArgumentException(p + " takes part but has no profile"))));
        }
        Protocol.Transition<S> t = protocol.start();
        S state = t.state();
        List<Event> opening = t.events();
        var events = new ArrayList<>(opening);
        var steps = new ArrayList<Step>();
        // Every protocol ends by its deadline; this bound only guards against a protocol bug looping forever.
        long bound = 1000L + 16L * state.deadline() * (protocol.participants().size() + 1);
        while (!state.ended()) {
            if (steps.size() > bound) {
                throw new IllegalStateException(protocol.name() + " did not end within " + bound + " moves");
            }
            String party = protocol.toMove(state).get(0);
            var view = new AgentView(party, scenario.parties(), scenario.issues(),
                    scenario.profile(party).orElseThrow(), tables.get(party), protocol.name(), state, events,
                    e -> protocol.visibleTo(e, party));
            Action action = seats.get(party).act(view);
            try {
                t = protocol.next(state, party, action);
            } catch (ProtocolException e) {
                throw new ProtocolException(
                        "the agent in " + party + "'s seat made an illegal move: " + e.getMessage());
            }
            steps.add(new Step(party, action, t.events()));
            events.addAll(t.events());
            state = t.state();
        }
        return new Result<>(state, opening, steps, events);
    }

    /**
     * Feeds recorded actions back through the protocol.
     *
     * @throws ProtocolException when a step is not legal where it stands (the transcript was altered)
     */
    public Result<S> replay(List<Step> steps) {
        Protocol.Transition<S> t = protocol.start();
        S state = t.state();
        List<Event> opening = t.events();
        var events = new ArrayList<>(opening);
        var done = new ArrayList<Step>();
        int n = 0;
        for (Step step : steps) {
            n++;
            try {
                t = protocol.next(state, step.party(), step.action());
            } catch (ProtocolException e) {
                throw new ProtocolException("step " + n + " (" + step.party() + "): " + e.getMessage());
            }
            done.add(new Step(step.party(), step.action(), t.events()));
            events.addAll(t.events());
            state = t.state();
        }
        return new Result<>(state, opening, done, events);
    }
}
