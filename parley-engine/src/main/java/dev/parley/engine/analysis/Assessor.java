package dev.parley.engine.analysis;

import dev.parley.engine.analysis.Assessment.Flag;
import dev.parley.engine.analysis.Assessment.VictoryIndex;
import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Assesses a package against an analysis: shares, victory indices, lopsidedness flags. Stateless. */
final class Assessor {
    private Assessor() {
    }

    static Assessment assess(Analysis analysis, ZoneAnalysis zone, Outcome outcome, AssessmentLimits limits) {
        double victoryLimit = limits.victory();
        Scenario s = analysis.scenario();
        Instance inst = zone.instance;
        if (outcome.issueCount() != inst.issueCount()) {
            throw new IllegalArgumentException(
                    "a package needs one option for each of the " + inst.issueCount() + " issues");
        }
        int[] choice = outcome.toArray();
        Map<String, Double> utilities = ZoneAnalysis.utilities(inst, choice);
        var flags = new ArrayList<Flag>();

        // Shares of possible gain, for parties whose best zone utility is above their reservation.
        var shares = new LinkedHashMap<String, Double>();
        analysis.ideals().forEach((party, ideal) -> {
            double r = s.profiles().get(party).reservation();
            if (ideal - r > Ticks.TICK) {
                shares.put(party, (utilities.get(party) - r) / (ideal - r));
            }
        });

        Map<String, Double> redLineShares = Substance.sharesWithinRedLines(s, utilities);
        var belowBy = new LinkedHashMap<String, Double>();
        for (Party p : s.parties()) {
            Profile profile = s.profiles().get(p.id());
            if (profile == null) {
                continue;
            }
            double u = utilities.get(p.id());
            boolean below = Ticks.of(u) < Ticks.of(profile.reservation()) - Ticks.ZONE_TOLERANCE;
            if (below) {
                belowBy.put(p.id(), profile.reservation() - u);
            }
            var figures = new LinkedHashMap<String, Double>();
            figures.put("utility", u);
            figures.put("reservation", profile.reservation());
            figures.put("shortfall", profile.reservation() - u);
            if (below && p.ratifies()) {
                flags.add(new Flag(Assessment.BELOW_RESERVATION, p.id(), p.id() + " gets " + fmt(u)
                        + ", below its reservation " + fmt(profile.reservation()), figures));
            } else if (below && p.role() == Role.STAKEHOLDER) {
                flags.add(new Flag(Assessment.STAKEHOLDER_BELOW_RESERVATION, p.id(), "stakeholder " + p.id()
                        + " gets " + fmt(u) + ", below its reservation " + fmt(profile.reservation()), figures));
            }
            if (p.ratifies()) {
                for (int i = 0; i < choice.length; i++) {
                    if (profile.isRedLine(i, choice[i])) {
                        flags.add(new Flag(Assessment.RED_LINE_BROKEN, p.id(), "breaks " + p.id() + "'s red line "
                                + s.issues().get(i).id() + "=" + s.issues().get(i).option(choice[i]).id(),
                                Map.of(
                                        "utility", u)));
                    }
                }
                for (Condition c : profile.conditions()) {
                    if (c.brokenBy(choice)) {
                        flags.add(new Flag(Assessment.CONDITION_BROKEN, p.id(), "breaks " + p.id() + "'s condition "
                                + c.describe(s.issues()), Map.of("utility", u)));
                    }
                }
            }
        }

        List<String> principals = s.principals();
        var victories = new ArrayList<VictoryIndex>();
        for (int a = 0; a < principals.size(); a++) {
            for (int b = a + 1; b < principals.size(); b++) {
                Double sa = shares.get(principals.get(a));
                Double sb = shares.get(principals.get(b));
                if (sa == null || sb == null) {
                    continue;
                }
                var vi = new VictoryIndex(principals.get(a), principals.get(b), sb - sa);
                victories.add(vi);
                if (Math.abs(vi.value()) > victoryLimit) {
                    String winner = vi.value() > 0 ? vi.b() : vi.a();
                    String loser = vi.value() > 0 ? vi.a() : vi.b();
                    var figures = new LinkedHashMap<String, Double>();
                    figures.put(winner, shares.get(winner));
                    figures.put(loser, shares.get(loser));
                    figures.put("victoryIndex", vi.value());
                    flags.add(new Flag(Assessment.VICTORY, winner, String.format(Locale.ROOT,
                            "looks like a victory for %s: %s gets %s, %s %s (victory index %+.2f, limit %.2f)",
                            winner, winner, share(shares.get(winner), belowBy.get(winner)), loser, share(shares.get(
                                    loser), belowBy.get(loser)),
                            vi.value(), victoryLimit), figures));
                }
            }
        }

        Map<String, Assessment.DemandTally> demands = Substance.demands(s, choice);
        Substance.flags(s, demands, shares, redLineShares, limits, flags);

        boolean inZone = analysis.inZone(choice);
        Optional<int[]> dominator = dominator(zone, inst, choice);
        dominator.ifPresent(d -> flags.add(new Flag(Assessment.PARETO_DOMINATED, "",
                "Pareto-dominated within the zone: " + Outcome.of(d).format(s.issues())
                        + " is at least as good for every ratifying party and better for one",
                ZoneAnalysis
                        .utilities(inst, d))));

        Optional<Solution> nash = zone.solution(SolutionKind.NASH);
        Optional<Double> distance = nash.map(n -> {
            double sq = 0;
            for (int dim : inst.dims) {
                String id = s.parties().get(dim).id();
                double diff = utilities.get(id) - n.utilities().get(id);
                sq += diff * diff;
            }
            return Math.sqrt(sq);
        });
        Optional<Double> productShare = nash.map(n -> {
            if (!inZone || n.value() <= 0) {
                return 0.0;
            }
            double prod = 1;
            for (int k = 0; k < inst.dims.length; k++) {
                prod *= Math.max(0, Ticks.utility(inst.ticks(inst.dims[k], choice) - zone.reservation[k]));
            }
            return prod / n.value();
        });
        var differs = new ArrayList<String>();
        nash.ifPresent(n -> {
            for (int i = 0; i < choice.length; i++) {
                if (n.outcome().option(i) != choice[i]) {
                    differs.add(s.issues().get(i).id());
                }
            }
        });
        return new Assessment(outcome, utilities, shares, redLineShares, belowBy, demands, victories, flags, inZone,
                inZone && dominator.isEmpty(), distance, productShare, differs);
    }

