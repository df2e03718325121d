package dev.parley.engine.agent;

import dev.parley.engine.protocol.Action;

/**
 * Time-dependent concession (Faratin, Sierra and Jennings, "Negotiation decision functions for autonomous agents",
 * 1998): the target falls from the best utility to the reservation as p(t) = u_max − (u_max − r)·t^(1/e). e &lt; 1
 * concedes late ({@code boulware}), e = 1 linearly ({@code linear}), e &gt; 1 early ({@code conceder}). With offers:
 * accepts one worth the current target, otherwise bids near the others' last offer. In shuttle: accepts a package
 * worth the target, else rejects it naming its objections. Not thread-safe: one per seat.
 */
final class TimeDependent implements Agent {
    private final String name;
    private final double e;

    TimeDependent(String name, double e) {
        if (!(e > 0)) {
            throw new IllegalArgumentException("e must be positive");
        }
        this.name = name;
        this.e = e;
    }

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> Moves.acceptOrBid(v, Moves.timeDependentTarget(v, e));
            case RESPOND -> Moves.respond(v, Moves.timeDependentTarget(v, e));
            case PROPOSE, VOTE, RATIFY, PRESENT, CONCEDE, ENDED -> throw Moves.unfit(name, v);
        };
    }
}
