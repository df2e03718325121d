package dev.parley.engine.agent;

import dev.parley.engine.utility.UtilityTable;

/**
 * Finds a package worth at least a target utility to its maker and as close as possible to a reference package
 * (what the others last offered), using the per-issue tables: it never enumerates or sorts the outcome space.
 * Starting from the reference, it moves the issues that gain the most towards the maker's best option, one at a
 * time, until the target is met; the last issue moved stops at the option nearest the reference that suffices.
 * Red-line options of the maker are never chosen. Stateless.
 */
final class BidSearch {
    private BidSearch() {
    }

    /** The maker's best package: on each issue its best option that is not one of its red lines. */
    static int[] best(UtilityTable u) {
        int[] c = new int[u.issueCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = bestOption(u, i);
        }
        return c;
    }

    static int bestOption(UtilityTable u, int issue) {
        int best = -1;
        for (int k = 0; k < u.radix(issue); k++) {
            if (!u.isRedLine(issue, k) && (best < 0 || u.contribution(issue, k) > u.contribution(issue, best))) {
                best = k;
            }
        }
        return best < 0 ? 0 : best;
    }

    /** A package worth at least {@code target} (or the best package, if nothing is), near {@code reference}. */
    static int[] near(UtilityTable u, double target, int[] reference) {
        int n = u.issueCount();
        int[] c = reference.clone();
        for (int i = 0; i < n; i++) {
            if (u.isRedLine(i, c[i])) {
                c[i] = bestOption(u, i);
            }
        }
        double have = u.utility(c);
        if (have >= target) {
            return c;
        }
        // Issues in order of what moving them to the best option gains.
        Integer[] order = new Integer[n];
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            gain[i] = u.contribution(i, bestOption(u, i)) - u.contribution(i, c[i]);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(gain[b], gain[a]));
        for (int i : order) {
            if (gain[i] <= 0) {
                break;
            }
            double missing = target - have;
            if (gain[i] >= missing) {
                // The option nearest the reference's that suffices.
                int pick = bestOption(u, i);
                for (int k = 0; k < u.radix(i); k++) {
                    double g = u.contribution(i, k) - u.contribution(i, c[i]);
                    if (!u.isRedLine(i, k) && g >= missing
                            && Math.abs(k - reference[i]) < Math.abs(pick - reference[i])) {
                        pick = k;
                    }
                }
                c[i] = pick;
                return c;
            }
            c[i] = bestOption(u, i);
            have += gain[i];
        }
        return c;
    }
}
