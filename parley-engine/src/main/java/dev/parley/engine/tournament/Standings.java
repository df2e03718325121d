package dev.parley.engine.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tournament's scores: per agent in the principals' seats, its mean advantage (the score, as in ANAC's league) with
 * a 95% interval and its rank, its mean utility, how often it reached a deal and the deals' NPS; per mediator, the
 * mean NPS of its sessions; per protocol, the agreement rate; per pair of agents, the mean advantage of one against
 * the other; and for each pair, whether their advantages differ significantly ({@link RankSum#METHOD}). Sessions that
 * failed (an error, a time-out) are counted against the agent in whose seat they failed and left out of every mean.
 * Computed in session order, so the same results give the same standings whatever order they arrived in. Immutable.
 *
 * @param interval how the 95% intervals are computed
 */
public record Standings(int sessions, int agreed, int errors, int timeouts, List<Row> agents, List<Row> mediators,
        List<Rate> protocols, List<Cell> pairs, List<Comparison> comparisons, String interval, String significance) {

    /** The interval's method, in words. */
    public static final String INTERVAL = "mean ± 1.96 standard errors (normal approximation)";

    public Standings {
        agents = List.copyOf(agents);
        mediators = List.copyOf(mediators);
        protocols = List.copyOf(protocols);
        pairs = List.copyOf(pairs);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One agent's line.
     *
     * @param rank 1 for the best score; agents with equal scores share a rank
     * @param plays how many seats it filled in sessions that ran to their end
     * @param score mean advantage for a principal's agent, mean NPS for a mediator
     * @param low the 95% interval's lower end (NaN below two plays)
     * @param utility mean utility (principals; NaN for mediators)
     * @param agreement the share of its sessions that reached a deal
     * @param nps the mean NPS of its sessions
     * @param errors sessions that stopped because its agent threw
     * @param timeouts sessions that ran past the time limit on its move
     * @param bins how many of its scores fall in each tenth of [0, 1] (below 0 in the first, 1 in the last)
     * @param figures the means of its sessions' other figures, each over the plays it applies to
     */
    public record Row(String agent, int rank, int plays, double score, double low, double high, double utility,
            double agreement, double nps, int errors, int timeouts, List<Integer> bins, Means figures) {
        public Row {
            bins = List.copyOf(bins);
        }
    }

    /**
     * The means of an agent's sessions' figures beside its score.
     *
     * @param victory the victory index from its own side (positive when it got the larger share), principals only
     */
    public record Means(double paretoDistance, double nashDistance, double welfare, double rounds, double victory) {
    }

    /** A protocol's line: its sessions, how many reached a deal, how many failed. */
    public record Rate(String protocol, int sessions, int agreed, int failed, double rate, double nps) {
    }

    /** The mean advantage of {@code agent} in sessions where {@code opponent} held another principal's seat. */
    public record Cell(String agent, String opponent, int plays, double advantage) {
    }

    /** Whether {@code a}'s and {@code b}'s advantages differ: the test, its p-value and Holm's adjusted one. */
    public record Comparison(String a, String b, double u, double z, double p, double adjusted,
            boolean significant) {
    }

    /** Collects results in any order. Not thread-safe: the caller serialises {@link #add}. */
    public static final class Accumulator {
        private final List<Entry> entries = new ArrayList<>();

        /** What is kept of one result: its figures, not its strings. */
        private record Entry(int index, String protocol, String mediator, Result.Status status, double nps,
                double pareto, double nash, double welfare, int rounds, double victory, String culprit,
                boolean culpritPrincipal, String[] agents, double[] utility, double[] advantage) {
        }

        public void add(Result r) {
            int n = r.seats().size();
            String[] agents = new String[n];
            double[] utility = new double[n];
            double[] advantage = new double[n];
            for (int k = 0; k < n; k++) {
                agents[k] = r.seats().get(k).agent();
                utility[k] = r.seats().get(k).utility();
                advantage[k] = r.seats().get(k).advantage();
            }
            boolean principal = r.culprit().map(party -> r.seats().stream().anyMatch(s -> s.party().equals(party)))
                    .orElse(false);
            entries.add(new Entry(r.index(), r.protocol(), r.mediator().orElse(null), r.status(), r.nps(), r
                    .paretoDistance(), r.nashDistance(), r.welfare(), r.rounds(), r.victory(),
                    r.culpritAgent()
                            .orElse(null),
                    principal, agents, utility, advantage));
        }

        public Standings standings() {
            var sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingInt(Entry::index));
            var principals = new TreeMap<String, Tally>();
            var mediators = new TreeMap<String, Tally>();
            var protocols = new LinkedHashMap<String, int[]>();
            var protocolNps = new LinkedHashMap<String, double[]>();
            var pairs = new TreeMap<String, TreeMap<String, double[]>>();
            int agreed = 0;
            int errors = 0;
            int timeouts = 0;
            for (Entry e : sorted) {
                boolean played = e.status().played();
                boolean deal = e.status() == Result.Status.AGREED;
                agreed += deal ? 1 : 0;
                errors += e.status() == Result.Status.ERROR ? 1 : 0;
                timeouts += e.status() == Result.Status.TIMEOUT ? 1 : 0;
                int[] p = protocols.computeIfAbsent(e.protocol(), k -> new int[3]);
                p[0]++;
                p[1] += deal ? 1 : 0;
                p[2] += played ? 0 : 1;
                double[] pn = protocolNps.computeIfAbsent(e.protocol(), k -> new double[1]);
                pn[0] += played ? e.nps() : 0;
                for (int k = 0; k < e.agents().length; k++) {
                    Tally t = principals.computeIfAbsent(e.agents()[k], a -> new Tally());
                    if (played) {
                        t.add(e.advantage()[k], e.utility()[k], deal, e);
                        t.victory.add(k == 0 ? -e.victory() : k == 1 ? e.victory() : Double.NaN);
                        for (int j = 0; j < e.agents().length; j++) {
                            if (j != k) {
                                double[] cell = pairs.computeIfAbsent(e.agents()[k], a -> new TreeMap<>())
                                        .computeIfAbsent(e.agents()[j], a -> new double[2]);
                                cell[0]++;
                                cell[1] += e.advantage()[k];
                            }
                        }
                    }
                }
                if (e.mediator() != null) {
                    Tally t = mediators.computeIfAbsent(e.mediator(), a -> new Tally());
                    if (played) {
                        t.add(e.nps(), Double.NaN, deal, e);
                    }
                }
                if (e.culprit() != null) {
                    Tally t = (e.culpritPrincipal() ? principals : mediators).computeIfAbsent(e.culprit(),
                            a -> new Tally());
                    if (e.status() == Result.Status.ERROR) {
                        t.errors++;
                    } else {
                        t.timeouts++;
                    }
                }
            }
            var rates = new ArrayList<Rate>();
            protocols.forEach((name, p) -> rates.add(new Rate(name, p[0], p[1], p[2], p[0] == p[2]
                    ? 0
                    : (double) p[1] / (p[0] - p[2]), p[0] == p[2] ? 0 : protocolNps.get(name)[0] / (p[0] - p[2]))));
            var cells = new ArrayList<Cell>();
            pairs.forEach((a, row) -> row.forEach((b, c) -> cells.add(new Cell(a, b, (int) c[0], c[1] / c[0]))));
            return new Standings(sorted.size(), agreed, errors, timeouts, rows(principals), rows(mediators), rates,
                    cells, comparisons(principals), INTERVAL, RankSum.METHOD);
        }

        private static List<Row> rows(Map<String, Tally> tallies) {
            var rows = new ArrayList<Row>();
            tallies.forEach((agent, t) -> {
                int n = t.score.size();
                double mean = t.score.mean();
                double half = n < 2 ? Double.NaN : 1.96 * Math.sqrt(t.score.variance() / n);
                rows.add(new Row(agent, 0, n, n == 0 ? Double.NaN : mean, mean - half, mean + half, n == 0
                        ? Double.NaN
                        : t.utility.mean(), n == 0 ? 0 : (double) t.deals / n, n == 0 ? Double.NaN : t.nps.mean(),
                        t.errors, t.timeouts, t.score.bins(), new Means(t.pareto.mean(), t.nash.mean(), t.welfare
                                .mean(), t.rounds.mean(), t.victory.mean())));
            });
            rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.score())
                    ? Double.NEGATIVE_INFINITY
                    : r.score()).reversed().thenComparing(Row::agent));
            var ranked = new ArrayList<Row>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                int rank = i > 0 && Double.compare(rows.get(i - 1).score(), r.score()) == 0
                        ? ranked.get(i - 1)
                                .rank()
                        : i + 1;
                ranked.add(new Row(r.agent(), rank, r.plays(), r.score(), r.low(), r.high(), r.utility(), r
                        .agreement(), r.nps(), r.errors(), r.timeouts(), r.bins(), r.figures()));
            }
            return ranked;
        }

        private static List<Comparison> comparisons(Map<String, Tally> tallies) {
            var names = tallies.keySet().stream().filter(a -> tallies.get(a).score.size() > 0).toList();
            var tests = new ArrayList<String[]>();
            var results = new ArrayList<RankSum.Test>();
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    tests.add(new String[]{names.get(i), names.get(j)});
                    results.add(RankSum.test(tallies.get(names.get(i)).score.values(), tallies.get(names.get(j)).score
                            .values()));
                }
            }
            double[] adjusted = RankSum.holm(results.stream().mapToDouble(RankSum.Test::p).toArray());
            var out = new ArrayList<Comparison>();
            for (int k = 0; k < tests.size(); k++) {
                RankSum.Test t = results.get(k);
                out.add(new Comparison(tests.get(k)[0], tests.get(k)[1], t.u(), t.z(), t.p(), adjusted[k],
                        adjusted[k] < 0.05));
            }
            return out;
        }
    }

    /** One agent's figures, in session order. */
    private static final class Tally {
        final Values score = new Values();
        final Values utility = new Values();
        final Values nps = new Values();
        final Values pareto = new Values();
        final Values nash = new Values();
        final Values welfare = new Values();
        final Values rounds = new Values();
        final Values victory = new Values();
        int deals;
        int errors;
        int timeouts;

        void add(double s, double u, boolean deal, Accumulator.Entry e) {
            score.add(s);
            utility.add(u);
            nps.add(e.nps());
            pareto.add(e.pareto());
            nash.add(e.nash());
            welfare.add(e.welfare());
            rounds.add(e.rounds());
            deals += deal ? 1 : 0;
        }
    }

    /** A growing array of doubles. */
    private static final class Values {
        private double[] v = new double[16];
        private int n;

        /** Adds {@code x}, unless it is NaN (a figure that does not apply). */
        void add(double x) {
            if (Double.isNaN(x)) {
                return;
            }
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }

        int size() {
            return n;
        }

        double[] values() {
            return java.util.Arrays.copyOf(v, n);
        }

        double mean() {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[i];
            }
            return s / n;
        }

        List<Integer> bins() {
            int[] b = new int[10];
            for (int i = 0; i < n; i++) {
                b[Math.max(0, Math.min(9, (int) Math.floor(v[i] * 10)))]++;
            }
            return java.util.Arrays.stream(b).boxed().toList();
        }

        /** The sample variance (n − 1 in the denominator), by two passes. */
        double variance() {
            double m = mean();
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (v[i] - m) * (v[i] - m);
            }
            return s / (n - 1);
        }
    }
}
