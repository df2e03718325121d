package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * An agent that holds out for a target utility: with offers it accepts one worth the target and otherwise bids near
 * the others' last offer; in shuttle it accepts a package worth the target and otherwise rejects it, naming its
 * objections. Subclasses say how the target moves. Not thread-safe (it keeps its working bid and its last
 * offer): one per seat.
 */
abstract class TargetBidder implements Agent {
    /** Where the next bid is worked out, one slot per issue: made at the first bid. */
    private int[] bid;
    /** The last offer this seat made, made again as itself while the bid stays the same. */
    private Action.Offer last;

    @Override
    public final Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> offer(v);
            case RESPOND -> Moves.respond(v, target(v));
            case PROPOSE, VOTE, RATIFY, PRESENT, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private Action offer(AgentView v) {
        if (bid == null) {
            bid = new int[v.issues().size()];
        }
        Action a = Moves.acceptOrBid(v, target(v), bid, last);
        if (a instanceof Action.Offer o) {
            last = o;
        }
        return a;
    }

    /** The utility this seat holds out for now. */
    abstract double target(AgentView v);
}
