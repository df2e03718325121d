package dev.parley.engine.analysis;

import dev.parley.engine.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When the zone is empty: the smallest sets of red lines and hard conditions to drop and reservations to waive that
 * open it. Exact: every set of one, then of two, then of three such demands is tried (an exact zone analysis each), and the first size at
 * which any set opens the zone gives the answer, all its sets listed. Past three, past the number of tries or the
 * time budget, or where a relaxed zone could not be worked out, the search stops, says so in the notes and gives no
 * answer rather than a partial one. Stateless.
 */
final class Relaxations {
    /** The largest set tried. */
    static final int MAX_SIZE = 3;
    /** The most zone analyses one search makes. */
    static final int MAX_TRIES = 3_000;

    private Relaxations() {
    }

    /**
     * One demand that may be relaxed: a red line (issue and option), a hard condition ({@code condition}, its
     * position, with {@code issue} −1) or a reservation (both −1).
     */
    private record Item(int dim, int issue, int option, int condition, String label) {
    }

    static List<List<String>> of(ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        Instance z = zone.instance;
        var items = new ArrayList<Item>();
        for (int d = 0; d < z.dims.length; d++) {
            String party = z.scenario.parties().get(z.dims[d]).id();
            Profile p = z.scenario.profiles().get(party);
            for (int i = 0; i < z.issueCount(); i++) {
                for (int k = 0; k < z.options(i); k++) {
                    if (p.isRedLine(i, k)) {
                        items.add(new Item(d, i, k, -1, party + " red line " + z.scenario.issues().get(i).id()
                                + "=" + z.scenario.issues().get(i).option(k).id()));
                    }
                }
            }
            for (int c = 0; c < p.conditions().size(); c++) {
                items.add(new Item(d, -1, -1, c, party + " condition " + p.conditions().get(c).describe(z.scenario
                        .issues())));
            }
            items.add(new Item(d, -1, -1, -1, party + " reservation " + String.format(Locale.ROOT, "%.2f", p
                    .reservation())));
        }
        AnalysisOptions quiet = o.withProgress(ProgressListener.NONE);
        int tries = 0;
        for (int size = 1; size <= Math.min(MAX_SIZE, items.size()); size++) {
            var found = new ArrayList<List<String>>();
            int[] pick = new int[size];
            for (int j = 0; j < size; j++) {
                pick[j] = j;
            }
            while (true) {
                if (tries >= MAX_TRIES || o.budget().spent()) {
                    notes.add("smallest relaxations: not found: stopped after " + tries + " tries, at sets of " + size
                            + (o.budget().spent()
                                    ? ", when the time budget of " + Budget.describe(o.budget().time()) + " ran out"
                                    : ", the most one search makes"));
                    return List.of();
                }
                tries++;
                Optional<Boolean> opens = opens(z, items, pick, quiet);
                if (opens.isEmpty()) {
                    notes.add("smallest relaxations: not found: a relaxed zone could not be worked out within the "
                            + "limits" + (o.budget().spent()
                                    ? " (the time budget of " + Budget.describe(o.budget().time()) + " ran out)"
                                    : ""));
                    return List.of();
                }
                if (opens.get()) {
                    var set = new ArrayList<String>();
                    for (int j : pick) {
                        set.add(items.get(j).label());
                    }
                    found.add(set);
                }
                if (!next(pick, items.size())) {
                    break;
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        notes.add("smallest relaxations: no set of at most " + MAX_SIZE + " red lines, conditions and reservations "
                + "opens the zone");
        return List.of();
    }

    /** Whether the zone relaxed so is not empty; empty when that could not be worked out. */
    private static Optional<Boolean> opens(Instance z, List<Item> items, int[] pick, AnalysisOptions o) {
        boolean[][][] dropped = new boolean[z.dims.length][z.issueCount()][];
        for (int d = 0; d < z.dims.length; d++) {
            for (int i = 0; i < z.issueCount(); i++) {
                dropped[d][i] = new boolean[z.options(i)];
            }
        }
        boolean[] waived = new boolean[z.dims.length];
        var conditions = new ArrayList<int[]>();
        for (int j : pick) {
            Item it = items.get(j);
            if (it.condition() >= 0) {
                conditions.add(new int[]{z.dims[it.dim()], it.condition()});
            } else if (it.issue() < 0) {
                waived[it.dim()] = true;
            } else {
                dropped[it.dim()][it.issue()][it.option()] = true;
            }
        }
        Instance relaxed = z.withRelaxed(dropped, waived);
        for (int[] c : conditions) {
            relaxed = relaxed.withConditionDropped(c[0], c[1]);
        }
        ZoneAnalysis zone = ZoneAnalysis.of(relaxed, o, false);
        if (zone.frontier != null) {
            return Optional.of(zone.frontier.nodes() > 0);
        }
        OptionalLong count = ZoneCounter.count(relaxed, o.countBudget(), o.budget(), o.executor(), o.progress());
        return count.isPresent() ? Optional.of(count.getAsLong() > 0) : Optional.empty();
    }

    /** The next combination of {@code pick.length} out of {@code n} in lexicographic order; false after the last. */
    private static boolean next(int[] pick, int n) {
        int k = pick.length - 1;
        while (k >= 0 && pick[k] == n - pick.length + k) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        pick[k]++;
        for (int j = k + 1; j < pick.length; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }
}
