package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * Answers the question Raiffa's mediator puts to each side about a draft: could you sign this? It votes for a proposed
 * text that reaches its reservation and breaks none of its red lines or conditions, whether or not it is better than
 * the current text, and against any other; each vote carries its criticism of the proposal ({@link Moves#criticism}) on
 * every issue where it falls short of its best, costliest first.
 * In the final vote it ratifies any deal it can accept. Stateless.
 */
final class CouldSignVoter implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case VOTE -> Moves.criticalVote(v, Moves.acceptable(v, v.onTable().orElseThrow()), v.issues().size());
            case RATIFY -> Moves.ratify(v);
            case PROPOSE, OFFER, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }
}
