package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import java.util.random.RandomGenerator;

/**
 * Bids a random package it can accept (one option per issue at random, up to 100 tries, else its best); accepts any
 * such package. A baseline. Not thread-safe: one per seat.
 */
final class RandomBidder implements Agent {
    private final RandomGenerator random;

    RandomBidder(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> offer(v);
            case PROPOSE, VOTE, RATIFY, PRESENT, RESPOND, CONCEDE, ENDED -> throw Moves.unfit("random", v);
        };
    }

    private Action offer(AgentView v) {
        if (v.onTable().isPresent() && !v.tabledBy().orElse("").equals(v.party())
                && Moves.acceptable(v, v.onTable().get())) {
            return new Action.Accept();
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int[] c = new int[v.issues().size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextInt(v.issues().get(i).size());
            }
            if (Moves.acceptable(v, Outcome.of(c))) {
                return new Action.Offer(Outcome.of(c));
            }
        }
        return new Action.Offer(Outcome.of(v.utilities().bestPackage()));
    }
}
