package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * What every single-text mediator does beside proposing: it votes for its own proposals while they reach its
 * reservation, and ratifies a final text it can accept. Subclasses choose the proposals. Not thread-safe.
 */
abstract class TextMediator implements Agent {
    @Override
    public final Action act(AgentView v) {
        return switch (v.phase()) {
            case PROPOSE -> propose(v);
            case VOTE, RATIFY -> Moves.ratify(v);
            case OFFER, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    /** The next proposal, or the end of the talks (the final vote follows). */
    abstract Action propose(AgentView v);
}
