package dev.parley.engine.tournament;

import java.util.Arrays;

/**
 * The Wilcoxon rank-sum (Mann–Whitney U) test of two independent samples, two-sided, by the normal approximation
 * with the correction for ties and for continuity; and Holm's step-down adjustment of several p-values. Stateless.
 */
public final class RankSum {
    /** The name results give the method. */
    public static final String METHOD = "Wilcoxon rank-sum (Mann-Whitney U), two-sided, normal approximation with "
            + "tie and continuity corrections; p-values adjusted by Holm's method over every pair";

    private RankSum() {
    }

    /**
     * U and the p-value of samples {@code x} and {@code y}.
     *
     * @param u U of {@code x}: how many pairs (x_i, y_j) have x_i above y_j, ties counting one half
     */
    public record Test(double u, double z, double p) {
    }

    /** @throws IllegalArgumentException when either sample is empty */
    public static Test test(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need a value");
        }
        int n = n1 + n2;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double rankSumX = 0;
        double ties = 0; // Σ (t³ − t) over groups of equal values
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // the average rank of the group
            for (int k = i; k <= j; k++) {
                if (order[k] < n1) {
                    rankSumX += rank;
                }
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        double mean = (double) n1 * n2 / 2;
        double variance = (double) n1 * n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        if (variance <= 0) {
            return new Test(u, 0, 1); // every value equal: nothing tells the samples apart
        }
        double diff = Math.abs(u - mean);
        double z = Math.max(0, diff - 0.5) / Math.sqrt(variance);
        double p = Math.min(1, 2 * upperTail(z));
        return new Test(u, u >= mean ? z : -z, p);
    }

    /** Holm's adjustment: each p-value multiplied by its rank from the largest, kept monotone, capped at 1. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }

    /** P(Z > z) for a standard normal Z, z ≥ 0, to about 1e-13 relative. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** erfc(x) for x ≥ 0: 1 − erf by erf's Taylor series below 2, the continued fraction (Lentz's method) above. */
    static double erfc(double x) {
        if (x < 2) {
            // erf by its Taylor series, converging fast here
            double sum = x;
            double term = x;
            double x2 = x * x;
            for (int k = 1; k < 200; k++) {
                term *= -x2 / k;
                double next = term / (2 * k + 1);
                sum += next;
                if (Math.abs(next) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        // Lentz's method on erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
