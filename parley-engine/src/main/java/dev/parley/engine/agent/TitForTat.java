package dev.parley.engine.agent;

import dev.parley.engine.protocol.Event;
import java.util.List;

/**
 * Relative tit-for-tat (Faratin, Sierra and Jennings, 1998): concedes, in its own utility, as much as the others'
 * last two offers improved for it; starts at its best and never goes below its reservation. Not thread-safe: one
 * per seat.
 */
final class TitForTat extends TargetBidder {
    private double target = Double.NaN;

    TitForTat() {
    }

    @Override
    double target(AgentView v) {
        if (Double.isNaN(target)) {
            target = Moves.best(v);
        }
        List<Event.Offered> theirs = v.log().othersOffers(2);
        if (theirs.size() == 2) {
            double concession = v.utility(theirs.get(0).outcome()) - v.utility(theirs.get(1).outcome());
            target = Math.max(v.profile().reservation(), target - Math.max(0, concession));
        }
        return target;
    }
}
