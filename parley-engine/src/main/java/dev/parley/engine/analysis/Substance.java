package dev.parley.engine.analysis;

import dev.parley.engine.analysis.Assessment.DemandTally;
import dev.parley.engine.analysis.Assessment.Flag;
import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a package gives each side on substance: the stated demands it grants, each party's share of what its own red
 * lines allow, and the flags that compare sides (one-sided on demands, mediator-favoured, a principal and its allies
 * far worse off). Stateless.
 */
final class Substance {
    private Substance() {
    }

    /** Per party that stated demands: which the package grants, and the share granted by its own weights. */
    static Map<String, DemandTally> demands(Scenario s, int[] choice) {
        var out = new LinkedHashMap<String, DemandTally>();
        s.demands().forEach((party, demands) -> {
            Profile profile = s.profiles().get(party);
            var granted = new ArrayList<String>();
            var denied = new ArrayList<String>();
            double weightGranted = 0;
            double weightAll = 0;
            for (Demand d : demands) {
                Demand.Mask mask = s.mask(d);
                double w = 0;
                for (int i : mask.issues()) {
                    w += profile == null ? 0 : profile.weight(i);
                }
                weightAll += w;
                if (mask.grantedBy(choice)) {
                    granted.add(d.id());
                    weightGranted += w;
                } else {
                    denied.add(d.id());
                }
            }
            boolean weighted = weightAll > 0;
            double share = weighted ? weightGranted / weightAll : (double) granted.size() / demands.size();
            out.put(party, new DemandTally(granted, denied, share, weighted));
        });
        return out;
    }

    /**
     * Each profiled party's share of the gain its own red lines allow, (u − r)/(a′ − r) with a′ its best utility over
     * every package within its red lines and conditions; for parties whose a′ exceeds r.
     */
    static Map<String, Double> sharesWithinRedLines(Scenario s, Map<String, Double> utilities) {
        var out = new LinkedHashMap<String, Double>();
        s.profiles().forEach((party, p) -> {
            UtilityTable table = UtilityTable.of(s.space(), p);
            int[] top = table.bestPackage(); // exact, conditions and interaction terms included
            boolean somePackage = !table.forbids(top); // else every package breaks its red lines or conditions
            double best = table.utility(top);
            if (somePackage && best - p.reservation() > Ticks.TICK) {
                out.put(party, (utilities.get(party) - p.reservation()) / (best - p.reservation()));
            }
        });
        return out;
    }

