package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.utility.UtilityTable;
import java.util.Optional;

/**
 * An offer agent that seeks the deal the others can also accept, in the spirit of the ANAC agents that aim at the
 * Nash point (AgentGG, MiCRO): it concedes in time like a time-dependent agent with e = 0.5 (Faratin et al. 1998),
 * and among the packages worth its target it bids the one that, by its {@link OpponentModel} of the others' offers,
 * gives them the largest estimated Nash product; found by ascent over one-issue changes from its best package, never
 * by enumerating the space, and never a package it forbids. It accepts an acceptable offer worth its target, or at
 * least what it would bid next (AC_next, Baarslag et al. 2014), or, in the last 5% of the time, at least as good as
 * the best it has been offered (AC_combi's time part). In shuttle it answers as a time-dependent party would.
 * Its one state is its model's counts, brought up to date from the events it has not read yet (a replay rebuilds
 * it, move by move). Not thread-safe: one per seat.
 */
final class NashSeeker implements Agent {
    /** The concession exponent: between boulware (0.2) and linear (1). */
    static final double E = 0.5;
    /** The share of the time after which any acceptable offer at least as good as the best offered is taken. */
    static final double LATE = 0.95;

    private OpponentModel.Tracker tracker;
    /** The number of the last event the tracker has read. */
    private int read;

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case OFFER -> offer(v);
            case RESPOND -> Moves.respond(v, Moves.timeDependentTarget(v, E));
            case PROPOSE, VOTE, RATIFY, PRESENT, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private Action offer(AgentView v) {
        double target = Math.max(v.profile().reservation(), Moves.timeDependentTarget(v, E));
        if (tracker == null) {
            tracker = new OpponentModel.Tracker(v.party(), v.issues());
        }
        for (var e : v.numberedEvents(read)) {
            tracker.add(e.event());
            read = e.seq();
        }
        int[] bid = bid(v.utilities(), target, tracker.model());
        Optional<Outcome> standing = v.onTable();
        if (standing.isPresent() && !v.tabledBy().orElse("").equals(v.party()) && Moves.acceptable(v, standing
                .get())) {
            double u = v.utility(standing.get());
            if (u >= target - Moves.EPS || u >= v.utilities().utility(bid) - Moves.EPS || (v.time() >= LATE
                    && u >= bestOffered(v) - Moves.EPS)) {
                return new Action.Accept();
            }
        }
        return new Action.Offer(Outcome.of(bid));
    }

    /** The most this seat has been offered by the others so far. */
    private static double bestOffered(AgentView v) {
        return v.log().othersOffers(Integer.MAX_VALUE).stream().mapToDouble(o -> v.utility(o.outcome())).max()
                .orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * Among packages worth at least {@code target} to the maker (its best package when none is), the one an ascent
     * over one-issue changes finds best for the others by the model; without a model, the maker's own best.
     */
    static int[] bid(UtilityTable u, double target, OpponentModel model) {
        int[] c = u.bestPackage();
        if (model.parties().isEmpty() || u.utility(c) < target) {
            return c;
        }
        for (int step = 0; step < 4 * c.length; step++) {
            int[] best = null;
            double bestScore = model.logProduct(c);
            for (int i = 0; i < c.length; i++) {
                for (int k = 0; k < u.radix(i); k++) {
                    int was = c[i];
                    c[i] = k;
                    double score = model.logProduct(c);
                    if (score > bestScore + 1e-12 && u.utility(c) >= target && !u.forbids(c)) {
                        best = c.clone();
                        bestScore = score;
                    }
                    c[i] = was;
                }
            }
            if (best == null) {
                break;
            }
            c = best;
        }
        return c;
    }
}
