package dev.parley.engine.agent;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small rules several agents share: what a seat can accept, how a truthful vote goes, how to accept or bid
 * toward a target, how a shuttle party answers. Stateless.
 */
final class Moves {
    /** Utility differences smaller than this are no difference. */
    static final double EPS = 1e-9;

    private Moves() {
    }

    /** Whether the package is worth at least the reservation and breaks none of this seat's red lines or conditions. */
    static boolean acceptable(AgentView v, Outcome o) {
        int[] c = o.toArray();
        return !v.utilities().forbids(c) && v.utilities().utility(c) >= v.profile().reservation() - EPS;
    }

    /** The seat's best utility, red lines and conditions respected. */
    static double best(AgentView v) {
        return v.utilities().bestPackageUtility();
    }

    /** A truthful single-text vote: for a change that breaks none of its red lines or conditions and does not hurt it. */
    static boolean truthfulVote(AgentView v, Outcome current, Outcome proposal) {
        return !v.utilities().forbids(proposal.toArray()) && v.utility(proposal) >= v.utility(current) - EPS;
    }

    /**
     * A vote for the package on the table when this seat can accept it: the ratification of a deal, and a
     * single-text mediator's vote on its own proposal (it runs the talks to reach a deal, so it supports any proposal
     * that keeps it at its reservation and breaks none of its red lines).
     */
    static Action.Vote ratify(AgentView v) {
        return new Action.Vote(acceptable(v, v.onTable().orElseThrow()));
    }

    /**
     * The utility a time-dependent target starts from (the best) and ends at (the reservation, or the best), on the
     * discount's clock ({@link AgentView#discountedTime}): with a discount it concedes sooner, since delay costs.
     */
    static double timeDependentTarget(AgentView v, double e) {
        double max = best(v);
        double min = Math.min(max, v.profile().reservation());
        return max - (max - min) * Math.pow(v.discountedTime(), 1 / e);
    }

    /**
     * Accepts the standing offer when it is worth at least {@code target}, else offers a package near the others'
     * last offer, found in {@code bid} (one slot per issue, the caller's working array). An offer the same as
     * {@code last} is {@code last} itself: long talks repeat their bids, and a repeat then makes nothing.
     */
    static Action acceptOrBid(AgentView v, double target, int[] bid, Action.Offer last) {
        Optional<Outcome> standing = v.onTable();
        if (standing.isPresent() && !v.tabledBy().orElse("").equals(v.party())
                && v.utility(standing.get()) >= target - EPS && acceptable(v, standing.get())) {
            return new Action.Accept();
        }
        Optional<Event.Offered> others = v.log().lastOthersOffer();
        int[] c = BidSearch.near(v.utilities(), target, others.isPresent() ? others.get().outcome() : null, bid);
        return last != null && last.outcome().is(c) ? last : new Action.Offer(Outcome.of(c));
    }

    /**
     * Shuttle: accepts an acceptable package worth {@code target}; otherwise rejects it with its
     * {@link #criticism}.
     */
    static Action respond(AgentView v, double target) {
        Outcome pkg = v.onTable().orElseThrow();
        if (acceptable(v, pkg) && v.utility(pkg) >= target - EPS) {
            return new Action.Accept();
        }
        Criticism c = criticism(v, pkg);
        return new Action.Reject(c.objections(), c.toward());
    }

    /** What a party says against a package: the issues it objects to and the option it wants on each. */
    record Criticism(List<String> objections, List<String> toward) {
    }

    /**
     * The (at most two) issues on which {@code pkg} costs this seat most against its best package, with the option
     * it has there; a red line broken counts first, and so does a hard condition broken, on the issue it needs
     * something of, toward its best option there that satisfies it. Nothing when the package costs it nothing.
     */
    static Criticism criticism(AgentView v, Outcome pkg) {
        return criticism(v, pkg, 2);
    }

    /**
     * The (at most {@code limit}) issues with a loss, costliest first, the earlier issue first among equals (as a
     * stable sort by loss would give them).
     */
    private static int[] costliest(double[] loss, int limit) {
        boolean[] taken = new boolean[loss.length];
        int[] out = new int[Math.min(limit, loss.length)];
        int n = 0;
        while (n < out.length) {
            int top = -1;
            for (int i = 0; i < loss.length; i++) {
                if (!taken[i] && loss[i] > EPS && (top < 0 || loss[i] > loss[top])) {
                    top = i;
                }
            }
            if (top < 0) {
                break;
            }
            taken[top] = true;
            out[n++] = top;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** As {@link #criticism(AgentView, Outcome)}, naming up to {@code limit} issues. */
    static Criticism criticism(AgentView v, Outcome pkg, int limit) {
        int[] c = pkg.toArray();
        int[] best = v.utilities().bestPackage();
        double[] loss = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            loss[i] = v.utilities().contribution(i, best[i]) - v.utilities().contribution(i, c[i])
                    + (v.utilities().isRedLine(i, c[i]) ? 1 : 0);
        }
        for (Condition k : v.utilities().conditions()) {
            if (k.brokenBy(c)) {
                int i = k.thenIssue();
                loss[i] += 1;
                int toward = -1;
                for (int o = 0; o < v.issues().get(i).size(); o++) {
                    if (k.thenOption(o) && !v.utilities().isRedLine(i, o) && (toward < 0 || v.utilities()
                            .contribution(i, o) > v.utilities().contribution(i, toward))) {
                        toward = o;
                    }
                }
                best[i] = toward < 0 ? best[i] : toward;
            }
        }
        var objections = new ArrayList<String>(2);
        var toward = new ArrayList<String>(2);
        for (int k : costliest(loss, limit)) {
            objections.add(v.issues().get(k).id());
            toward.add(v.issues().get(k).option(best[k]).id());
        }
        return new Criticism(objections, toward);
    }

    /** A single-text vote, {@code accept} or not, with this seat's criticism of the proposal on the table. */
    static Action.Vote criticalVote(AgentView v, boolean accept) {
        return criticalVote(v, accept, 2);
    }

    /** As {@link #criticalVote(AgentView, boolean)}, criticising up to {@code limit} issues. */
    static Action.Vote criticalVote(AgentView v, boolean accept, int limit) {
        Criticism c = criticism(v, v.onTable().orElseThrow(), limit);
        return new Action.Vote(accept, c.objections(), c.toward());
    }

    /** The error of an agent asked to act in a phase its seat never meets: the registry keeps this from happening. */
    static IllegalStateException unfit(Agent agent, AgentView v) {
        return new IllegalStateException(
                agent.getClass().getSimpleName() + " was asked to act in " + v.protocol().id() + "'s " + v.phase().id()
                        + " phase, which a " + v.seatRole().id() + " seat never meets");
    }
}
