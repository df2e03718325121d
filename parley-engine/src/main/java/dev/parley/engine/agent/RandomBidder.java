package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import java.util.random.RandomGenerator;

/**
 * Bids a random package it can accept (one option per issue at random, up to 100 tries, else its best); accepts any
 * such package. A baseline. Not thread-safe (its generator is the seat's own): one per seat.
 */
record RandomBidder(RandomGenerator random) implements Agent {
    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> acceptable(v) ? new Action.Accept() : new Action.Offer(randomPackage(v));
            case PROPOSE, VOTE, RATIFY, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    /** Whether another party's standing offer is one this seat can accept. */
    private static boolean acceptable(AgentView v) {
        return v.onTable().isPresent() && !v.tabledBy().orElse("").equals(v.party())
                && Moves.acceptable(v, v.onTable().get());
    }

    /** An acceptable package drawn at random, or the best package when 100 draws find none. */
    private Outcome randomPackage(AgentView v) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int[] c = new int[v.issues().size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextInt(v.issues().get(i).size());
            }
            if (Moves.acceptable(v, Outcome.of(c))) {
                return Outcome.of(c);
            }
        }
        return Outcome.of(v.utilities().bestPackage());
    }
}
