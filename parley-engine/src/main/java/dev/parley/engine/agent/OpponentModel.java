package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.protocol.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frequency model of the other parties, from their offers alone (in the manner of Hindriks and Tykhonov's
 * frequency-analysis opponent models in GENIUS agents): a party values an option by how often it offers it, (f + 1) /
 * (f_max + 1) on each issue, and weighs an issue by how seldom it moves it between consecutive offers, 1 + the
 * number of times it kept it, normalised to sum to 1. Estimated utilities lie in [0, 1]. Immutable.
 */
final class OpponentModel {
    /** Per modelled party: [issue][option] estimated value and [issue] estimated weight. */
    private final Map<String, double[][]> values;
    private final Map<String, double[]> weights;

    private OpponentModel(Map<String, double[][]> values, Map<String, double[]> weights) {
        this.values = values;
        this.weights = weights;
    }

    /** The model of every party other than {@code self} that made an offer in {@code events}. */
    static OpponentModel of(String self, List<Issue> issues, List<Event> events) {
        var offers = new LinkedHashMap<String, List<int[]>>();
        for (Event e : events) {
            if (e instanceof Event.Offered o && !o.party().equals(self)) {
                offers.computeIfAbsent(o.party(), p -> new ArrayList<>()).add(o.outcome().toArray());
            }
        }
        var values = new LinkedHashMap<String, double[][]>();
        var weights = new LinkedHashMap<String, double[]>();
        offers.forEach((party, made) -> {
            int n = issues.size();
            double[][] v = new double[n][];
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int[] f = new int[issues.get(i).size()];
                int most = 0;
                for (int[] c : made) {
                    most = Math.max(most, ++f[c[i]]);
                }
                v[i] = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    v[i][k] = (f[k] + 1.0) / (most + 1.0);
                }
                int kept = 0;
                for (int j = 1; j < made.size(); j++) {
                    kept += made.get(j)[i] == made.get(j - 1)[i] ? 1 : 0;
                }
                w[i] = 1 + kept;
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
        for (String p : values.keySet()) {
            s += Math.log(utility(p, c));
        }
        return s;
    }
}
