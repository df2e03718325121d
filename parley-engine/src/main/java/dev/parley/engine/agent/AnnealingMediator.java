package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import java.util.random.RandomGenerator;

/**
 * A single-text mediator that anneals its search: while the temperature T = 1 − t is high it proposes jumps that
 * move many issues at once (each by one option), and falls back on hill-climbing as it cools (after Klein, Faratin,
 * Sayama and Bar-Yam, "Negotiating complex contracts", 2003, with the annealing moved to the mediator). Adoption
 * still needs unanimity. Not thread-safe: one per seat.
 */
final class AnnealingMediator extends TextMediator {
    private final RandomGenerator random;
    private final HillClimbMediator climb;

    AnnealingMediator(RandomGenerator random) {
        this.random = random;
        this.climb = new HillClimbMediator(random);
    }

    @Override
    Action propose(AgentView v) {
        int n = v.issues().size();
        double temperature = 1 - v.time();
        int k = (int) Math.round((n - 1) * temperature * temperature);
        if (k < 3 || random.nextDouble() > temperature) {
            return climb.propose(v);
        }
        return new Action.Propose(mutate(v.currentText().orElseThrow(), k, v));
    }

    /** {@code text} with {@code k} distinct issues each moved one option up or down, at random. */
    private Outcome mutate(Outcome text, int k, AgentView v) {
        int[] c = text.toArray();
        int n = c.length;
        int changes = Math.max(1, Math.min(k, n));
        int[] issues = random.ints(0, n).distinct().limit(changes).toArray();
        for (int i : issues) {
            int radix = v.issues().get(i).size();
            c[i] = c[i] == 0 ? 1 : c[i] == radix - 1 ? radix - 2 : c[i] + (random.nextBoolean() ? 1 : -1);
        }
        return Outcome.of(c);
    }
}
