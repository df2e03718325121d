package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * Votes truthfully: for a proposed text that breaks none of its red lines or conditions and is worth at least the
 * current text to it, and, in a final vote, for a deal that reaches its reservation. Each vote on a proposal carries
 * its criticism of it ({@link Moves#criticism}). Stateless.
 */
final class TruthfulVoter implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case VOTE -> Moves.criticalVote(v, Moves.truthfulVote(v, v.currentText().orElseThrow(), v.onTable()
                    .orElseThrow()));
            case RATIFY -> Moves.ratify(v);
            case PROPOSE, OFFER, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }
}
