package dev.parley.engine.analysis;

import dev.parley.engine.ParleyException;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Analyses a scenario exactly: agreement zone, Pareto frontier, reference solutions, near misses and blocking
 * demands. The frontier is built issue by issue ({@link AdditiveFrontier}), so spaces far too large to enumerate
 * are handled; the zone is counted by bounded search ({@link ZoneCounter}). Stateless and thread-safe; parallel work
 * runs on the options' executor.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * The analysis of {@code scenario}. With a budget ({@link AnalysisOptions#budget}), a phase that runs out of it
     * stops, the phases after it are not started, and the analysis's notes say what was not computed and why.
     */
    public static Analysis analyze(Scenario scenario, AnalysisOptions requested) {
        AnalysisOptions options = requested.withBudget(requested.budget().started());
        Instance zoneInstance = Instance.zone(scenario);
        if (zoneInstance.dims.length == 0) {
            throw new ParleyException("scenario " + scenario.id() + " has no ratifying party: every outcome is "
                    + "acceptable and there is no frontier to find");
        }
        var notes = new ArrayList<String>();
        ZoneAnalysis zone = ZoneAnalysis.of(zoneInstance, options, options.zoneCount());
        if (zone.count.isEmpty()) {
            notes.add("agreement zone not counted: " + (!options.zoneCount()
                    ? "not asked for"
                    : zoneInstance.allowedCount().bitLength() >= 63
                            ? "more outcomes within red lines than a 64-bit count holds"
                            : options.budget().spent()
                                    ? "the time budget of " + Budget.describe(options.budget().time()) + " ran out"
                                    : "the search budget of " + String.format(Locale.ROOT, "%,d", options.countBudget())
                                            + " branches ran out")
                    + (zone.frontier != null ? "; the zone is " + (zone.empty() ? "empty" : "not empty") : ""));
        }
        if (zone.frontierLimit != null) {
            notes.add("zone frontier not computed: " + zone.frontierLimit + "; no solutions without it");
        }
        FrontierSet listed = zone.frontier;
        if (options.frontier() == FrontierScope.ALL) {
            try {
                listed = AdditiveFrontier.compute(zoneInstance.whole(), options.maxPoints(), options.budget(),
                        options.progress(), options.executor());
            } catch (AdditiveFrontier.LimitException | Budget.Exceeded e) {
                listed = null;
                notes.add("frontier of the whole space not computed: " + e.getMessage());
            }
        }
        Map<String, Double> ideals = ideals(scenario, zone, options, notes);
        List<NearMiss> nearMisses = zone.empty() ? nearMisses(zone, options, notes) : List.of();
        List<BlockingDemand> blocking = options.blockingDemands() ? blockingDemands(zone, options, notes) : List.of();
        boolean checks = options.blockingDemands() && zone.frontier != null;
        if (options.blockingDemands() && zone.frontier == null && !scenario.demands().isEmpty()) {
            notes.add("stated demands not checked: the zone frontier was not computed");
        }
        if (options.blockingDemands() && zone.frontier == null && zone.empty()) {
            notes.add("smallest relaxations not searched: the zone frontier was not computed");
        }
        List<StatedDemandCheck> stated = checks ? DemandChecks.of(zone, options, notes) : List.of();
        List<List<String>> relaxations = checks && zone.empty() ? Relaxations.of(zone, options, notes) : List.of();
        return new Analysis(scenario, options.frontier(), zone, listed, ideals, nearMisses, blocking, stated,
                relaxations, notes);
    }

    /** a_p over the zone: from the zone frontier for ratifying parties, from a frontier with p added for others. */
    private static Map<String, Double> ideals(Scenario s, ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        var ideals = new LinkedHashMap<String, Double>();
        if (zone.frontier == null || zone.empty()) {
            return ideals;
        }
        long[] a = zone.ideal;
        int[] dims = zone.instance.dims;
        for (int p = 0; p < s.parties().size(); p++) {
            String id = s.parties().get(p).id();
            int dim = indexOf(dims, p);
            if (dim >= 0) {
                ideals.put(id, Ticks.utility(a[dim]));
            } else if (zone.instance.hasProfile(p)) {
                try {
                    o.budget().check("the best zone utility of " + id);
                    FrontierSet f = AdditiveFrontier.compute(zone.instance.withDimension(p), o.maxPoints(), o
                            .budget(), o.progress(), o.executor());
                    ideals.put(id, Ticks.utility(Solver.ideal(f)[dims.length]));
                } catch (AdditiveFrontier.LimitException | Budget.Exceeded e) {
                    notes.add("best zone utility of " + id + " not found: " + e.getMessage());
                }
            }
        }
        return ideals;
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Packages short of the fewest reservations by the least. Such a package lies on the frontier of the
     * red-line-respecting space (whatever dominates it is short of no more, by no more), so that frontier is searched;
     * when every outcome breaks a red line, the whole space's, counting each red line broken as a shortfall.
     */
    static List<NearMiss> nearMisses(ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        Instance z = zone.instance;
        boolean redLinesPossible = z.allowedCount().signum() > 0;
        if (!redLinesPossible) {
            notes.add("every outcome breaks some ratifying party's red line or condition");
        }
        Instance base = redLinesPossible ? z.withoutFloors() : z.whole();
        FrontierSet f;
        try {
            o.budget().check("the near misses");
            f = AdditiveFrontier.compute(base, o.maxPoints(), o.budget(), o.progress(), o.executor());
        } catch (AdditiveFrontier.LimitException | Budget.Exceeded e) {
            notes.add("near misses not searched: " + e.getMessage());
            return List.of();
        }
        int n = f.nodes();
        int d = z.dims.length;
        int[] misses = new int[n];
        long[] shortfall = new long[n];
        long[] sum = new long[n];
        var order = new ArrayList<Integer>();
        for (int x = 0; x < n; x++) {
            for (int k = 0; k < d; k++) {
                long u = f.vector(k, x);
                if (u < z.floor[k]) {
                    misses[x]++;
                    shortfall[x] += zone.reservation[k] - u;
                }
                sum[x] += u;
            }
            if (!redLinesPossible) {
                misses[x] += redLines(z, f.smallestOutcome(x)).size();
            }
            order.add(x);
        }
        order.sort(Comparator.<Integer>comparingInt(x -> misses[x]).thenComparingLong(x -> shortfall[x])
                .thenComparing(Comparator.<Integer>comparingLong(x -> sum[x]).reversed())
                .thenComparing(f::compareSmallest));
        var out = new ArrayList<NearMiss>();
        for (int i = 0; i < Math.min(o.nearMisses(), n); i++) {
            int x = order.get(i);
            int[] choice = f.smallestOutcome(x);
            var shortOf = new ArrayList<String>();
            for (int k = 0; k < d; k++) {
                if (f.vector(k, x) < z.floor[k]) {
                    shortOf.add(z.scenario.parties().get(z.dims[k]).id());
                }
            }
            out.add(new NearMiss(Outcome.of(choice), ZoneAnalysis.utilities(z, choice), shortOf,
                    Ticks.utility(shortfall[x]), redLinesPossible ? List.of() : redLines(z, choice)));
        }
        return out;
    }

    private static List<String> redLines(Instance z, int[] choice) {
        var broken = new ArrayList<String>();
        for (int dim : z.dims) {
            String id = z.scenario.parties().get(dim).id();
            Profile p = z.scenario.profiles().get(id);
            for (int i = 0; i < choice.length; i++) {
                if (p.isRedLine(i, choice[i])) {
                    broken.add(id + " " + z.scenario.issues().get(i).id() + "="
                            + z.scenario.issues().get(i).option(choice[i]).id());
                }
            }
            for (dev.parley.engine.model.Condition c : p.conditions()) {
                if (c.brokenBy(choice)) {
                    broken.add(id + " condition " + c.describe(z.scenario.issues()));
                }
            }
        }
        return broken;
    }

    /**
     * For each red line, each hard condition and each reservation of a ratifying party: the zone and the Nash package
     * without it. Ranked:
     * demands whose removal opens an empty zone first, then by how much the zone grows, then by Nash product gained.
     */
    private static List<BlockingDemand> blockingDemands(ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        Instance z = zone.instance;
        var jobs = new ArrayList<Variants.Job<BlockingDemand>>();
        Optional<Solution> nashWith = zone.solution(SolutionKind.NASH);
        long[][] least = z.suffixBound(false);
        Optional<RedLineDrops> drops = RedLineDrops.of(zone, o);
        drops.ifPresent(r -> r.prepare(o.executor(), o.progress()));
        for (int d = 0; d < z.dims.length; d++) {
            String party = z.scenario.parties().get(z.dims[d]).id();
            Profile p = z.scenario.profiles().get(party);
            for (int i = 0; i < z.issueCount(); i++) {
                for (int k = 0; k < z.options(i); k++) {
                    if (!p.isRedLine(i, k)) {
                        continue;
                    }
                    int issue = i;
                    int option = k;
                    jobs.add(inside -> {
                        RedLineDrops.Without without = drops.flatMap(r -> r.without(party, issue, option))
                                .orElseGet(() -> {
                                    ZoneAnalysis a = ZoneAnalysis.of(z.withRedLineDropped(party, issue, option),
                                            inside, true);
                                    return new RedLineDrops.Without(a.count, a.solution(SolutionKind.NASH));
                                });
                        return new BlockingDemand(BlockingDemand.Kind.RED_LINE, party,
                                Optional.of(z.scenario.issues().get(issue).id()),
                                Optional.of(z.scenario.issues().get(issue).option(option).id()), Optional.empty(),
                                "dropped", zone.count, without.count(), nashWith, without.nash());
                    });
                }
            }
            int dim = d;
            for (int c = 0; c < p.conditions().size(); c++) {
                int condition = c;
                jobs.add(inside -> {
                    ZoneAnalysis without = ZoneAnalysis.of(z.withConditionDropped(z.dims[dim], condition), inside,
                            true);
                    return new BlockingDemand(BlockingDemand.Kind.CONDITION, party, Optional.empty(), Optional
                            .empty(), Optional.of(p.conditions().get(condition).describe(z.scenario.issues())),
                            "dropped", zone.count, without.count, nashWith, without.solution(SolutionKind.NASH));
                });
            }
            jobs.add(inside -> {
                Instance lowerFloor = z.withFloorLowered(dim, Ticks.of(o.reservationStep()));
                // A reservation that no package within red lines falls below binds nothing, and lowered it still
                // binds nothing: the zone, its count and its frontier stay the same, only the solutions move (they
                // are measured from the reservations). So they are worked out again on the same frontier.
                ZoneAnalysis lowered = z.floor[dim] <= least[dim][0] && zone.count.isPresent() && zone.frontier != null
                        ? zone.under(lowerFloor)
                        : ZoneAnalysis.of(lowerFloor, inside, true);
                return new BlockingDemand(BlockingDemand.Kind.RESERVATION, party, Optional.empty(),
                        Optional.empty(), Optional.empty(),
                        String.format(Locale.ROOT, "%.2f lowered by %.2f", p.reservation(), o.reservationStep()),
                        zone.count, lowered.count, nashWith, lowered.solution(SolutionKind.NASH));
            });
        }
        var variants = new ArrayList<>(Variants.run(z, jobs, o, "blocking demands"));
        if (variants.size() < jobs.size()) {
            notes.add("blocking demands: " + variants.size() + " of " + jobs.size() + " worked out before the time "
                    + "budget of " + Budget.describe(o.budget().time()) + " ran out");
        }
        variants.sort(Comparator.comparing((BlockingDemand b) -> !opens(b))
                .thenComparing(Comparator.comparingLong(Analyzer::growth).reversed())
                .thenComparing(Comparator.comparingDouble(Analyzer::nashGain).reversed()));
        return variants;
    }

    private static boolean opens(BlockingDemand b) {
        return b.nashWith().isEmpty() && b.nashWithout().isPresent();
    }

    private static long growth(BlockingDemand b) {
        return b.zoneWith().isPresent() && b.zoneWithout().isPresent()
                ? b.zoneWithout().getAsLong() - b.zoneWith().getAsLong()
                : Long.MIN_VALUE;
    }

    private static double nashGain(BlockingDemand b) {
        double with = b.nashWith().map(Solution::value).orElse(0.0);
        return b.nashWithout().map(Solution::value).orElse(0.0) - with;
    }
}
