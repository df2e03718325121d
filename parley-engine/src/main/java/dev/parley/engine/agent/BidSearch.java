package dev.parley.engine.agent;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.utility.UtilityTable;

/**
 * Finds a package worth at least a target utility to its maker and as close as possible to a reference package
 * (what the others last offered), using the per-issue tables: it never enumerates or sorts the outcome space
 * (only, with conditions or interaction terms, the combinations of linked issues, for the best package).
 * Starting from the reference, it moves the issues that gain the most towards the maker's best option, one at a
 * time, until the target is met; the last issue moved stops at the option nearest the reference that suffices.
 * Red-line options of the maker are never chosen, nor a combination its hard conditions forbid: a package that
 * breaks one is mended, a condition at a time, by the better for the maker of giving the condition what it needs or
 * leaving the options that carry it (its best package when mending does not end). With conditions or interaction
 * terms the package found is then checked against the target with the true utility and raised one issue at a time
 * if it falls short; only then, and when mending does not end, is the best package (found group by group) taken.
 * Stateless.
 */
final class BidSearch {
    private BidSearch() {
    }

    /**
     * A package worth at least {@code target} (or the best package, if nothing is), near {@code reference} (the best
     * package when null). The array returned is the caller's.
     */
    static int[] near(UtilityTable u, double target, Outcome reference) {
        return near(u, target, reference, new int[u.issueCount()]);
    }

    /**
     * As {@link #near(UtilityTable, double, Outcome)}, working in {@code into} (one slot per issue, overwritten): the
     * package found is {@code into} itself, or (with conditions or interaction terms) possibly another array.
     */
    static int[] near(UtilityTable u, double target, Outcome reference, int[] into) {
        int[] c = additive(u, target, reference != null ? reference : Outcome.of(u.bestPackage()), into);
        if (!u.linked()) {
            return c;
        }
        c = u.conditions().isEmpty() ? c : mended(u, c);
        return u.utility(c) >= target ? c : raised(u, c, target);
    }

    /**
     * With interaction terms or a mended condition the per-issue gains can overstate a package: it is raised, one
     * issue at a time, by the change that gains most without breaking a red line or condition, until it reaches the
     * target (the best package when that does not end).
     */
    private static int[] raised(UtilityTable u, int[] c, double target) {
        for (int step = 0; step < 2 * c.length && u.utility(c) < target; step++) {
            int[] best = null;
            double bestU = u.utility(c);
            for (int i = 0; i < c.length; i++) {
                for (int k = 0; k < u.radix(i); k++) {
                    int was = c[i];
                    c[i] = k;
                    double x = u.utility(c);
                    if (x > bestU && !u.forbids(c)) {
                        best = c.clone();
                        bestU = x;
                    }
                    c[i] = was;
                }
            }
            if (best == null) {
                break;
            }
            c = best;
        }
        return u.utility(c) >= target ? c : u.bestPackage(); // c breaks nothing: the changes taken break nothing
    }

    private static int[] mended(UtilityTable u, int[] c) {
        for (int round = 0; round <= u.conditions().size() && u.forbids(c); round++) {
            for (Condition k : u.conditions()) {
                if (k.brokenBy(c)) {
                    int[] give = c.clone();
                    give[k.thenIssue()] = best(u, k.thenIssue(), k::thenOption);
                    int off = best(u, k.ifIssue(), o -> !k.ifOption(o)); // -1 when every option carries it
                    int[] leave = c.clone();
                    leave[k.ifIssue()] = Math.max(off, 0);
                    c = off < 0 || u.utility(give) >= u.utility(leave) ? give : leave;
                }
            }
        }
        return u.forbids(c) ? u.bestPackage() : c;
    }

    /** The maker's best option on {@code issue} among those {@code which} admits, red lines last. */
    private static int best(UtilityTable u, int issue, java.util.function.IntPredicate which) {
        int best = -1;
        for (int k = 0; k < u.radix(issue); k++) {
            if (which.test(k) && (best < 0 || (u.isRedLine(issue, best) && !u.isRedLine(issue, k))
                    || (u.isRedLine(issue, best) == u.isRedLine(issue, k) && u.contribution(issue, k) > u.contribution(
                            issue, best)))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * From the reference, the issues that gain most by moving to the best option move there, in turn (the earlier
     * issue first among equal gains), until the target is met. An issue moved gains nothing more, so the next is
     * the one that gains most now: no order is held, and nothing is made but the package.
     */
    private static int[] additive(UtilityTable u, double target, Outcome reference, int[] c) {
        int n = u.issueCount();
        for (int i = 0; i < n; i++) {
            c[i] = reference.option(i);
            if (u.isRedLine(i, c[i])) {
                c[i] = u.bestOption(i);
            }
        }
        double have = u.utility(c);
        if (have >= target) {
            return c;
        }
        while (true) {
            int i = -1;
            double gain = 0;
            for (int j = 0; j < n; j++) {
                double g = u.contribution(j, u.bestOption(j)) - u.contribution(j, c[j]);
                if (i < 0 || Double.compare(g, gain) > 0) {
                    i = j;
                    gain = g;
                }
            }
            if (gain <= 0) {
                return c;
            }
            double missing = target - have;
            if (gain >= missing) {
                // The option nearest the reference's that suffices.
                int pick = u.bestOption(i);
                for (int k = 0; k < u.radix(i); k++) {
                    double g = u.contribution(i, k) - u.contribution(i, c[i]);
                    if (!u.isRedLine(i, k) && g >= missing
                            && Math.abs(k - reference.option(i)) < Math.abs(pick - reference.option(i))) {
                        pick = k;
                    }
                }
                c[i] = pick;
                return c;
            }
            c[i] = u.bestOption(i);
            have += gain;
        }
    }
}
