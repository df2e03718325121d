package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.List;

/**
 * Relative tit-for-tat (Faratin, Sierra and Jennings, 1998): concedes, in its own utility, as much as the others'
 * last two offers improved for it; starts at its best and never goes below its reservation. Not thread-safe: one
 * per seat.
 */
final class TitForTat implements Agent {
    private double target = Double.NaN;

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> offer(v);
            case PROPOSE, VOTE, RATIFY, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit("tit-for-tat", v);
        };
    }

    private Action offer(AgentView v) {
        if (Double.isNaN(target)) {
            target = Moves.best(v);
        }
        List<Event.Offered> theirs = v.othersOffers(2);
        if (theirs.size() == 2) {
            double concession = v.utility(theirs.get(0).outcome()) - v.utility(theirs.get(1).outcome());
            target = Math.max(v.profile().reservation(), target - Math.max(0, concession));
        }
        return Moves.acceptOrBid(v, target);
    }
}
