package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the talks look like from above, for reports and the mediator's console: the gap between the two
 * principals, and the agreement zone projected on two (or more) parties' utilities. Both need every profile.
 */
public final class Picture {
    /** Spaces up to this size have their zone walked; larger ones are drawn by their frontier only. */
    public static final long MAX_ZONE_WALK = 2_000_000;

    private Picture() {
    }

    /**
     * {@code s} as if only {@code a} and {@code b} had to consent: its zone, frontier and solutions are theirs alone
     * (the bilateral frontier Zeuthen's protocol concedes along, and the two parties' own Pareto line in a chart).
     */
    public static Scenario bilateral(Scenario s, String a, String b) {
        var parties = s.parties().stream().map(p -> p.withRatifies(p.id().equals(a) || p.id().equals(b))).toList();
        return Scenario.of(s.id(), s.title(), s.description(), parties, s.issues(), s.profiles(), Optional.empty(),
                s.demands());
    }

    /**
     * The gap between the two principals: each one's position on an issue is the option of its latest
     * offer in {@code offers}, or its best option (never a red line) before it has offered; per issue |k_a − k_b| / (K − 1), weighted by
     * the principals' mean weight. Empty with fewer than two principals.
     */
    public static Optional<Double> gap(Scenario s, Map<String, Outcome> offers) {
        return issueGaps(s, offers).map(g -> {
            Profile pa = s.profiles().get(s.principals().get(0));
            Profile pb = s.profiles().get(s.principals().get(1));
            double gap = 0;
            for (int i = 0; i < g.length; i++) {
                gap += (pa.weight(i) + pb.weight(i)) / 2 * g[i];
            }
            return gap;
        });
    }

    /**
     * The gap between the two principals on each issue, |k_a − k_b| / (K − 1), their positions as in {@link #gap};
     * empty with fewer than two principals.
     */
    public static Optional<double[]> issueGaps(Scenario s, Map<String, Outcome> offers) {
        List<String> principals = s.principals();
        if (principals.size() < 2) {
            return Optional.empty();
        }
        int[] a = position(s, principals.get(0), offers);
        int[] b = position(s, principals.get(1), offers);
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = Math.abs(a[i] - b[i]) / (s.issues().get(i).size() - 1.0);
        }
        return Optional.of(g);
    }

    /**
     * Each ratifying party's distance to acceptance of {@code o}: how far its utility falls short of its reservation,
     * max(0, r − u), in party order; 0 within the tolerance the zone is judged with.
     */
    public static Map<String, Double> distanceToAcceptance(Scenario s, Outcome o) {
        var out = new java.util.LinkedHashMap<String, Double>();
        for (var p : s.ratifyingParties()) {
            Profile profile = s.profiles().get(p.id());
            double shortfall = profile.reservation() - profile.utility(o.toArray());
            out.put(p.id(), shortfall > Ticks.ZONE_TOLERANCE * Ticks.TICK ? shortfall : 0); // within the zone's tolerance: none
        }
        return out;
    }

    private static int[] position(Scenario s, String party, Map<String, Outcome> offers) {
        Outcome o = offers.get(party);
        return o != null ? o.toArray() : UtilityTable.of(s.space(), s.profiles().get(party)).bestPackage();
    }

    /**
     * The utility vectors over {@code parties} of every outcome in the agreement zone of {@code a} (the analysis's
     * own membership rule, in ticks: the one tolerance), or empty when the space is larger than
     * {@link #MAX_ZONE_WALK}.
     */
    public static Optional<List<double[]>> zone(Analysis a, List<String> parties) {
        Scenario s = a.scenario();
        if (!s.space().isIndexable() || s.space().size() > MAX_ZONE_WALK) {
            return Optional.empty();
        }
        var order = new ArrayList<UtilityTable>();
        for (String id : parties) {
            order.add(UtilityTable.of(s.space(), s.profiles().get(id)));
        }
        var out = new ArrayList<double[]>();
        int[] choice = new int[s.issues().size()];
        do {
            if (a.inZone(choice)) {
                double[] u = new double[order.size()];
                for (int k = 0; k < u.length; k++) {
                    u[k] = order.get(k).utility(choice);
                }
                out.add(u);
            }
        } while (s.space().increment(choice));
        return Optional.of(out);
    }
}
