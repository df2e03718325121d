package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.List;
import java.util.random.RandomGenerator;

/** The agents of the catalogue. Each is documented by its rule and source. */
final class Strategies {
    private Strategies() {
    }

    /**
     * Time-dependent concession (Faratin, Sierra and Jennings, 1998): the target falls from the best utility to the
     * reservation as p(t) = u_max − (u_max − r)·t^(1/e). e &lt; 1 concedes late (boulware), e = 1 linearly, e &gt; 1
     * early (conceder). Accepts an offer worth the current target; otherwise bids near the others' last offer.
     */
    static final class TimeDependent extends Strategy {
        private final double e;

        TimeDependent(RandomGenerator random, double e) {
            super(random);
            if (!(e > 0)) {
                throw new IllegalArgumentException("e must be positive");
            }
            this.e = e;
        }

        @Override
        double target(AgentView v) {
            double max = best(v);
            double min = Math.min(max, v.profile().reservation());
            return max - (max - min) * Math.pow(v.time(), 1 / e);
        }

        @Override
        Action offer(AgentView v) {
            return acceptOrBid(v, target(v));
        }
    }

    /**
     * Relative tit-for-tat (Faratin et al., 1998): concedes, in its own utility, as much as the others' last two
     * offers improved for it; starts at its best and never goes below its reservation.
     */
    static final class TitForTat extends Strategy {
        private double target = Double.NaN;

        TitForTat(RandomGenerator random) {
            super(random);
        }

        @Override
        Action offer(AgentView v) {
            if (Double.isNaN(target)) {
                target = best(v);
            }
            List<Event.Offered> theirs = v.othersOffers(2);
            if (theirs.size() == 2) {
                double concession = v.utility(theirs.get(0).outcome()) - v.utility(theirs.get(1).outcome());
                target = Math.max(v.profile().reservation(), target - Math.max(0, concession));
            }
            return acceptOrBid(v, target);
        }
    }

    /** Never concedes: always bids its best package and accepts only one worth as much. */
    static final class Hardliner extends Strategy {
        Hardliner(RandomGenerator random) {
            super(random);
        }

        @Override
        Action offer(AgentView v) {
            return acceptOrBid(v, best(v));
        }
    }

    /** Bids a random package it can accept (one option per issue at random, up to 100 tries); accepts any such. */
    static final class RandomBidder extends Strategy {
        RandomBidder(RandomGenerator random) {
            super(random);
        }

        @Override
        Action offer(AgentView v) {
            if (v.onTable().isPresent() && !v.tabledBy().orElse("").equals(v.party())
                    && acceptable(v, v.onTable().get())) {
                return new Action.Accept();
            }
            for (int attempt = 0; attempt < 100; attempt++) {
                int[] c = new int[v.issues().size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = random.nextInt(v.issues().get(i).size());
                }
                if (acceptable(v, Outcome.of(c))) {
                    return new Action.Offer(Outcome.of(c));
                }
            }
            return new Action.Offer(Outcome.of(v.utilities().bestPackage()));
        }
    }

    /**
     * A single-text voter that accepts a change only when it gains at least {@code threshold} from it: holding out
     * for more than a truthful voter would.
     */
    static final class StrategicVoter extends Strategy {
        private final double threshold;

        StrategicVoter(RandomGenerator random, double threshold) {
            super(random);
            this.threshold = threshold;
        }

        @Override
        boolean vote(AgentView v, Outcome current, Outcome proposal) {
            return !v.utilities().breaksRedLine(proposal.toArray())
                    && v.utility(proposal) >= v.utility(current) + threshold - EPS;
        }
    }

    /**
     * A single-text mediator that anneals its search: while the temperature T = 1 − t is high it proposes jumps that
     * move many issues at once (each by one option), and falls back on hill-climbing as it cools (Klein et al., 2003,
     * with the annealing moved to the mediator). Parties still vote truthfully and adoption still needs unanimity.
     */
    static final class AnnealingMediator extends Strategy {
        AnnealingMediator(RandomGenerator random) {
            super(random);
        }

        @Override
        Action propose(AgentView v) {
            int n = v.issues().size();
            double temperature = 1 - v.time();
            int k = (int) Math.round((n - 1) * temperature * temperature);
            if (k < 3 || random.nextDouble() > temperature) {
                return super.propose(v);
            }
            return new Action.Propose(mutate(v.text().orElseThrow(), k, v));
        }
    }

    /** The default: votes truthfully, proposes by hill-climbing, and when it must bid, bids like a linear agent. */
    static final class Truthful extends Strategy {
        private final TimeDependent bidding;

        Truthful(RandomGenerator random) {
            super(random);
            this.bidding = new TimeDependent(random, 1.0);
        }

        @Override
        Action offer(AgentView v) {
            return bidding.offer(v);
        }
    }
}
