package dev.parley.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Single-text criticism: checked against the issues, only with a vote on a proposal, and heard by the mediator. */
class CriticismTest {
    static final Scenario S = RandomScenarios.generate(new SplittableRandom(3), RandomScenarios.Settings.of(3, 2, 3));

    @Test
    void aVotesCriticism_reachesTheMediatorAsACriticisedEvent_andNamesRealIssuesAndOptions() {
        Protocol p = Settings.defaults(S).withKind(ProtocolKind.SINGLE_TEXT).create(S);
        var session = new Session(S, p);
        String mediator = session.toMove().get(0);
        int[] text = session.state().currentText().orElseThrow().toArray();
        text[0] = (text[0] + 1) % S.issues().get(0).size();
        session.move(mediator, new Action.Propose(Outcome.of(text)));
        String voter = session.toMove().stream().filter(x -> !x.equals(mediator)).findFirst().orElseThrow();
        assertThatThrownBy(() -> session.move(voter, new Action.Vote(false, List.of("NOPE"), List.of("o0"))))
                .isInstanceOf(ProtocolException.IllegalMove.class).hasMessageContaining("no issue 'NOPE'");
        assertThatThrownBy(() -> session.move(voter, new Action.Vote(false, List.of("I0"), List.of("o9"))))
                .isInstanceOf(ProtocolException.IllegalMove.class).hasMessageContaining("no option 'o9' in issue I0");
        assertThatThrownBy(() -> session.move(voter, new Action.Vote(false, List.of("I0", "I0"), List.of("o0",
                "o1")))).isInstanceOf(ProtocolException.IllegalMove.class).hasMessageContaining("objected to twice");
        session.move(voter, new Action.Vote(false, List.of("I0"), List.of("o0")));
        // Held back while the ballot is open: sent now, it would tell the mediator who has voted.
        assertThat(session.view(mediator).log().events()).noneMatch(e -> e instanceof Event.Criticised);
        while (session.state().phase() == dev.parley.engine.protocol.Phase.VOTE) {
            session.move(session.toMove().get(0), new Action.Vote(true));
        }
        assertThat(session.events()).contains(new Event.Criticised(0, voter, false, List.of("I0"), List.of("o0")));
        // The mediator hears every other voter's vote, criticised or not, and nobody hears another's.
        List<String> voters = p.participants().stream().filter(x -> !x.equals(mediator)).toList();
        assertThat(session.view(mediator).log().events().stream().filter(e -> e instanceof Event.Criticised)
                .map(e -> ((Event.Criticised) e).party()).toList()).containsExactlyInAnyOrderElementsOf(voters);
        assertThat(session.events()).filteredOn(e -> e instanceof Event.Criticised c && !c.party().equals(voter))
                .allMatch(e -> ((Event.Criticised) e).accept() && ((Event.Criticised) e).objections().isEmpty());
        for (String other : voters) {
            assertThat(session.view(other).log().events()).noneMatch(e -> e instanceof Event.Criticised c && !c
                    .party().equals(other));
        }
    }

    @Test
    void criticism_goesWithAVoteOnAProposal_notOnTheFinalText() {
        Protocol p = Settings.defaults(S).withKind(ProtocolKind.SINGLE_TEXT).create(S);
        var session = new Session(S, p);
        String mediator = session.toMove().get(0);
        session.move(mediator, new Action.End("to the final vote"));
        String voter = session.toMove().get(0);
        assertThatThrownBy(() -> session.move(voter, new Action.Vote(true, List.of("I0"), List.of("o0"))))
                .isInstanceOf(ProtocolException.IllegalMove.class).hasMessageContaining("not on the final text");
        // The final vote stays secret from the mediator too: no vote of it is heard.
        while (!session.ended()) {
            session.move(session.toMove().get(0), new Action.Vote(true));
        }
        assertThat(session.events()).noneMatch(e -> e instanceof Event.Criticised);
        assertThat(session.events()).anyMatch(e -> e instanceof Event.Voted);
    }

    /**
     * A history written before votes carried criticism (bare votes) still replays with today's criticising voters,
     * to the same state: the mediator hears those votes without criticism; once a history has criticism, an agent
     * must repeat its votes exactly.
     */
    @Test
    void aHistoryOfBareVotes_replaysUnchanged_butAHistoryWithCriticismMustMatch() {
        Protocol p = Settings.defaults(S).withKind(ProtocolKind.SINGLE_TEXT).withRounds(8).create(S);
        var specs = Seating.defaults(p);
        Session today = Session.run(S, p, Seating.agents(p, specs, 5, "agents"));
        assertThat(today.events()).anyMatch(e -> e instanceof Event.Criticised);
        // The same history as an older build wrote it: every vote bare, no criticism events.
        var bare = new java.util.ArrayList<Move>();
        for (Move m : today.moves()) {
            Action a = m.action() instanceof Action.Vote v ? new Action.Vote(v.accept()) : m.action();
            bare.add(
                    new Move(m.number(), m.party(), a, m.events().stream().filter(e -> !(e instanceof Event.Criticised))
                            .toList()));
        }
        Session old = Session.replay(S, p, bare, Seating.agents(p, specs, 5, "agents"));
        assertThat(old.events()).filteredOn(e -> e instanceof Event.Criticised).isNotEmpty().allMatch(
                e -> ((Event.Criticised) e).objections().isEmpty());
        assertThat(old.moves().stream().flatMap(m -> m.events().stream()).filter(e -> !(e instanceof Event.Criticised))
                .toList()).isEqualTo(bare.stream().flatMap(m -> m.events().stream()).toList());
        assertThat(old.state()).isEqualTo(today.state());
        // Criticism stripped from one vote only, in a history that has criticism: the agent no longer repeats it.
        var tampered = new java.util.ArrayList<>(today.moves());
        int last = -1;
        for (int k = 0; k < tampered.size(); k++) {
            if (tampered.get(k).action() instanceof Action.Vote v && !v.objections().isEmpty()) {
                last = k;
            }
        }
        Move m = tampered.get(last);
        tampered.set(last, new Move(m.number(), m.party(), new Action.Vote(((Action.Vote) m.action()).accept()),
                List.of()));
        assertThatThrownBy(() -> Session.replay(S, p, tampered, Seating.agents(p, specs, 5, "agents")))
                .isInstanceOf(Session.ReplayMismatch.class);
    }
}
