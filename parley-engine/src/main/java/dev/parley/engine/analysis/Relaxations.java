package dev.parley.engine.analysis;

import dev.parley.engine.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the zone is empty: the smallest sets of red lines to drop and reservations to waive that open it. Exact: every
 * set of one, then of two, then of three such demands is tried (an exact zone analysis each), and the first size at
 * which any set opens the zone gives the answer, all its sets listed. Past three, or past the number of tries or the
 * time budget, the search stops and says so. Stateless.
 */
final class Relaxations {
    /** The largest set tried. */
    static final int MAX_SIZE = 3;
    /** The most zone analyses one search makes. */
    static final int MAX_TRIES = 3_000;

    private Relaxations() {
    }

    /** One demand that may be relaxed: a red line (issue and option) or, with {@code issue} −1, a reservation. */
    private record Item(int dim, int issue, int option, String label) {
    }

    static List<List<String>> of(ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        Instance z = zone.instance;
        var items = new ArrayList<Item>();
        for (int d = 0; d < z.dims.length; d++) {
            String party = z.scenario.parties().get(z.dims[d]).id();
            Profile p = z.scenario.profiles().get(party);
            for (int i = 0; i < z.issues; i++) {
                for (int k = 0; k < z.radix[i]; k++) {
                    if (p.isRedLine(i, k)) {
                        items.add(new Item(d, i, k, party + " red line " + z.scenario.issues().get(i).id() + "="
                                + z.scenario.issues().get(i).option(k).id()));
                    }
                }
            }
            items.add(new Item(d, -1, -1, party + " reservation " + String.format(Locale.ROOT, "%.2f", p
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
                    notes.add("smallest relaxations: stopped after " + tries + " tries at sets of " + size
                            + (o.budget().spent()
                                    ? ", the time budget having run out"
                                    : ", the most one search makes"));
                    return found;
                }
                tries++;
                if (opens(z, items, pick, quiet)) {
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
        notes.add("smallest relaxations: no set of at most " + MAX_SIZE + " red lines and reservations opens the zone");
        return List.of();
    }

    private static boolean opens(Instance z, List<Item> items, int[] pick, AnalysisOptions o) {
        boolean[][][] dropped = new boolean[z.dims.length][z.issues][];
        for (int d = 0; d < z.dims.length; d++) {
            for (int i = 0; i < z.issues; i++) {
                dropped[d][i] = new boolean[z.radix[i]];
            }
        }
        boolean[] waived = new boolean[z.dims.length];
        for (int j : pick) {
            Item it = items.get(j);
            if (it.issue() < 0) {
                waived[it.dim()] = true;
            } else {
                dropped[it.dim()][it.issue()][it.option()] = true;
            }
        }
        ZoneAnalysis relaxed = ZoneAnalysis.of(z.withRelaxed(dropped, waived), o, false);
        return relaxed.frontier != null && relaxed.frontier.nodes() > 0;
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
