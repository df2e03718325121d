package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;

/**
 * Follows Zeuthen's risk rule: when the mechanism tells it to concede, it accepts the other side's offer if that is
 * worth at least its minimal concession, else makes that concession. Two such agents end at the Nash package of the
 * two. Stateless.
 */
final class ZeuthenConceder implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case CONCEDE -> concede(v);
            case PROPOSE, VOTE, RATIFY, OFFER, PRESENT, RESPOND, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private static Action concede(AgentView v) {
        Outcome theirs = v.onTable().orElseThrow();
        Outcome mine = v.concession().orElseThrow();
        return v.utility(theirs) >= v.utility(mine) - Moves.EPS ? new Action.Accept() : new Action.Offer(mine);
    }
}
