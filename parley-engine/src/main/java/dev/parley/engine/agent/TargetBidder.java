package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * An agent that holds out for a target utility: with offers it accepts one worth the target and otherwise bids near
 * the others' last offer; in shuttle it accepts a package worth the target and otherwise rejects it, naming its
 * objections. Subclasses say how the target moves. Not thread-safe: one per seat.
 */
abstract class TargetBidder implements Agent {
    @Override
    public final Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> Moves.acceptOrBid(v, target(v));
            case RESPOND -> Moves.respond(v, target(v));
            case PROPOSE, VOTE, RATIFY, PRESENT, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    /** The utility this seat holds out for now. */
    abstract double target(AgentView v);
}
