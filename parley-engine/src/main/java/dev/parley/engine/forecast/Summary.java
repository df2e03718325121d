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
     * How P(agreement) moves with one uncertain figure: the runs split at its median draw into the lower and the
     * upper half, and the agreement share of each. {@code margin} is the half-width of a 95% interval of the
     * difference (normal approximation): a difference within it may be chance.
     */
    public record Effect(String parameter, double median, Share low, Share high, double difference, double margin) {
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
     * the runs' drawn figures being those of {@code parameters}.
     */
    public static Summary of(List<Forecast.Run> runs, int deadline, int[] optionCounts, List<String> parameters) {
        return of(runs, deadline, optionCounts, parameters, true);
    }

    /** As above; {@code talks} says whether the runs went through the talks, or were only analysed. */
    public static Summary of(List<Forecast.Run> runs, int deadline, int[] optionCounts, List<String> parameters,
            boolean talks) {
        int n = runs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no runs to summarise");
        }
        int agreed = (int) runs.stream().filter(Forecast.Run::agreed).count();
        int empty = (int) runs.stream().filter(Forecast.Run::zoneEmpty).count();
        var dealCounts = new LinkedHashMap<Outcome, Integer>();
        var nashCounts = new LinkedHashMap<Outcome, Integer>();
        int[][] optionCount = new int[optionCounts.length][];
        for (int i = 0; i < optionCounts.length; i++) {
            optionCount[i] = new int[optionCounts[i]];
        }
        var blockers = new LinkedHashMap<String, Integer>();
        var refused = new LinkedHashMap<String, Integer>();
        int isNash = 0;
        double shareSum = 0;
        for (Forecast.Run r : runs) {
            r.deal().ifPresent(d -> {
                dealCounts.merge(d, 1, Integer::sum);
                for (int i = 0; i < optionCount.length; i++) {
                    optionCount[i][d.option(i)]++;
                }
            });
            r.nash().ifPresent(x -> nashCounts.merge(x, 1, Integer::sum));
            isNash += r.deal().isPresent() && r.deal().equals(r.nash()) ? 1 : 0;
            r.blocking().forEach(b -> blockers.merge(b, 1, Integer::sum));
            r.refusals().forEach(b -> refused.merge(b, 1, Integer::sum));
            shareSum += r.nashShare();
        }
        var options = new ArrayList<List<OptionShare>>();
        for (int i = 0; i < optionCount.length; i++) {
            var list = new ArrayList<OptionShare>();
            for (int o = 0; o < optionCount[i].length; o++) {
                if (optionCount[i][o] > 0) {
                    list.add(new OptionShare(o, Share.of(optionCount[i][o], n)));
                }
            }
            list.sort(Comparator.comparingInt((OptionShare f) -> -f.share().count())
                    .thenComparingInt(OptionShare::option));
            options.add(list);
        }
        int[] rounds = runs.stream().filter(Forecast.Run::agreed).mapToInt(Forecast.Run::rounds).sorted().toArray();
        var steps = new ArrayList<Step>();
        for (int k = 1; k <= 10; k++) {
            int round = (int) Math.ceil(k * deadline / 10.0);
            int by = 0;
            for (int x : rounds) {
                by += x <= round ? 1 : 0;
            }
            steps.add(new Step(round, Share.of(by, n)));
        }
        List<Blocker> blocking = tally(blockers, n);
        return new Summary(n, Share.of(agreed, n), Share.of(empty, n), top(dealCounts, n), options, new Rounds(
                quantile(rounds, 0.5), quantile(rounds, 0.8), rounds.length == 0
                        ? OptionalInt.empty()
                        : OptionalInt.of(rounds[rounds.length - 1])),
                steps, top(nashCounts, n), Share.of(isNash, n), blocking, shareSum / n, tally(refused, n), sensitivity(
                        runs, parameters, talks ? Forecast.Run::agreed : r -> !r.zoneEmpty()));
    }

    /** Each reason with the share of all {@code n} runs it came up in, most frequent first (ties as first seen). */
    private static List<Blocker> tally(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(
                e -> new Blocker(e.getKey(), Share.of(e.getValue(), n))).toList();
    }

    /** The tornado: each parameter's split at its median draw, largest difference in P(agreement) first. */
    static List<Effect> sensitivity(List<Forecast.Run> runs, List<String> parameters,
            java.util.function.Predicate<Forecast.Run> success) {
        int n = runs.size();
        var out = new ArrayList<Effect>();
        if (n < 2) {
            return out;
        }
        for (int k = 0; k < parameters.size(); k++) {
            int at = k;
            List<Forecast.Run> sorted = runs.stream().sorted(Comparator.comparingDouble((Forecast.Run r) -> r.drawn(
                    at)).thenComparingInt(Forecast.Run::index)).toList();
            int half = n / 2;
            int lowAgreed = (int) sorted.subList(0, half).stream().filter(success).count();
            int highAgreed = (int) sorted.subList(half, n).stream().filter(success).count();
            Share low = Share.of(lowAgreed, half);
            Share high = Share.of(highAgreed, n - half);
            double margin = Z * Math.sqrt(low.share() * (1 - low.share()) / half + high.share() * (1 - high.share())
                    / (n - half));
            out.add(new Effect(parameters.get(k), sorted.get(half).drawn(at), low, high, high.share() - low.share(),
                    margin));
        }
        out.sort(Comparator.comparingDouble((Effect e) -> -Math.abs(e.difference())).thenComparing(Effect::parameter));
        return out;
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

    /** The {@code q}-quantile of sorted {@code x} by nearest rank; empty for no values. */
    private static OptionalInt quantile(int[] x, double q) {
        if (x.length == 0) {
            return OptionalInt.empty();
        }
        int rank = Math.max(1, (int) Math.ceil(q * x.length));
        return OptionalInt.of(x[rank - 1]);
    }
}
