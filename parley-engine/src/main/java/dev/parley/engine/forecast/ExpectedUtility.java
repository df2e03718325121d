package dev.parley.engine.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bueno de Mesquita's expected-utility ("challenge") model of group decisions on one issue dimension, as replicated
 * by Scholz, Calbert and Smith, "Unravelling Bueno De Mesquita's group decision model", Journal of Theoretical
 * Politics 23(4), 2011. Each actor has a position, a capability and a salience. Each round every actor's risk
 * attitude is set from the danger it is in (how much the others expect to gain by challenging it); then every actor
 * weighs, pair by pair, what it expects from challenging the other and the other from challenging it, and takes the
 * best offer it gets — it loses a confrontation and moves to the other's position, compromises part of the way, or
 * capitulates — all at once. The forecast is the weighted median of the positions after the rounds; the
 * weighted mean (the compromise model) is reported beside it.
 * <p>
 * Where Scholz et al.'s code and Bueno de Mesquita's text disagree, the code is followed by default and the text is
 * an option ({@link Readings}): the denominator of the probability of success, the choice among compromises, and
 * whose dangers a risk attitude is measured against. Capitulation follows the text (the other side expects to gain
 * less than this actor expects to lose); the open port of the replication writes that test so that it never holds,
 * which changes nothing in its worked example. Stateless.
 */
public final class ExpectedUtility {
    /** One actor: its name, capability (≥ 0), position on the scale, and salience in [0, 1]. */
    public record Actor(String name, double capability, double position, double salience) {
        public Actor {
            Objects.requireNonNull(name, "name");
            if (!(capability >= 0) || Double.isInfinite(capability)) {
                throw new IllegalArgumentException(name + ": the capability must be a number of at least 0");
            }
            if (!(salience >= 0 && salience <= 1)) {
                throw new IllegalArgumentException(name + ": the salience must be in [0, 1]");
            }
            if (Double.isNaN(position) || Double.isInfinite(position)) {
                throw new IllegalArgumentException(name + ": the position must be a number");
            }
        }
    }

    /** Where the code and the text differ. */
    public record Readings(boolean pairwiseProbability, boolean nearestCompromise, boolean ownDangers) {
        /** As Scholz et al.'s code: the default. */
        public static final Readings CODE = new Readings(false, false, false);
        /**
         * As Bueno de Mesquita's text: the probability of success divides by the votes on that pair alone (so the two
         * sides' probabilities sum to 1); an actor takes the compromise that moves it least; its risk attitude
         * compares its danger with the dangers it would meet at the other positions held.
         */
        public static final Readings TEXT = new Readings(true, true, true);
    }

    /** What an actor did in a round. */
    public enum Move {
        STAYS, LOSES_CONFRONTATION, COMPROMISES, CAPITULATES
    }

    /**
     * The state after a round (round 0: the start): each actor's position and risk attitude (r, 0.5 to 2), what
     * it did and toward whom, and the weighted median and mean of the positions.
     */
    public record Round(int number, double[] positions, double[] risk, List<Move> moves, List<String> toward,
            double median, double mean) {
        public Round {
            positions = positions.clone();
            risk = risk.clone();
            moves = List.copyOf(moves);
            toward = List.copyOf(toward);
        }

        @Override
        public double[] positions() {
            return positions.clone();
        }

        public double position(int actor) {
            return positions[actor];
        }

        @Override
        public double[] risk() {
            return risk.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Round r && number == r.number && Arrays.equals(positions, r.positions) && Arrays
                    .equals(risk, r.risk) && moves.equals(r.moves) && toward.equals(r.toward) && Double.compare(median,
                            r.median) == 0
                    && Double.compare(mean, r.mean) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(number, Arrays.hashCode(positions), median, mean);
        }
    }

    private final List<Actor> actors;
    private final Readings readings;
    private final double range;
    private final double q;
    private final double[] x;
    private final double[] r;

    private ExpectedUtility(List<Actor> actors, Readings readings) {
        this.actors = List.copyOf(actors);
        this.readings = readings;
        this.q = 1;
        int n = actors.size();
        this.x = new double[n];
        this.r = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = actors.get(i).position();
            r[i] = 1;
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        this.range = max - min;
    }

