package dev.parley.engine.forecast;

import dev.parley.engine.model.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a forecast's runs say, each share with its 95% Wilson score interval (Wilson 1927), which stays within [0, 1]
 * and is sound for shares near 0 or 1 and few runs, unlike the normal approximation. Immutable.
 *
 * @param agreement the share of runs that ended in a deal
 * @param zoneEmpty the share of runs whose drawn profiles left no package every ratifying party accepts
 * @param deals the packages agreed most often, most frequent first (ties in issue order), at most {@link #TOP}
 * @param options per issue (in issue order), per option agreed: the share of runs that agreed it
 * @param rounds the rounds to agreement, over the runs that agreed
 * @param agreedBy the share of all runs agreed by the end of each tenth of the deadline
 * @param nash the packages most often the Nash package of the drawn zone (rank acceptability), at most {@link #TOP}
 * @param dealIsNash the share of runs whose deal is its draw's Nash package
 * @param blocking over the runs with an empty zone: what would open it, each with the share of all runs it blocked
 * @param meanNashShare the mean over runs of the deal's Nash product share of its draw (0 without a deal)
 * @param refusals over the runs without a deal: who rejected the final text and why, with the share of all runs
 * @param sensitivity per uncertain figure, how P(agreement) (or, when the runs were only analysed, P(the zone is
 *        open)) differs between the runs that drew it low and high, largest difference first (a tornado)
 */
public record Summary(int runs, Share agreement, Share zoneEmpty, List<Frequency> deals,
        List<List<OptionShare>> options, Rounds rounds, List<Step> agreedBy, List<Frequency> nash, Share dealIsNash,
        List<Blocker> blocking, double meanNashShare, List<Blocker> refusals, List<Effect> sensitivity) {
    /** How many packages {@link #deals} and {@link #nash} list. */
    public static final int TOP = 10;
    /** z for a two-sided 95% interval. */
    private static final double Z = 1.959963984540054;

    /** A share of the runs with its 95% interval. */
    public record Share(int count, int of, double share, double low, double high) {
        static Share of(int count, int of) {
            double p = count / (double) of;
            double z2 = Z * Z;
            double centre = (p + z2 / (2 * of)) / (1 + z2 / of);
            double half = Z / (1 + z2 / of) * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of));
            return new Share(count, of, p, Math.max(0, centre - half), Math.min(1, centre + half));
        }
    }

    /** A package and the share of runs it came up in. */
    public record Frequency(Outcome outcome, Share share) {
    }

    /** An option of an issue and the share of runs that agreed it. */
    public record OptionShare(int option, Share share) {
    }

    /** The rounds to agreement: median and 80th percentile (nearest rank); empty without an agreement. */
    public record Rounds(OptionalInt median, OptionalInt p80, OptionalInt max) {
    }

    /** By the end of round {@code round}, this share of all runs had agreed. */
    public record Step(int round, Share agreed) {
    }

    /** What opens an empty zone, and the share of all runs in which it was (one of) the smallest that did. */
    public record Blocker(String relaxation, Share share) {
    }

    /**
     * How P(agreement) moves with one uncertain figure: the runs split at its point figure (the best estimate) into
     * those that drew it below and those that drew it at or above, and the agreement share of each. {@code margin} is
     * the half-width of a 95% interval of the difference (normal approximation): a difference within it may be
     * chance.
     */
    public record Effect(String parameter, double point, Share low, Share high, double difference, double margin) {
    }

    public Summary {
        refusals = List.copyOf(refusals);
        sensitivity = List.copyOf(sensitivity);
        deals = List.copyOf(deals);
        options = options.stream().map(List::copyOf).toList();
        agreedBy = List.copyOf(agreedBy);
        nash = List.copyOf(nash);
        blocking = List.copyOf(blocking);
    }

    /**
     * The summary of {@code runs}, for talks of at most {@code deadline} rounds over issues with these option counts,
     * the runs' drawn figures being those named, split for the sensitivity at their point figures.
     */
    public static Summary of(List<Forecast.Run> runs, int deadline, int[] optionCounts, List<String> parameters,
            double[] points, boolean talks) {
        var a = new Accumulator(deadline, optionCounts, parameters, points, talks);
        runs.forEach(a::add);
        return a.summary();
    }

    /** As above, without drawn figures to split, for runs through the talks. */
    public static Summary of(List<Forecast.Run> runs, int deadline, int[] optionCounts) {
        return of(runs, deadline, optionCounts, List.of(), new double[0], true);
    }

    /**
     * The summary built run by run, in any order, holding counts only (memory grows with the distinct packages and
     * reasons seen, never with the runs): the same summary whatever the order the runs come in. Thread-safe.
     */
    public static final class Accumulator {
        private final int deadline;
        private final List<String> parameters;
        private final double[] points;
        private final boolean talks;
        private int n;
        private int agreed;
        private int empty;
        private int isNash;
        /**
         * The Nash product shares summed as whole 10^-9, so that the sum does not depend on the order (and holds
         * 9·10^9 runs of share 1).
         */
        private long shareTicks;
        private final Map<Outcome, Integer> deals = new java.util.HashMap<>();
        private final Map<Outcome, Integer> nash = new java.util.HashMap<>();
        private final Map<String, Integer> blockers = new java.util.HashMap<>();
        private final Map<String, Integer> refused = new java.util.HashMap<>();
        private final int[][] optionCount;
        /** How many runs agreed in each round. */
        private final int[] agreedIn;
        /** Per parameter: runs drawn below the point, of them successes; at or above, of them successes. */
        private final int[][] split;

        public Accumulator(int deadline, int[] optionCounts, List<String> parameters, double[] points,
                boolean talks) {
            if (parameters.size() != points.length) {
                throw new IllegalArgumentException("one point figure per parameter");
            }
            this.deadline = deadline;
            this.parameters = List.copyOf(parameters);
            this.points = points.clone();
            this.talks = talks;
            this.optionCount = new int[optionCounts.length][];
            for (int i = 0; i < optionCounts.length; i++) {
                optionCount[i] = new int[optionCounts[i]];
            }
            this.agreedIn = new int[deadline + 1];
            this.split = new int[parameters.size()][4];
        }

        public synchronized void add(Forecast.Run r) {
            n++;
            agreed += r.agreed() ? 1 : 0;
            empty += r.zoneEmpty() ? 1 : 0;
            r.deal().ifPresent(d -> {
                deals.merge(d, 1, Integer::sum);
                for (int i = 0; i < optionCount.length; i++) {
                    optionCount[i][d.option(i)]++;
                }
                agreedIn[Math.min(deadline, Math.max(0, r.rounds()))]++;
            });
            r.nash().ifPresent(x -> nash.merge(x, 1, Integer::sum));
            isNash += r.deal().isPresent() && r.deal().equals(r.nash()) ? 1 : 0;
            r.blocking().forEach(b -> blockers.merge(b, 1, Integer::sum));
            r.refusals().forEach(b -> refused.merge(b, 1, Integer::sum));
            shareTicks += Math.round(r.nashShare() * 1e9);
            boolean success = talks ? r.agreed() : !r.zoneEmpty();
            for (int k = 0; k < split.length; k++) {
                int side = r.drawn(k) < points[k] ? 0 : 2;
                split[k][side]++;
                split[k][side + 1] += success ? 1 : 0;
            }
        }

        public synchronized Summary summary() {
            if (n == 0) {
                throw new IllegalArgumentException("no runs to summarise");
            }
            var options = new ArrayList<List<OptionShare>>();
            for (int[] counts : optionCount) {
                var list = new ArrayList<OptionShare>();
                for (int o = 0; o < counts.length; o++) {
                    if (counts[o] > 0) {
                        list.add(new OptionShare(o, Share.of(counts[o], n)));
                    }
                }
                list.sort(Comparator.comparingInt((OptionShare f) -> -f.share().count()).thenComparingInt(
                        OptionShare::option));
                options.add(list);
            }
            var steps = new ArrayList<Step>();
            for (int k = 1; k <= 10; k++) {
                int round = (int) Math.ceil(k * deadline / 10.0);
                int by = 0;
                for (int x = 0; x <= Math.min(round, deadline); x++) {
                    by += agreedIn[x];
                }
                steps.add(new Step(round, Share.of(by, n)));
            }
            var effects = new ArrayList<Effect>();
            for (int k = 0; k < split.length; k++) {
                int below = split[k][0];
                int above = split[k][2];
                if (below == 0 || above == 0) {
                    continue; // every draw on one side: nothing to compare
                }
                Share low = Share.of(split[k][1], below);
                Share high = Share.of(split[k][3], above);
                double margin = Z * Math.sqrt(low.share() * (1 - low.share()) / below + high.share() * (1 - high
                        .share()) / above);
                effects.add(new Effect(parameters.get(k), points[k], low, high, high.share() - low.share(), margin));
            }
            effects.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.difference())).thenComparing(
                    Effect::parameter));
            return new Summary(n, Share.of(agreed, n), Share.of(empty, n), top(deals, n), options, new Rounds(
                    roundQuantile(0.5), roundQuantile(0.8), roundQuantile(1)), steps, top(nash, n),
                    Share.of(isNash,
                            n),
                    tally(blockers, n), shareTicks / 1e9 / n, tally(refused, n), effects);
        }

        /** The {@code q}-quantile of the rounds to agreement by nearest rank; empty without an agreement. */
        private OptionalInt roundQuantile(double q) {
            if (agreed == 0) {
                return OptionalInt.empty();
            }
            int rank = Math.max(1, (int) Math.ceil(q * agreed));
            int seen = 0;
            for (int x = 0; x <= deadline; x++) {
                seen += agreedIn[x];
                if (seen >= rank) {
                    return OptionalInt.of(x);
                }
            }
            return OptionalInt.of(deadline);
        }
    }

    /** Each reason with the share of all {@code n} runs it came up in, most frequent first, ties by name. */
    private static List<Blocker> tally(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(
                        e -> new Blocker(e.getKey(), Share.of(e.getValue(),
                                n)))
                .toList();
    }

    /** The {@link #TOP} most frequent packages, most frequent first, ties in issue order of their options. */
    private static List<Frequency> top(Map<Outcome, Integer> counts, int n) {
        Comparator<Map.Entry<Outcome, Integer>> byCount = Map.Entry.comparingByValue(Comparator.reverseOrder());
        return counts.entrySet().stream().sorted(byCount.thenComparing(e -> e.getKey(), Summary::inIssueOrder))
                .limit(TOP).map(e -> new Frequency(e.getKey(), Share.of(e.getValue(), n))).toList();
    }

    private static int inIssueOrder(Outcome a, Outcome b) {
        return java.util.Arrays.compare(a.toArray(), b.toArray());
    }
}
