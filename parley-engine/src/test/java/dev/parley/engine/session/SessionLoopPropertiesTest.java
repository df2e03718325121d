package dev.parley.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.ProtocolKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the session's own loop moves, on the runs of {@link ProtocolPropertiesTest}: the view it hands a seat's agent,
 * and what a move adds to the events (nothing when refused).
 */
class SessionLoopPropertiesTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> runs() {
        return ProtocolPropertiesTest.runs();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theSeatsOneView_showsWhatAViewOfItsOwnShows_andIsTheSameObjectEveryMove(ProtocolKind kind, long seed) {
        Scenario s = ProtocolPropertiesTest.scenario(seed);
        Protocol p = ProtocolPropertiesTest.protocol(s, kind, seed);
        var session = new Session(s, p);
        Map<String, Agent> real = ProtocolPropertiesTest.agents(p, seed);
        Map<String, AgentView> given = new LinkedHashMap<>();
        var moves = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Agent> spies = new LinkedHashMap<>();
        for (String party : p.participants()) {
            spies.put(party, view -> {
                AgentView own = session.view(party); // made afresh from the session's state
                assertThat(own).isNotSameAs(view);
                assertThat(viewed(view)).as("move %d, %s", moves.get() + 1, party).isEqualTo(viewed(own));
                Protocol.State now = session.state(); // what the view is defined from
                assertThat(List.of(view.phase(), view.round(), view.deadline(), view.toMove(), view.onTable(), view
                        .currentText(), view.opening(), view.counterpart(), view.agreement())).isEqualTo(List.of(now
                                .phase(), now.round(), now.deadline(), p.toMoveFor(now, party),
                                p.onTableFor(now,
                                        party),
                                now.currentText(), now.opening(), now.counterpart(), now
                                        .agreement()));
                assertThat(given.computeIfAbsent(party, k -> view)).isSameAs(view);
                moves.incrementAndGet();
                return real.get(party).act(view);
            });
        }
        session.runAgents(spies, Journal.NONE);
        assertThat(moves.get()).isEqualTo(session.moves().size());
        assertThat(moves.get() > 0 || p.start().state().ended()).as("moves made, or talks ended at the start")
                .isTrue();
    }

    /** Everything a view shows, in one list. */
    private static List<Object> viewed(AgentView v) {
        return List.of(v.seat(), v.phase(), v.round(), v.deadline(), v.toMove(), v.onTable(), v.tabledBy(), v
                .currentText(), v.opening(), v.concession(), v.counterpart(), v.agreement(), v.events());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aRefusedMove_addsNoEvent_andAMoveAddsTheEventsItsTransitionHas(ProtocolKind kind, long seed) {
        Scenario s = ProtocolPropertiesTest.scenario(seed);
        Protocol p = ProtocolPropertiesTest.protocol(s, kind, seed);
        var recorded = ProtocolPropertiesTest.run(s, p, seed);
        Event sentinel = new Event.Said(0, "nobody", "before");
        Protocol.State state = p.start().state();
        int refused = 0;
        for (Move m : recorded.moves()) {
            List<String> toMove = p.toMove(state);
            for (String other : p.participants()) {
                if (!toMove.contains(other)) {
                    var into = new java.util.ArrayList<Event>(List.of(sentinel));
                    Protocol.State before = state;
                    assertThatThrownBy(() -> p.apply(before, other, m.action(), into)).isInstanceOf(
                            ProtocolException.OutOfTurn.class);
                    assertThat(into).containsExactly(sentinel);
                    refused++;
                }
            }
            // Of the wrong kind where it stands: a vote where no ballot is, an acceptance in a ballot.
            Action wrong = state.phase().isBallot() ? new Action.Accept() : new Action.Vote(true);
            var into = new java.util.ArrayList<Event>(List.of(sentinel));
            Protocol.State before = state;
            assertThatThrownBy(() -> p.apply(before, m.party(), wrong, into)).isInstanceOf(
                    ProtocolException.IllegalMove.class);
            assertThat(into).containsExactly(sentinel);
            refused++;
            var made = new java.util.ArrayList<Event>(List.of(sentinel));
            Protocol.State next = p.apply(state, m.party(), m.action(), made);
            Protocol.Transition t = p.next(state, m.party(), m.action());
            assertThat(made.subList(1, made.size())).isEqualTo(m.events()).isEqualTo(t.events());
            assertThat(next).isEqualTo(t.state());
            state = next;
        }
        assertThat(state).isEqualTo(recorded.state());
        assertThat(refused > 0 || p.start().state().ended()).as("moves refused, or talks ended at the start")
                .isTrue();
    }
}