    /**
     * The start and each of {@code rounds} rounds of the model.
     *
     * @throws IllegalArgumentException with fewer than two actors, or when every actor's capability or salience is 0
     *     (when all hold one position, the start is all there is)
     */
    public static List<Round> run(List<Actor> actors, int rounds, Readings readings) {
        if (actors.size() < 2) {
            throw new IllegalArgumentException("the model needs at least two actors");
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be at least 0");
        }
        if (actors.stream().mapToDouble(a -> a.capability() * a.salience()).sum() <= 0) {
            throw new IllegalArgumentException("every actor has capability or salience 0: no one weighs in");
        }
        var m = new ExpectedUtility(actors, readings);
        var out = new ArrayList<Round>();
        int n = actors.size();
        List<Move> none = java.util.Collections.nCopies(n, Move.STAYS);
        List<String> nobody = java.util.Collections.nCopies(n, "");
        out.add(new Round(0, m.x, m.r, none, nobody, m.median(), m.mean()));
        if (m.range == 0) {
            return out; // all agree already: no one challenges anyone
        }
        for (int k = 1; k <= rounds; k++) {
            out.add(m.round(k));
        }
        return out;
    }

    /** The weighted median of the positions: the one no other beats in a vote weighted by capability × salience. */
    public static double weightedMedian(List<Actor> actors) {
        return new ExpectedUtility(actors, Readings.CODE).median();
    }

    /** The compromise model: the mean of the positions weighted by capability × salience. */
    public static double weightedMean(List<Actor> actors) {
        return new ExpectedUtility(actors, Readings.CODE).mean();
    }

