package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annealing voter against its rule, on every proposal one step from the opening of seeded random scenarios: a
 * change that does not hurt is accepted; one below the reservation or forbidden never; one that costs Δ exactly when
 * the draw falls below e^(−Δ/T), T = t0 · (1 − t).
 */
class AnnealingVoterTest {
    /** A generator that always draws {@code x}. */
    private static RandomGenerator always(double x) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return x;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.9, 0.999})
    void votes_followTheRule(double draw) {
        int decided = 0;
        int lossesAccepted = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = RandomScenarios.generate(new SplittableRandom(seed), new RandomScenarios.Settings(3, 3, 2, 4,
                    4, 0.4, 0.1));
            Protocol p = Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).create(s);
            var session = new Session(s, p);
            String mediator = session.toMove().get(0);
            int[] text = session.state().currentText().orElseThrow().toArray();
            int[] next = text.clone();
            next[0] = (next[0] + 1) % s.issues().get(0).size();
            session.move(mediator, new Action.Propose(Outcome.of(next)));
            for (String voter : session.toMove()) {
                AgentView v = session.view(voter);
                double t0 = 0.05;
                var vote = (Action.Vote) new AnnealingVoter(always(draw), t0).act(v);
                double loss = v.utility(Outcome.of(text)) - v.utility(Outcome.of(next));
                boolean allowed = !v.utilities().forbids(next) && v.utility(Outcome.of(next)) >= v.profile()
                        .reservation() - 1e-9;
                double temperature = t0 * (1 - v.time());
                boolean expected = allowed && (loss <= 1e-9 || draw < Math.exp(-loss / temperature));
                assertThat(vote.accept()).as("seed %d, %s, loss %s", seed, voter, loss).isEqualTo(expected);
                decided++;
                lossesAccepted += vote.accept() && loss > 1e-9 ? 1 : 0;
            }
        }
        assertThat(decided).isGreaterThan(50);
        if (draw == 0.0) {
            assertThat(lossesAccepted).as("with a draw of 0 every allowed loss is taken").isPositive();
        }
    }
}
