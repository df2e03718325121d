package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Move;
import dev.parley.engine.session.Session;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the bidding agents hand back when their bid does not change: the same offer, itself. */
class TargetBidderTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRepeatedBid_isTheSameOffer(long seed) {
        Scenario s = RandomScenarios.generate(new SplittableRandom(seed), RandomScenarios.Settings.of(2, 3, 6));
        Protocol p = Settings.defaults(s).withKind(ProtocolKind.SAOP).withRounds(60).create(s);
        var rnd = new SplittableRandom(seed);
        Map<String, Agent> agents = new LinkedHashMap<>();
        List<String> kinds = List.of("boulware", "hardliner", "tit-for-tat", "conceder");
        for (String party : p.participants()) {
            agents.put(party, Agents.create("seats", kinds.get((int) ((seed + agents.size()) % kinds.size())), p
                    .seatRole(party), rnd.split()));
        }
        Session session = Session.run(s, p, agents);
        Map<String, Action.Offer> last = new HashMap<>();
        int repeats = 0;
        for (Move m : session.moves()) {
            if (!(m.action() instanceof Action.Offer o)) {
                continue;
            }
            Action.Offer before = last.put(m.party(), o);
            if (before == null) {
                continue;
            }
            if (before.outcome().equals(o.outcome())) {
                assertThat(o).as("move %d", m.number()).isSameAs(before);
                repeats++;
            }
        }
        assertThat(repeats).as("repeated bids").isPositive();
    }
}
