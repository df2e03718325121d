package dev.parley.engine.agent;

/** Never concedes: holds out for its best package, with offers and in shuttle alike. One per seat, as every
 * {@link TargetBidder}. */
final class Hardliner extends TargetBidder {
    Hardliner() {
    }

    @Override
    double target(AgentView v) {
        return Moves.best(v);
    }
}
