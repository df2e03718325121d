package dev.parley.bench;

import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How exactly a mediator must know the parties to reach a given NPS on the default scenario: each ratifying party's
 * loss on every option (against its best there) but the mediator's own (which it knows) is multiplied by {@code 1 +
 * σ·N(0, 1)} (at least 0.05), every reservation and the zone left exact, and the Nash package of the perturbed losses
 * over the true zone is scored by the true ones: what a mediator that knew the zone and the reservations exactly,
 * and each loss with a relative error of standard deviation σ, would reach. Prints, per σ, the mean and the lowest
 * NPS of 40 seeded draws (a sample, not a bound).
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.NashSensitivity
 * </pre>
 */
public final class NashSensitivity {
    private static final int DRAWS = 40;

    private NashSensitivity() {
    }

    public static void main(String[] args) {
        Scenario s = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        List<Profile> parties = s.ratifyingParties().stream().map(p -> s.profiles().get(p.id())).toList();
        int mediator = s.ratifyingParties().stream().map(p -> p.id()).toList().indexOf(s.mediator().orElse(""));
        int n = s.issues().size();
        var zone = new ArrayList<int[]>();
        double optimum = 0;
        int[] c = new int[n];
        do {
            double product = product(parties, c, null, null);
            if (product >= 0) {
                zone.add(c.clone());
                optimum = Math.max(optimum, product);
            }
        } while (s.space().increment(c));
        System.out.printf(Locale.ROOT, "default scenario: %d packages in the zone, %d ratifying parties%n%n",
                zone.size(), parties.size());
        System.out.println(
                "| σ (relative error of each loss, standard deviation) | NPS mean | NPS lowest | draws with NPS ≥ 0.9 |");
        System.out.println("| ---: | ---: | ---: | ---: |");
        for (double sigma : new double[]{0.01, 0.02, 0.05, 0.1, 0.2}) {
            var rnd = new SplittableRandom(Double.doubleToLongBits(sigma));
            double[] nps = new double[DRAWS];
            for (int d = 0; d < DRAWS; d++) {
                double[][][] loss = new double[parties.size()][][];
                double[] budget = new double[parties.size()];
                for (int p = 0; p < parties.size(); p++) {
                    Profile pf = parties.get(p);
                    loss[p] = new double[n][];
                    double best = 0;
                    for (int i = 0; i < n; i++) {
                        int k = s.issues().get(i).size();
                        double top = 0;
                        for (int o = 0; o < k; o++) {
                            top = Math.max(top, pf.weight(i) * pf.value(i, o));
                        }
                        best += top;
                        loss[p][i] = new double[k];
                        for (int o = 0; o < k; o++) {
                            double error = p == mediator ? 0 : sigma * rnd.nextGaussian();
                            loss[p][i][o] = (top - pf.weight(i) * pf.value(i, o)) * Math.max(0.05, 1 + error);
                        }
                    }
                    budget[p] = best - pf.reservation(); // the exact gain at its best package
                }
                int[] chosen = null;
                double top = -1;
                for (int[] z : zone) {
                    double product = product(parties, z, loss, budget);
                    if (product > top) {
                        top = product;
                        chosen = z;
                    }
                }
                nps[d] = product(parties, chosen, null, null) / optimum;
            }
            Arrays.sort(nps);
            long good = Arrays.stream(nps).filter(x -> x >= 0.9).count();
            System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.2f | %d of %d |%n", sigma, Arrays.stream(nps).average()
                    .orElseThrow(), nps[0], good, DRAWS);
        }
    }

    /**
     * The Nash product of {@code c}: by the true profiles (-1 outside the zone) when {@code loss} is null, else each
     * party's budget less its perturbed losses (never below a tiny positive gain: the package is in the true zone).
     */
    private static double product(List<Profile> parties, int[] c, double[][][] loss, double[] budget) {
        double product = 1;
        for (int p = 0; p < parties.size(); p++) {
            Profile pf = parties.get(p);
            if (loss == null) {
                double u = pf.utility(c);
                if (!pf.accepts(c) || u < pf.reservation() - 1e-9) { // the analysis's tolerance for a tie
                    return -1;
                }
                product *= Math.max(0, u - pf.reservation());
            } else {
                double cost = 0;
                for (int i = 0; i < c.length; i++) {
                    cost += loss[p][i][c[i]];
                }
                product *= Math.max(1e-9, budget[p] - cost);
            }
        }
        return product;
    }
}
