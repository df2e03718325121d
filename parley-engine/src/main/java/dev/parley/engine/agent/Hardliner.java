package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * Never concedes: bids its best package and accepts only one worth as much; in shuttle, accepts only a package
 * worth its best. Stateless.
 */
final class Hardliner implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> Moves.acceptOrBid(v, Moves.best(v));
            case RESPOND -> Moves.respond(v, Moves.best(v));
            case PROPOSE, VOTE, RATIFY, PRESENT, CONCEDE, ENDED -> throw Moves.unfit("hardliner", v);
        };
    }
}