    /** A zone outcome that dominates {@code choice} over the ratifying parties, if any. */
    private static Optional<int[]> dominator(ZoneAnalysis zone, Instance inst, int[] choice) {
        if (zone.frontier == null) {
            return Optional.empty();
        }
        int d = inst.dims.length;
        long[] u = new long[d];
        for (int k = 0; k < d; k++) {
            u[k] = inst.ticks(inst.dims[k], choice);
        }
        FrontierSet f = zone.frontier;
        for (int x = 0; x < f.nodes(); x++) {
            boolean geq = true;
            boolean greater = false;
            for (int k = 0; k < d && geq; k++) {
                geq = f.vector(k, x) >= u[k];
                greater |= f.vector(k, x) > u[k];
            }
            if (geq && greater) {
                return Optional.of(f.smallestOutcome(x));
            }
        }
        return Optional.empty();
    }

    /** A share in words that never reads below 0% or above 100%. */
    static String share(double share, Double belowBy) {
        if (belowBy != null) {
            return String.format(Locale.ROOT, "nothing of its possible gain (below its reservation by %.4f)", belowBy);
        }
        if (share > 1 + 1e-9) {
            return "more than the zone allows (the package is outside it)";
        }
        return String.format(Locale.ROOT, "%.0f%% of its possible gain", 100 * Math.max(0, share));
    }

    private static String fmt(double u) {
        return String.format(Locale.ROOT, "%.4f", u);
    }
}
