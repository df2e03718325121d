package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The common behaviour of every agent, phase by phase; strategies override what makes them different. By default an
 * agent votes truthfully (accepts a proposed text worth at least the current one to it and breaking none of its red
 * lines), ratifies what reaches its reservation, proposes like a hill-climbing mediator, and bids its best package.
 * Not thread-safe: one instance per seat.
 */
abstract class Strategy implements Agent {
    /** Utility differences smaller than this are no difference. */
    static final double EPS = 1e-9;

    protected final RandomGenerator random;
    private final LocalSearch search;
    private final ShuttlePlanner shuttle;

    Strategy(RandomGenerator random) {
        this.random = random;
        this.search = new LocalSearch(random);
        this.shuttle = new ShuttlePlanner();
    }

    @Override
    public final Action act(AgentView v) {
        return switch (v.phase()) {
            case "propose" -> propose(v);
            case "vote" -> new Action.Vote(vote(v, v.text().orElseThrow(), v.onTable().orElseThrow()));
            case "ratify" -> new Action.Vote(acceptable(v, v.onTable().orElseThrow()));
            case "offer" -> offer(v);
            case "present" -> shuttle.present(v);
            case "respond" -> respond(v);
            case "concede" -> concede(v);
            default -> throw new IllegalStateException("no action for phase " + v.phase());
        };
    }

    /** Whether the package is worth at least the reservation and breaks none of this seat's red lines. */
    static boolean acceptable(AgentView v, Outcome o) {
        int[] c = o.toArray();
        return !v.utilities().breaksRedLine(c) && v.utilities().utility(c) >= v.profile().reservation() - EPS;
    }

    /**
     * Single-text vote on changing {@code current} to {@code proposal}: truthfully, for a change that does not hurt.
     * A mediator voting on its own proposal runs the talks to reach a deal: it supports any proposal that keeps it at
     * its reservation and breaks none of its red lines.
     */
    boolean vote(AgentView v, Outcome current, Outcome proposal) {
        if (v.tabledBy().filter(v.party()::equals).isPresent()) {
            return acceptable(v, proposal);
        }
        return !v.utilities().breaksRedLine(proposal.toArray()) && v.utility(proposal) >= v.utility(current) - EPS;
    }

    /**
     * The mediator's next proposal, by hill-climbing ({@link LocalSearch}); when every neighbour of the text has been
     * rejected, it ends the talks and calls the final vote.
     */
    Action propose(AgentView v) {
        int[] radices = v.issues().stream().mapToInt(dev.parley.engine.model.Issue::size).toArray();
        Outcome proposal = search.next(v.text().orElseThrow(), radices);
        return proposal == null
                ? new Action.End("every change next to the text was rejected: it is as good as "
                        + "single steps and trades can make it")
                : new Action.Propose(proposal);
    }

    /** {@code text} with {@code k} distinct issues each moved one option up or down, at random. */
    Outcome mutate(Outcome text, int k, AgentView v) {
        int[] c = text.toArray();
        int n = c.length;
        int changes = Math.max(1, Math.min(k, n));
        int[] issues = random.ints(0, n).distinct().limit(changes).toArray();
        for (int i : issues) {
            int radix = v.issues().get(i).size();
            c[i] = c[i] == 0 ? 1 : c[i] == radix - 1 ? radix - 2 : c[i] + (random.nextBoolean() ? 1 : -1);
        }
        return Outcome.of(c);
    }

    /**
     * The utility this seat holds out for now: by default linear in time, from its best down to its reservation.
     */
    double target(AgentView v) {
        double max = best(v);
        double min = Math.min(max, v.profile().reservation());
        return max - (max - min) * v.time();
    }

    /**
     * Shuttle: accepts an acceptable package worth its current target; otherwise rejects it, naming the (at most
     * two) issues on which the package costs it most against its best option, and that option.
     */
    Action respond(AgentView v) {
        Outcome pkg = v.onTable().orElseThrow();
        if (acceptable(v, pkg) && v.utility(pkg) >= target(v) - EPS) {
            return new Action.Accept();
        }
        int[] c = pkg.toArray();
        int[] best = v.utilities().bestPackage();
        Integer[] order = new Integer[c.length];
        double[] loss = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            order[i] = i;
            loss[i] = v.utilities().contribution(i, best[i]) - v.utilities().contribution(i, c[i])
                    + (v.utilities().isRedLine(i, c[i]) ? 1 : 0);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(loss[b], loss[a]));
        var objections = new java.util.ArrayList<String>();
        var toward = new java.util.ArrayList<String>();
        for (int k = 0; k < Math.min(2, c.length) && loss[order[k]] > EPS; k++) {
            objections.add(v.issues().get(order[k]).id());
            toward.add(v.issues().get(order[k]).option(best[order[k]]).id());
        }
        return new Action.Reject(objections, toward);
    }

    /**
     * Zeuthen's protocol, when this side must concede: accepts the other side's offer when it is worth at least the
     * minimal concession the mechanism names, else makes that concession.
     */
    Action concede(AgentView v) {
        Outcome theirs = v.onTable().orElseThrow();
        Outcome mine = v.text().orElseThrow();
        return v.utility(theirs) >= v.utility(mine) - EPS ? new Action.Accept() : new Action.Offer(mine);
    }

    /** In an offer phase: accept, counter-offer or end. Default: always bid the best package. */
    Action offer(AgentView v) {
        return new Action.Offer(Outcome.of(v.utilities().bestPackage()));
    }

    /** Accepts the standing offer when it is worth at least {@code target}, else offers a package near it. */
    Action acceptOrBid(AgentView v, double target) {
        Optional<Outcome> standing = v.onTable();
        if (standing.isPresent() && !v.tabledBy().orElse("").equals(v.party())
                && v.utility(standing.get()) >= target - EPS && acceptable(v, standing.get())) {
            return new Action.Accept();
        }
        List<Event.Offered> theirs = v.othersOffers(1);
        int[] reference = theirs.isEmpty() ? v.utilities().bestPackage() : theirs.get(0).outcome().toArray();
        return new Action.Offer(Outcome.of(BidSearch.near(v.utilities(), target, reference)));
    }

    /** The seat's best utility, red lines respected. */
    static double best(AgentView v) {
        return v.utilities().utility(v.utilities().bestPackage());
    }
}
