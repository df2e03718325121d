package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frequency model of the other parties, from the packages they offer or accept (in the manner of Hindriks and
 * Tykhonov's frequency-analysis opponent models in GENIUS agents; a package a party accepts counts as one it offers,
 * since it said yes to it): a party values an option by how often it offers it, (f + 1) / (f_max + 1) on each issue,
 * and weighs an issue by how seldom it moves it between consecutive packages, 1 + the number of times it kept it,
 * normalised to sum to 1. Estimated utilities lie in (0, 1]. Immutable.
 */
final class OpponentModel {
    /** Per modelled party: [issue][option] estimated value and [issue] estimated weight. */
    private final Map<String, double[][]> values;
    private final Map<String, double[]> weights;

    /** The same, in the parties' order, for the bid search's inner loop. */
    private final double[][][] valueArray;
    private final double[][] weightArray;

    OpponentModel(Map<String, double[][]> values, Map<String, double[]> weights) {
        this.values = values;
        this.weights = weights;
        this.valueArray = values.values().toArray(new double[0][][]);
        this.weightArray = weights.values().toArray(new double[0][]);
    }

    /** The model of every party other than {@code self} that offered or accepted a package in {@code events}. */
    static OpponentModel of(String self, List<Issue> issues, List<Event> events) {
        var t = new Tracker(self, issues);
        events.forEach(t::add);
        return t.model();
    }

    /**
     * The counts a model is made of, kept up to date one event at a time, so that an agent that bids every round
     * reads each offer once rather than the whole history again. Not thread-safe: one per agent.
     */
    static final class Tracker {
        private final String self;
        private final int[] radix;
        /** Per party: [issue][option] how often offered, [issue] the most frequent count, [issue] times kept. */
        private final Map<String, int[][]> frequency = new LinkedHashMap<>();
        private final Map<String, int[]> most = new LinkedHashMap<>();
        private final Map<String, int[]> kept = new LinkedHashMap<>();
        private final Map<String, int[]> last = new LinkedHashMap<>();

        Tracker(String self, List<Issue> issues) {
            this.self = self;
            this.radix = issues.stream().mapToInt(Issue::size).toArray();
        }

        /** Counts {@code e} when it is another party's offer or acceptance. */
        void add(Event e) {
            String party;
            Outcome out;
            if (e instanceof Event.Offered o && !o.party().equals(self)) {
                party = o.party();
                out = o.outcome();
            } else if (e instanceof Event.Accepted a && !a.party().equals(self)) {
                party = a.party();
                out = a.outcome();
            } else {
                return;
            }
            int n = radix.length;
            int[][] f = frequency.computeIfAbsent(party, p -> {
                int[][] x = new int[n][];
                for (int i = 0; i < n; i++) {
                    x[i] = new int[radix[i]];
                }
                return x;
            });
            int[] m = most.computeIfAbsent(party, p -> new int[n]);
            int[] k = kept.computeIfAbsent(party, p -> new int[n]);
            int[] previous = last.get(party);
            int[] c = out.toArray();
            for (int i = 0; i < n; i++) {
                m[i] = Math.max(m[i], ++f[i][c[i]]);
                if (previous != null && previous[i] == c[i]) {
                    k[i]++;
                }
            }
            last.put(party, c);
        }

        /** The model of what has been counted so far. */
        OpponentModel model() {
            var values = new LinkedHashMap<String, double[][]>();
            var weights = new LinkedHashMap<String, double[]>();
            frequency.forEach((party, f) -> {
                int n = radix.length;
                double[][] v = new double[n][];
                double[] w = new double[n];
                double sum = 0;
                int[] m = most.get(party);
                int[] k = kept.get(party);
                for (int i = 0; i < n; i++) {
                    v[i] = new double[f[i].length];
                    for (int o = 0; o < f[i].length; o++) {
                        v[i][o] = (f[i][o] + 1.0) / (m[i] + 1.0);
                    }
                    w[i] = 1 + k[i];
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
                values.put(party, v);
                weights.put(party, w);
            });
            return new OpponentModel(values, weights);
        }
    }

    /** The parties modelled, in the order they first offered. */
    List<String> parties() {
        return List.copyOf(values.keySet());
    }

    /** The estimated utility of package {@code c} to {@code party}. */
    double utility(String party, int[] c) {
        double[][] v = values.get(party);
        double[] w = weights.get(party);
        double u = 0;
        for (int i = 0; i < c.length; i++) {
            u += w[i] * v[i][c[i]];
        }
        return u;
    }

    /** Σ log of every modelled party's estimated utility of {@code c}: the log of their estimated Nash product. */
    double logProduct(int[] c) {
        double s = 0;
        for (int p = 0; p < valueArray.length; p++) {
            double[][] v = valueArray[p];
            double[] w = weightArray[p];
            double u = 0;
            for (int i = 0; i < c.length; i++) {
                u += w[i] * v[i][c[i]];
            }
            s += Math.log(u);
        }
        return s;
    }
    /** The number of parties modelled. */
    int size() {
        return valueArray.length;
    }

    /** Each modelled party's estimated utility of {@code c}, in the parties' order, into {@code into}. */
    void utilities(int[] c, double[] into) {
        for (int p = 0; p < valueArray.length; p++) {
            double[][] v = valueArray[p];
            double[] w = weightArray[p];
            double u = 0;
            for (int i = 0; i < c.length; i++) {
                u += w[i] * v[i][c[i]];
            }
            into[p] = u;
        }
    }

    /**
     * The estimated Nash product (not its log: estimated utilities are positive) of {@code c} with option {@code k}
     * on issue {@code i}, from {@code at}, the parties' {@link #utilities} of {@code c}: one term per party rather than
     * one per party and issue.
     */
    double productWith(double[] at, int[] c, int i, int k) {
        double s = 1;
        for (int p = 0; p < valueArray.length; p++) {
            s *= at[p] + weightArray[p][i] * (valueArray[p][i][k] - valueArray[p][i][c[i]]);
        }
        return s;
    }
}
