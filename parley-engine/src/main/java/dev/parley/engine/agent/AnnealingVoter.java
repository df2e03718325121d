package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;
import java.util.random.RandomGenerator;

/**
 * A single-text voter that anneals its acceptance (Klein, Faratin, Sayama and Bar-Yam, "Negotiating complex
 * contracts", 2003): among the texts that keep it at its reservation and that it does not forbid (it never accepts
 * another), it accepts any change that does not hurt it and, while the temperature T = t0 · (1 − t) is high, one
 * that costs it Δ with probability e^(−Δ/T), so that the talks can leave a local optimum early and settle as time
 * runs out; its votes carry its
 * criticism; it ratifies what it can accept. Not thread-safe (its generator is the seat's own): one per seat.
 */
final class AnnealingVoter implements Agent {
    private final RandomGenerator random;
    private final double t0;

    AnnealingVoter(RandomGenerator random, double t0) {
        if (!(t0 > 0)) {
            throw new IllegalArgumentException("t0 must be positive");
        }
        this.random = random;
        this.t0 = t0;
    }

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case VOTE -> Moves.criticalVote(v, accepts(v));
            case RATIFY -> Moves.ratify(v);
            case PROPOSE, OFFER, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private boolean accepts(AgentView v) {
        var proposal = v.onTable().orElseThrow();
        if (v.utilities().forbids(proposal.toArray()) || v.utility(proposal) < v.profile().reservation() - Moves.EPS) {
            return false;
        }
        double loss = v.utility(v.currentText().orElseThrow()) - v.utility(proposal);
        if (loss <= Moves.EPS) {
            return true;
        }
        double temperature = t0 * (1 - v.time());
        return temperature > 0 && random.nextDouble() < Math.exp(-loss / temperature);
    }
}
