package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.utility.UtilityTable;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An offer agent that seeks the deal the others can also accept, in the spirit of the ANAC agents that aim at the
 * Nash point (AgentGG, MiCRO).
 * <ul>
 * <li>It concedes in time like a time-dependent agent (Faratin et al. 1998) with e = 0.15, a little later than
 * boulware (0.2): held firmer than boulware, it gains more against it, and its bids still find the deal. Under a
 * discount it concedes on the discount's clock, as they do.
 * <li>Among the packages worth its target it bids the one that, by its {@link OpponentModel} of the others' offers,
 * gives them the largest estimated Nash product, and that it has not offered before (MiCRO's rule of a new bid each
 * time): a bid the others refused is not made again while a fresh one reaches the target. The packages looked at are
 * the peaks an ascent over one-issue changes reaches from its best package and from the others' latest offers (each
 * first brought up to its target) and every package one or two changes from a peak; never the whole space, and never
 * a package it forbids.
 * <li>It accepts an acceptable offer worth its target, or at least what it would bid next (AC_next, Baarslag et al.
 * 2014; with a discount δ, at least δ times that, what its bid would be worth accepted a round later), or, in the last 5% of the time, at least as good as the best it has been offered (AC_combi's time part).
 * </ul>
 * In shuttle it answers as a time-dependent party would. Its state is its model's counts, brought up to date from the
 * events it has not read yet, and the packages it has offered (a replay rebuilds both, move by move). Not
 * thread-safe: one per seat.
 */
final class NashSeeker implements Agent {
    /** The concession exponent: a little below boulware's 0.2. */
    static final double E = 0.15;
    /** The share of the time after which any acceptable offer at least as good as the best offered is taken. */
    static final double LATE = 0.95;
    /** How many of the others' latest offers the search starts from, beside the seat's best package. */
    static final int STARTS = 8;

    private OpponentModel.Tracker tracker;
    /** The number of the last event the tracker has read. */
    private int read;
    /** Every package this seat has offered. */
    private final Set<Outcome> offered = new HashSet<>();

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
        var starts = v.log().othersOffers(STARTS).stream().map(o -> o.outcome()).toList();
        int[] bid = bid(v.utilities(), target, tracker.model(), starts, offered);
        Optional<Outcome> standing = v.onTable();
        if (standing.isPresent() && !v.tabledBy().orElse("").equals(v.party()) && Moves.acceptable(v, standing
                .get())) {
            double u = v.utility(standing.get());
            if (u >= target - Moves.EPS || u >= v.discount() * v.utilities().utility(bid) - Moves.EPS
                    || (v.time() >= LATE
                            && u >= bestOffered(v) - Moves.EPS)) {
                return new Action.Accept();
            }
        }
        Outcome o = Outcome.of(bid);
        offered.add(o);
        return new Action.Offer(o);
    }

    /** The most this seat has been offered by the others so far. */
    private static double bestOffered(AgentView v) {
        return v.log().othersOffers(Integer.MAX_VALUE).stream().mapToDouble(o -> v.utility(o.outcome())).max()
                .orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * The bid: among the packages looked at that are worth at least {@code target} to the maker and break none of its
     * red lines or conditions, the one the model scores highest (the maker's own utility when it models no one yet)
     * and that is not in {@code offered}; when every one is, the highest scored of them; the maker's best package when
     * none is worth the target. The packages looked at are the peaks {@link #climb} reaches from the best package and
     * from each of {@code starts} (brought up to the target by {@link BidSearch}), and those one or two changes from a
     * peak.
     */
    static int[] bid(UtilityTable u, double target, OpponentModel model, List<Outcome> starts, Set<Outcome> offered) {
        var from = new LinkedHashSet<Outcome>(); // long talks repeat their offers: each start climbed once
        from.add(Outcome.of(u.bestPackage()));
        for (Outcome s : starts) {
            from.add(Outcome.of(BidSearch.near(u, target, s)));
        }
        var peaks = new LinkedHashSet<Outcome>();
        for (Outcome s : from) {
            peaks.add(Outcome.of(climb(u, target, model, s.toArray())));
        }
        var best = new Best(u, target, model, offered);
        boolean additive = !u.linked(); // then a change's worth is its contributions': those short of the target skipped
        double floor = target - Moves.EPS - 1e-12;
        for (Outcome peak : peaks) {
            int[] c = peak.toArray();
            double base = u.utility(c);
            best.consider(c);
            for (int i = 0; i < c.length; i++) {
                int was = c[i];
                for (int k = 0; k < u.radix(i); k++) {
                    if (k == was) {
                        continue;
                    }
                    c[i] = k;
                    double one = base + u.contribution(i, k) - u.contribution(i, was);
                    if (!additive || one >= floor) {
                        best.consider(c);
                    }
                    for (int j = i + 1; j < c.length; j++) {
                        int had = c[j];
                        for (int m = 0; m < u.radix(j); m++) {
                            if (m != had
                                    && (!additive || one + u.contribution(j, m) - u.contribution(j, had) >= floor)) {
                                c[j] = m;
                                best.consider(c);
                            }
                        }
                        c[j] = had;
                    }
                }
                c[i] = was;
            }
        }
        return best.fresh != null ? best.fresh : best.any != null ? best.any : u.bestPackage();
    }

    /** The best fresh package and the best of any seen so far, each a copy of the working array. */
    private static final class Best {
        private final UtilityTable u;
        private final double target;
        private final OpponentModel model;
        /** Whether the model has anyone in it: the maker's own utility scores a package when it has not. */
        private final boolean modelled;
        private final Set<Outcome> offered;
        int[] fresh;
        int[] any;
        double freshScore = Double.NEGATIVE_INFINITY;
        double anyScore = Double.NEGATIVE_INFINITY;

        Best(UtilityTable u, double target, OpponentModel model, Set<Outcome> offered) {
            this.u = u;
            this.target = target;
            this.model = model;
            this.modelled = !model.parties().isEmpty();
            this.offered = offered;
        }

        /** Takes {@code c} (copied) when it is worth the target, breaks nothing and scores above the best so far. */
        void consider(int[] c) {
            if (u.utility(c) < target - Moves.EPS) {
                return;
            }
            double score = modelled ? model.logProduct(c) : u.utility(c);
            if (score <= freshScore && score <= anyScore || u.forbids(c)) {
                return;
            }
            if (score > anyScore) {
                any = c.clone();
                anyScore = score;
            }
            if (score > freshScore && !offered.contains(Outcome.of(c))) {
                fresh = c.clone();
                freshScore = score;
            }
        }
    }

    /**
     * From {@code c}, the ascent over one-issue changes that raises the model's score and keeps the package worth
     * {@code target} and breaking nothing of the maker's, to where no such change raises it; {@code c} itself without
     * a model, or when it does not reach the target or breaks something. The array returned may be {@code c}.
     */
    static int[] climb(UtilityTable u, double target, OpponentModel model, int[] c) {
        if (model.parties().isEmpty() || u.utility(c) < target || u.forbids(c)) {
            return c;
        }
        double[] at = new double[model.size()];
        for (int step = 0; step < 4 * c.length; step++) {
            int[] best = null;
            model.utilities(c, at);
            double bestScore = 1;
            for (double x : at) {
                bestScore *= x;
            }
            double base = u.utility(c);
            for (int i = 0; i < c.length; i++) {
                for (int k = 0; k < u.radix(i); k++) {
                    double score = model.productWith(at, c, i, k);
                    if (score <= bestScore * (1 + 1e-12)
                            || (!u.linked() && base + u.contribution(i, k) - u.contribution(i,
                                    c[i]) < target - 1e-12)) {
                        continue;
                    }
                    int was = c[i];
                    c[i] = k;
                    if (u.utility(c) >= target && !u.forbids(c)) {
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
