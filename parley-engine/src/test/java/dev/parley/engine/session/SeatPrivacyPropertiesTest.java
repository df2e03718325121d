package dev.parley.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.AgentView;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each seat's view shows of the others, checked for every seat after every move of random runs of every
 * protocol: in a secret ballot nobody learns who has voted; a ratification's end shows each seat its own verdict only
 * and, when some voted against, names nobody; in shuttle, the package the mediator presents to one party is seen by that
 * party and the mediator alone, and the end names nobody; in single-text a voter's criticism reaches the mediator,
 * and nobody else. Each run must reach a ballot or a meeting for the checks to
 * bite: single-text and shuttle always do, and the test says so.
 */
class SeatPrivacyPropertiesTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> runs() {
        return ProtocolPropertiesTest.runs();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void noSeatsViewShowsAnotherPartysVoteOrPrivateMeeting(ProtocolKind kind, long seed) {
        Scenario s = ProtocolPropertiesTest.scenario(seed);
        Protocol p = ProtocolPropertiesTest.protocol(s, kind, seed);
        Map<String, Agent> agents = ProtocolPropertiesTest.agents(p, seed);
        var session = new Session(s, p);
        int checked = 0;
        int steps = 0;
        while (!session.ended() && steps++ < 5_000) {
            String mover = session.toMove().get(0);
            session.move(mover, agents.get(mover).act(session.view(mover)));
            for (String party : p.participants()) {
                checked += check(p, session, party);
            }
        }
        assertThat(session.ended()).isTrue();
        if (kind == ProtocolKind.SINGLE_TEXT || kind == ProtocolKind.SHUTTLE) { // every run has ballots or meetings
            assertThat(checked).as("ballot or meeting views checked").isPositive();
        }
        if (kind == ProtocolKind.SINGLE_TEXT) { // and the mediator hears every criticism made, by every voter
            String mediator = p.participants().stream()
                    .filter(x -> p.seatRole(x) == dev.parley.engine.protocol.SeatRole.TEXT_MEDIATOR).findFirst()
                    .orElseThrow();
            long made = session.events().stream().filter(e -> e instanceof Event.Criticised).count();
            long heard = session.view(mediator).log().events().stream().filter(e -> e instanceof Event.Criticised)
                    .count();
            assertThat(heard).isEqualTo(made);
        }
    }

    /** The checks for one seat's view now; returns how many applied. */
    private static int check(Protocol p, Session session, String party) {
        AgentView v = session.view(party);
        List<String> others = p.participants().stream().filter(x -> !x.equals(party)).toList();
        int applied = 0;
        if (v.phase() == Phase.VOTE || v.phase() == Phase.RATIFY) {
            assertThat(v.toMove()).as(party + " in a ballot").isSubsetOf(List.of(party));
            applied++;
        }
        boolean mediator = p.seatRole(party) == dev.parley.engine.protocol.SeatRole.TEXT_MEDIATOR;
        for (Event e : v.log().events()) {
            if (e instanceof Event.Voted voted) {
                assertThat(voted.party()).as(party + " sees a vote").isEqualTo(party);
                applied++;
            }
            if (e instanceof Event.Criticised c) {
                assertThat(mediator || c.party().equals(party)).as(party + " sees " + c.party() + "'s criticism")
                        .isTrue();
                applied++;
            }
            if (e instanceof Event.Ended end) {
                assertThat(end.ratification().keySet()).as(party + "'s view of the ratification").isSubsetOf(List
                        .of(party));
                boolean rejected = session.end().map(full -> full.ratification().containsValue(false)).orElse(false);
                if (rejected || p.kind() == ProtocolKind.SHUTTLE) {
                    applied++;
                    for (String other : others) {
                        assertThat(end.reason()).as(party + " sees the end").doesNotContainPattern("\\b" + other
                                + "\\b");
                    }
                }
            }
        }
        if (p.kind() == ProtocolKind.SHUTTLE
                && p.seatRole(party) != dev.parley.engine.protocol.SeatRole.SHUTTLE_MEDIATOR
                && !v.counterpart().filter(party::equals).isPresent()) {
            assertThat(v.onTable()).as(party + " outside the meeting").isEmpty();
            assertThat(v.tabledBy()).isEmpty();
            applied++;
        }
        return applied;
    }
}
