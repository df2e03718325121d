package dev.parley.engine.agent;

/**
 * Time-dependent concession (Faratin, Sierra and Jennings, "Negotiation decision functions for autonomous agents",
 * 1998): the target falls from the best utility to the reservation as p(t) = u_max − (u_max − r)·t^(1/e). e &lt; 1
 * concedes late ({@code boulware}), e = 1 linearly ({@code linear}), e &gt; 1 early ({@code conceder}). Under a
 * discount δ, t is the share of what delay costs that is already lost ({@link AgentView#discountedTime}), so it
 * concedes sooner the more delay costs. One per seat, as every {@link TargetBidder}.
 */
final class TimeDependent extends TargetBidder {
    private final double e;

    TimeDependent(double e) {
        if (!(e > 0)) {
            throw new IllegalArgumentException("e must be positive");
        }
        this.e = e;
    }

    @Override
    double target(AgentView v) {
        return Moves.timeDependentTarget(v, e);
    }
}