    /** The flags that compare sides, appended to {@code flags}. */
    static void flags(Scenario s, Map<String, DemandTally> demands, Map<String, Double> shares,
            Map<String, Double> redLineShares, AssessmentLimits limits, List<Flag> flags) {
        List<String> principals = s.principals();
        for (String a : principals) {
            for (String b : principals) {
                DemandTally ta = demands.get(a);
                DemandTally tb = demands.get(b);
                if (!a.equals(b) && ta != null && tb != null && ta.share() >= limits.demandsMost()
                        && tb.share() <= limits.demandsFew()) {
                    flags.add(new Flag(Assessment.DEMANDS_ONE_SIDED, a, String.format(Locale.ROOT,
                            "one-sided on stated demands: %s is granted %s, %s %s (one-sided at %.0f%% or more "
                                    + "against %.0f%% or less)",
                            a, tally(ta), b, tally(tb), 100 * limits.demandsMost(),
                            100 * limits.demandsFew()), figures(a, ta.share(), b, tb.share())));
                }
            }
        }
        // The mediator, and stakeholders whose consent is not needed, against the principals.
        var principalShares = new LinkedHashMap<String, Double>();
        for (String p : principals) {
            share(p, shares, redLineShares).ifPresent(x -> principalShares.put(p, x));
        }
        if (!principalShares.isEmpty()) {
            double mean = principalShares.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            for (Party p : s.parties()) {
                boolean outside = p.role() == Role.MEDIATOR || p.role() == Role.STAKEHOLDER && !p.ratifies();
                java.util.Optional<Double> own = share(p.id(), shares, redLineShares);
                if (outside && !principals.contains(p.id()) && own.isPresent() && own.get() - mean > limits
                        .favoured()) {
                    var figures = new LinkedHashMap<String, Double>();
                    figures.put(p.id(), own.get());
                    figures.putAll(principalShares);
                    figures.put("principalsMean", mean);
                    flags.add(new Flag(Assessment.MEDIATOR_FAVOURED, p.id(), String.format(Locale.ROOT,
                            "favours the %s %s: it gets %.0f%% of its possible gain, the principals %.0f%% on "
                                    + "average (%s; flagged beyond %.0f points)",
                            p.role().id(), p.id(),
                            100 * own.get(), 100 * mean, percents(principalShares), 100 * limits.favoured()),
                            figures));
                }
            }
        }
        // A principal and its allies against the other principal and its allies.
        for (String a : principals) {
            for (String b : principals) {
                if (a.equals(b)) {
                    continue;
                }
                Set<String> sideA = side(s, a, b);
                Set<String> sideB = side(s, b, a);
                if (sideA.size() < 2) {
                    continue; // no ally: the victory flag already compares the two alone
                }
                var sa = sideShares(sideA, shares, redLineShares);
                var sb = sideShares(sideB, shares, redLineShares);
                if (sa.isEmpty() || sb.isEmpty()) {
                    continue;
                }
                double ma = sa.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double mb = sb.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                if (mb - ma > limits.allies()) {
                    var figures = new LinkedHashMap<String, Double>(sa);
                    figures.putAll(sb);
                    figures.put("sideMean", ma);
                    figures.put("otherSideMean", mb);
                    flags.add(new Flag(Assessment.ALLIES_WORSE, a, String.format(Locale.ROOT,
                            "%s and its allies fare far worse than %s: %.0f%% of their possible gain on average (%s) "
                                    + "against %.0f%% (%s; flagged beyond %.0f points)",
                            a, String.join(" and ",
                                    sideB),
                            100 * ma, percents(sa), 100 * mb, percents(sb), 100 * limits.allies()),
                            figures));
                }
            }
        }
    }

    /**
     * A principal, the allies it names and those that name it; without the other principal, and without a party that
     * is on both sides (an ally of both), which takes neither.
     */
    private static Set<String> side(Scenario s, String principal, String other) {
        var mine = new LinkedHashSet<String>();
        mine.add(principal);
        Set<String> theirs = allied(s, other);
        allied(s, principal).stream().filter(p -> !theirs.contains(p) && !p.equals(other)).forEach(mine::add);
        return mine;
    }

    private static Set<String> allied(Scenario s, String principal) {
        var side = new LinkedHashSet<String>();
        s.party(principal).ifPresent(p -> side.addAll(p.allies()));
        s.parties().stream().filter(p -> p.allies().contains(principal)).forEach(p -> side.add(p.id()));
        return side;
    }

    private static Map<String, Double> sideShares(Set<String> side, Map<String, Double> shares,
            Map<String, Double> redLineShares) {
        var out = new LinkedHashMap<String, Double>();
        side.forEach(p -> share(p, shares, redLineShares).ifPresent(x -> out.put(p, x)));
        return out;
    }

    /**
     * The share within the zone where there is one, else within the party's own red lines; held to [0, 1] for the
     * comparison (below 0 is below reservation, above 1 more than the zone allows: nothing and everything).
     */
    private static java.util.Optional<Double> share(String party, Map<String, Double> shares,
            Map<String, Double> redLineShares) {
        Double x = shares.containsKey(party) ? shares.get(party) : redLineShares.get(party);
        return java.util.Optional.ofNullable(x).map(v -> Math.max(0, Math.min(1, v)));
    }

    private static String tally(DemandTally t) {
        int all = t.granted().size() + t.notGranted().size();
        return String.format(Locale.ROOT, "%d of %d demands (%.0f%%%s)", t.granted().size(), all, 100 * t.share(),
                t.weighted() ? " by its weights" : "");
    }

    private static String percents(Map<String, Double> shares) {
        var parts = new ArrayList<String>();
        shares.forEach((p, x) -> parts.add(String.format(Locale.ROOT, "%s %.0f%%", p, 100 * x)));
        return String.join(", ", parts);
    }

    private static Map<String, Double> figures(String a, double x, String b, double y) {
        var m = new LinkedHashMap<String, Double>();
        m.put(a, x);
        m.put(b, y);
        return m;
    }
}
