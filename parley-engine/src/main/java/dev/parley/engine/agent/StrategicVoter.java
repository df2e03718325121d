package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;

/**
 * A single-text voter that accepts a change only when it gains at least {@code threshold} from it: holding out for
 * more than a truthful voter would. Ratifies what reaches its reservation. Its votes carry criticism as a truthful
 * voter's do. Immutable.
 */
record StrategicVoter(double threshold) implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case VOTE -> Moves.criticalVote(v, vote(v, v.currentText().orElseThrow(), v.onTable().orElseThrow()));
            case RATIFY -> Moves.ratify(v);
            case PROPOSE, OFFER, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private boolean vote(AgentView v, Outcome current, Outcome proposal) {
        return !v.utilities().forbids(proposal.toArray())
                && v.utility(proposal) >= v.utility(current) + threshold - Moves.EPS;
    }
}
