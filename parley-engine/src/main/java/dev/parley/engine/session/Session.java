package dev.parley.engine.session;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.agent.SeatLog;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a protocol on a scenario: the one thing that drives a protocol. It checks each move (the protocol's
 * transition, and what a pure transition cannot see: a relay's link to the event it passes on), records it in a
 * journal, applies it, keeps every event, builds each seat's view, lets seated agents act, and replays a list of
 * moves. {@code parley run} and {@code replay}, the server (live, and rebuilding after a restart), tournaments and
 * benchmarks all drive protocols through it. Not thread-safe: its owner serialises access.
 */
public final class Session {
    private final Scenario scenario;
    private final Protocol protocol;
    /** Each seat's party, profile, compiled table and log (a live view of the events): made once, read every move. */
    private final Map<String, AgentView.Seat> seats = new HashMap<>();
    private final List<Event> events;
    private final List<Event> opening;
    private final List<Move> moves;
    /** The events of the move being made, before its own list is made: one list for every move. */
    private final List<Event> caused = new ArrayList<>(4);
    private Protocol.State state;

    /** Replaying: no recorded vote has carried criticism yet (a history from before votes could). */
    private boolean legacyVotes = true;

    /** Starts the protocol: its opening state and events (e.g. single-text's opening text). */
    public Session(Scenario scenario, Protocol protocol) {
        this.scenario = scenario;
        this.protocol = protocol;
        Protocol.Transition t = protocol.start();
        this.state = t.state();
        this.opening = t.events();
        // Room for a move of every participant a round (up to 4,096): long talks then never copy their lists.
        int expected = (int) Math.min(1 << 12, (long) state.deadline() * protocol.participants().size());
        this.moves = new ArrayList<>(expected);
        this.events = new ArrayList<>(expected + opening.size());
        this.events.addAll(opening);
    }

    /**
     * Runs a new session to its end with an agent in every seat.
     *
     * @throws IllegalArgumentException when a seat has no agent
     * @throws IllegalStateException when an agent makes an illegal move (a bug in the agent), naming it
     */
    public static Session run(Scenario scenario, Protocol protocol, Map<String, Agent> agents) {
        for (String p : protocol.participants()) {
            if (!agents.containsKey(p)) {
                throw new IllegalArgumentException("no agent for " + p);
            }
        }
        var session = new Session(scenario, protocol);
        session.actAll(agents, Journal.NONE);
        return session;
    }

    /**
     * A new session with {@code recorded}'s moves made again, in order. A seat that holds an agent decides each of
     * its moves again (so the agent's own state is as it was), and must decide the same.
     *
     * @throws ProtocolException when a move is not legal where it stands (the record was altered), naming its number
     * @throws ReplayMismatch when an agent does not repeat its recorded move
     */
    public static Session replay(Scenario scenario, Protocol protocol, List<Move> recorded, Map<String, Agent> agents) {
        var session = new Session(scenario, protocol);
        for (Move m : recorded) {
            session.replayMove(m.party(), m.action(), agents.get(m.party()));
        }
        return session;
    }

    /** Makes one recorded move again; {@code agent}, when the seat holds one, must decide the same. */
    public Move replayMove(String party, Action action, Agent agent) {
        int number = moves.size() + 1;
        if (agent != null) {
            Action again = agent.act(seat(party).current(protocol, state));
            if (!again.equals(action) && !(legacyVotes && criticismAdded(action, again))) {
                throw new ReplayMismatch("move " + number + ": the agent in " + party + "'s seat does not repeat "
                        + "its recorded move; was the agent changed?");
            }
        }
        if (action instanceof Action.Vote v && !v.objections().isEmpty()) {
            legacyVotes = false; // this history's votes carry criticism: every agent's must, as recorded
        }
        try {
            return move(party, action, Journal.NONE);
        } catch (ProtocolException.IllegalMove e) {
            throw new ProtocolException.IllegalMove("move " + number + " (" + party + "): " + e.getMessage());
        } catch (ProtocolException.OutOfTurn e) {
            throw new ProtocolException.OutOfTurn("move " + number + " (" + party + "): " + e.getMessage());
        }
    }

    /**
     * Whether the agent now casts the recorded vote with criticism added, in a history with no criticism so far: a log
     * or transcript written before votes carried criticism. The recorded bare vote is made again, so the stored
     * history (its events and their numbers) stays as it was.
     */
    private static boolean criticismAdded(Action recorded, Action again) {
        return recorded instanceof Action.Vote r && again instanceof Action.Vote a && r.objections().isEmpty() && r
                .accept() == a.accept();
    }

    /**
     * Makes {@code party}'s move: checks it, records it in {@code journal}, then applies it.
     *
     * @return the move, numbered, with the events it caused
     * @throws ProtocolException when the protocol refuses it; nothing changes and nothing is recorded
     */
    public Move move(String party, Action action, Journal journal) {
        checkLinks(party, action);
        caused.clear(); // the last move's events
        Protocol.State next = protocol.apply(state, party, action, caused);
        var move = new Move(moves.size() + 1, party, action, switch (caused.size()) { // no array for one or two
            case 1 -> List.of(caused.get(0));
            case 2 -> List.of(caused.get(0), caused.get(1));
            default -> List.copyOf(caused);
        });
        journal.record(move);
        moves.add(move);
        for (Event e : move.events()) { // addAll would copy the move's one or two events into an array first
            events.add(e);
        }
        state = next;
        return move;
    }

    /** Makes {@code party}'s move without recording it anywhere. */
    public Move move(String party, Action action) {
        return move(party, action, Journal.NONE);
    }

    /**
     * Lets the agents move while it is an agent's turn: until a person's turn (a seat without an agent) or the end.
     * Every protocol ends by its deadline; a bound on the number of moves guards against a protocol bug.
     *
     * @return the moves made
     * @throws IllegalStateException when an agent makes an illegal move (a bug in the agent)
     */
    public List<Move> runAgents(Map<String, Agent> agents, Journal journal) {
        int from = moves.size();
        actAll(agents, journal);
        return List.copyOf(moves.subList(from, moves.size())); // one array, not one grown move by move
    }

    /** {@link #runAgents}, with no list of the moves made (a whole session's, for {@link #run}, is its transcript). */
    private void actAll(Map<String, Agent> agents, Journal journal) {
        // agentTurn and agentMove, without the turn and the optionals they make for callers that decide elsewhere
        for (Agent agent = nextAgent(agents); agent != null; agent = nextAgent(agents)) {
            String party = protocol.toMove(state).get(0);
            Action action = agent.act(seat(party).current(protocol, state)); // the seat's one view: none made
            try {
                move(party, action, journal);
            } catch (ProtocolException e) {
                throw illegal(party, e);
            }
        }
    }

    /**
     * An agent's turn: who, its agent, and what it sees, taken when the session had made {@code moves} moves.
     */
    public record AgentTurn(String party, Agent agent, AgentView view, int moves) {
    }

    /**
     * The agent whose turn it is now, with its view; empty at the end or at a person's turn (a seat without an
     * agent). Deciding ({@link Agent#act}) can then happen elsewhere, e.g. off a lock, before {@link #agentMove}.
     *
     * @throws IllegalStateException when the session has gone on longer than any protocol does (a protocol bug)
     */
    public Optional<AgentTurn> agentTurn(Map<String, Agent> agents) {
        Agent agent = nextAgent(agents);
        if (agent == null) {
            return Optional.empty();
        }
        String party = protocol.toMove(state).get(0);
        return Optional.of(new AgentTurn(party, agent, view(party), moves.size()));
    }

    /** The agent of the seat to move now; null at the end or at a person's turn. */
    private Agent nextAgent(Map<String, Agent> agents) {
        if (state.ended()) {
            return null;
        }
        long bound = 1000L + 16L * state.deadline() * (protocol.participants().size() + 1);
        if (moves.size() > bound) {
            throw new IllegalStateException(protocol.kind().id() + " did not end within " + bound + " moves");
        }
        return agents.get(protocol.toMove(state).get(0));
    }

    /**
     * Makes the move an agent decided on its {@code turn}, if that party is still to move (in a ballot, others may
     * have voted meanwhile, unseen by it); empty when the session has moved past the turn (it ended).
     *
     * @throws IllegalStateException when the agent's move is illegal (a bug in the agent)
     */
    public Optional<Move> agentMove(AgentTurn turn, Action action, Journal journal) {
        if (state.ended() || !protocol.toMove(state).contains(turn.party())) {
            return Optional.empty();
        }
        try {
            return Optional.of(move(turn.party(), action, journal));
        } catch (ProtocolException e) {
            throw illegal(turn.party(), e);
        }
    }

    private static IllegalStateException illegal(String party, ProtocolException e) {
        return new IllegalStateException("the agent in " + party + "'s seat made an illegal move: " + e.getMessage(),
                e);
    }

    /**
     * A relay links to an event of this session in which another party spoke or objected: its words
     * ({@link Event.Said}) or its objections ({@link Event.Rejected}); a verbatim relay repeats the words exactly.
     */
    private void checkLinks(String party, Action action) {
        if (!(action instanceof Action.Present p) || p.relay().isEmpty()) {
            return;
        }
        Action.Relay r = p.relay().get();
        if (r.original() < 1 || r.original() > events.size()) {
            throw new ProtocolException.IllegalMove("a relay must link to an event of these talks, 1 to "
                    + events.size() + ", not " + r.original());
        }
        Event original = events.get(r.original() - 1);
        Optional<String> speaker = switch (original) {
            case Event.Said s -> Optional.of(s.party());
            case Event.Rejected x when !x.objections().isEmpty() -> Optional.of(x.party());
            default -> Optional.empty();
        };
        if (speaker.isEmpty()) {
            throw new ProtocolException.IllegalMove("a relay passes on what a party said or objected to; event "
                    + r.original() + " is neither");
        }
        if (speaker.get().equals(p.to())) {
            throw new ProtocolException.IllegalMove("a relay passes on another party's words, not " + p.to()
                    + "'s own");
        }
        if (r.verbatim() && !(original instanceof Event.Said s && s.text().equals(r.text()))) {
            throw new ProtocolException.IllegalMove("a verbatim relay repeats the party's words exactly; say "
                    + "reframed for anything else");
        }
    }

    /** What {@code party}'s seat sees now, as a view of its own (the session's loop brings the seat's one up to date). */
    public AgentView view(String party) {
        return AgentView.of(seat(party), protocol, state);
    }

    private AgentView.Seat seat(String party) {
        AgentView.Seat seat = seats.get(party);
        if (seat == null) {
            var profile = scenario.profile(party).orElseThrow(() -> new IllegalArgumentException(party
                    + " takes part but has no profile"));
            seat = AgentView.Seat.of(party, scenario.parties(), scenario.issues(), profile, UtilityTable.of(scenario
                    .space(), profile), protocol, SeatLog.of(party, events, protocol));
            seats.put(party, seat);
        }
        return seat;
    }

    /** The events from number {@code after} + 1 on that {@code party} may see, each with its number. */
    public List<NumberedEvent> visible(String party, int after) {
        return SeatLog.of(party, events, protocol).numbered(after);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Protocol.State state() {
        return state;
    }

    public boolean ended() {
        return state.ended();
    }

    /** Who may act now, in the order they are asked; empty once ended. */
    public List<String> toMove() {
        return protocol.toMove(state);
    }

    /** Every event, the opening ones first. Unmodifiable; it grows as the session goes on. */
    public List<Event> events() {
        return java.util.Collections.unmodifiableList(events);
    }

    /** The events of the start, before any move. */
    public List<Event> opening() {
        return opening;
    }

    /** Every move, in order. Unmodifiable; it grows as the session goes on. */
    public List<Move> moves() {
        return java.util.Collections.unmodifiableList(moves);
    }

    /** The package agreed, once ended with a deal. */
    public Optional<Outcome> agreement() {
        return state.agreement();
    }

    /** How the session ended, once it has. */
    public Optional<Event.Ended> end() {
        return !events.isEmpty() && events.get(events.size() - 1) instanceof Event.Ended e
                ? Optional.of(e)
                : Optional.empty();
    }

    /** An agent that does not repeat a recorded move: the agent or its code changed since the record was made. */
    public static final class ReplayMismatch extends dev.parley.engine.ParleyException {
        private static final long serialVersionUID = 1L;

        public ReplayMismatch(String message) {
            super(message);
        }
    }
}