    private Round round(int number) {
        int n = x.length;
        Arrays.fill(r, 1);
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            next[i] = riskAversion(i);
        }
        System.arraycopy(next, 0, r, 0, n);
        double[] moved = x.clone();
        var moves = new ArrayList<Move>();
        var toward = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            Offer best = bestOffer(i);
            moves.add(best == null ? Move.STAYS : best.move);
            toward.add(best == null ? "" : actors.get(best.from).name());
            if (best != null) {
                moved[i] = best.position;
            }
        }
        System.arraycopy(moved, 0, x, 0, n);
        return new Round(number, x, r, moves, toward, median(), mean());
    }

    /** How much actor {@code a} gains from {@code xk} over {@code xj}, with its risk attitude or {@code risk}. */
    private double compare(int a, double xj, double xk, double risk) {
        Actor actor = actors.get(a);
        return actor.capability() * actor.salience() * (Math.pow(Math.abs(x[a] - xk) / range, risk) - Math.pow(Math
                .abs(x[a] - xj) / range, risk));
    }

    /** The probability that position {@code xi} prevails over {@code xj}. */
    private double probability(double xi, double xj) {
        if (xi == xj) {
            return 0;
        }
        int n = x.length;
        double forI = 0;
        double denominator = 0;
        for (int a = 0; a < n; a++) {
            double vote = compare(a, xi, xj, r[a]);
            forI += Math.max(0, vote);
            if (readings.pairwiseProbability()) {
                denominator += Math.abs(vote);
            } else {
                for (int b = 0; b < n; b++) {
                    for (int c = 0; c < n; c++) {
                        denominator += Math.abs(compare(a, x[b], x[c], r[a]));
                    }
                }
            }
        }
        return denominator == 0 ? 0 : forI / denominator;
    }

    private double uSuccess(int actor, double xj, double risk) {
        return 2 - 4 * Math.pow(0.5 - 0.5 * Math.abs(x[actor] - xj) / range, risk);
    }

    private double uFailure(int actor, double xj, double risk) {
        return 2 - 4 * Math.pow(0.5 + 0.5 * Math.abs(x[actor] - xj) / range, risk);
    }

    /** What {@code i} expects from challenging {@code j}, as {@code perspective} sees it (its risk attitude). */
    private double euChallenge(int perspective, int i, int j) {
        double risk = r[perspective];
        double p = probability(x[i], x[j]);
        double success = uSuccess(i, x[j], risk);
        double failure = uFailure(i, x[j], risk);
        double statusQuo = 2 - 4 * Math.pow(0.5, risk);
        double sj = actors.get(j).salience();
        return sj * (p * success + (1 - p) * failure) + (1 - sj) * success - q * statusQuo;
    }

    /** How much the others expect to gain by challenging {@code a}, as {@code a} sees it. */
    private double danger(int a) {
        double sum = 0;
        for (int o = 0; o < x.length; o++) {
            if (o != a) {
                sum += euChallenge(a, o, a);
            }
        }
        return sum;
    }

    /** r = (1 − R/3)/(1 + R/3), R the actor's danger placed between the least and the greatest, in [−1, 1]. */
    private double riskAversion(int a) {
        double own = danger(a);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        if (readings.ownDangers()) {
            double held = x[a];
            for (double position : distinct(x)) {
                x[a] = position;
                double d = danger(a);
                max = Math.max(max, d);
                min = Math.min(min, d);
            }
            x[a] = held;
        } else {
            for (int o = 0; o < x.length; o++) {
                double d = danger(o);
                max = Math.max(max, d);
                min = Math.min(min, d);
            }
        }
        double acceptance = max == min ? 0 : (2 * own - max - min) / (max - min);
        return (1 - acceptance / 3) / (1 + acceptance / 3);
    }

    private record Offer(int from, Move move, double eu, double otherEu, double position) {
    }

    /** The offer {@code i} takes: a confrontation it loses, else a compromise, else a capitulation; or none. */
    private Offer bestOffer(int i) {
        Offer confrontation = null;
        Offer compromise = null;
        Offer capitulation = null;
        double compromiseKey = Double.POSITIVE_INFINITY;
        for (int j = 0; j < x.length; j++) {
            if (x[i] == x[j]) {
                continue;
            }
            double eij = euChallenge(i, i, j);
            double eji = euChallenge(i, j, i);
            if (eji > eij && eij > 0) {
                var o = new Offer(j, Move.LOSES_CONFRONTATION, eij, eji, x[j]);
                confrontation = nearer(i, confrontation, o);
            } else if (eji > 0 && 0 > eij && eji > Math.abs(eij)) {
                var o = new Offer(j, Move.COMPROMISES, eij, eji, x[i] + (x[j] - x[i]) * Math.abs(eij / eji));
                double key = readings.nearestCompromise()
                        ? Math.abs(x[i] - o.position())
                        : (Math.abs(eij) * x[i] + Math.abs(eji) * x[j]) / (Math.abs(eij) + Math.abs(eji));
                if (key < compromiseKey) {
                    compromise = o;
                    compromiseKey = key;
                }
            } else if (eji > 0 && 0 > eij && eji < Math.abs(eij)) {
                capitulation = nearer(i, capitulation, new Offer(j, Move.CAPITULATES, eij, eji, x[j]));
            }
        }
        return confrontation != null ? confrontation : compromise != null ? compromise : capitulation;
    }

    /** Of two offers, the one that moves {@code i} less (the first on a tie). */
    private Offer nearer(int i, Offer best, Offer candidate) {
        return best == null || Math.abs(x[i] - candidate.position()) < Math.abs(x[i] - best.position())
                ? candidate
                : best;
    }

    /** The position no other beats in the vote weighted by capability × salience (risk-neutral): challengers in order. */
    private double median() {
        double[] positions = distinct(x);
        double median = positions[0];
        for (int k = 1; k < positions.length; k++) {
            double votes = 0;
            for (int a = 0; a < x.length; a++) {
                votes += range == 0 ? 0 : compare(a, positions[k], median, 1);
            }
            if (votes > 0) {
                median = positions[k];
            }
        }
        return median;
    }

    private double mean() {
        double top = 0;
        double bottom = 0;
        for (int a = 0; a < x.length; a++) {
            double w = actors.get(a).capability() * actors.get(a).salience();
            top += w * x[a];
            bottom += w;
        }
        return top / bottom;
    }

    private static double[] distinct(double[] values) {
        return Arrays.stream(values).distinct().sorted().toArray();
    }
}
