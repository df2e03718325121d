package dev.parley.engine.analysis;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * For every stated demand: whether some package in the zone grants it, the Nash package with it imposed and what
 * imposing it costs each party; if none does, the fewest red lines in its way and the reservations short at the
 * nearest packages that grant it. Each demand is one more exact zone analysis with the demanded issues held to the
 * options that satisfy it. Stateless.
 */
final class DemandChecks {
    private DemandChecks() {
    }

    static List<StatedDemandCheck> of(ZoneAnalysis zone, AnalysisOptions o, List<String> notes) {
        Scenario s = zone.instance.scenario;
        Optional<Solution> nash = zone.solution(SolutionKind.NASH);
        var jobs = new ArrayList<Variants.Job<StatedDemandCheck>>();
        // Each check's notes, kept apart until the checks are put in order; a check cut short keeps its own too.
        var said = new java.util.concurrent.atomic.AtomicReferenceArray<List<String>>(s.demands().values().stream()
                .mapToInt(List::size).sum());
        for (var entry : s.demands().entrySet()) {
            for (Demand d : entry.getValue()) {
                int index = jobs.size();
                jobs.add(inside -> {
                    var its = new ArrayList<String>();
                    said.set(index, its);
                    return check(zone, entry.getKey(), d, nash, inside, its);
                });
            }
        }
        List<StatedDemandCheck> out = Variants.run(zone.instance, jobs, o, "stated demands");
        for (int i = 0; i < Math.min(out.size() + 1, jobs.size()); i++) {
            if (said.get(i) != null) {
                notes.addAll(said.get(i));
            }
        }
        if (out.size() < jobs.size()) {
            // Cut short by the budget: left out, not reported wrong.
            notes.add("stated demands: " + out.size() + " of " + jobs.size() + " checked before the time budget of "
                    + Budget.describe(o.budget().time()) + " ran out");
        }
        return out;
    }

    private static StatedDemandCheck check(ZoneAnalysis zone, String party, Demand d, Optional<Solution> nash,
            AnalysisOptions o, List<String> notes) {
        Instance z = zone.instance;
        Demand.Mask mask = z.scenario.mask(d);
        InTheWay blocked = InTheWay.of(z, mask);
        List<String> inTheWay = blocked.redLines();
        Instance imposed = z.withImposed(mask, blocked.again());
        if (imposed.allowedCount().signum() == 0) {
            inTheWay = new ArrayList<>(inTheWay);
            inTheWay.addAll(conditionsInTheWay(imposed));
        }
        ZoneAnalysis with = ZoneAnalysis.of(imposed, o, true);
        // Granted in the zone: known from the frontier, else from the count; else not worked out.
        Optional<Boolean> open = with.frontier != null
                ? Optional.of(with.frontier.nodes() > 0)
                : with.count.isPresent() ? Optional.of(with.count.getAsLong() > 0) : Optional.empty();
        if (open.isEmpty()) {
            notes.add("stated demand " + party + " " + d.id() + ": not worked out: " + with.frontierLimit);
        }
        Optional<Boolean> possible = inTheWay.isEmpty() ? open : Optional.of(false);
        Optional<Solution> nashWith = possible.orElse(false) ? with.solution(SolutionKind.NASH) : Optional.empty();
        var cost = new LinkedHashMap<String, Double>();
        if (nash.isPresent() && nashWith.isPresent()) {
            nash.get().utilities().forEach((p, u) -> cost.put(p, Ticks.round(u - nashWith.get().utilities().get(p))));
        }
        // Reservations in the way: the nearest packages that grant it (with the red lines in its way dropped), when
        // some package within every other red line does.
        List<NearMiss> near = List.of();
        if (with.frontier != null && with.empty() && imposed.allowedCount().signum() > 0) {
            var said = new ArrayList<String>();
            near = Analyzer.nearMisses(with, o, said);
            said.forEach(n -> notes.add("stated demand " + party + " " + d.id() + ": " + n));
        }
        OptionalLong zoneWith = inTheWay.isEmpty() ? with.count : OptionalLong.of(0);
        return new StatedDemandCheck(party, d.id(), d.label(), possible, zoneWith, nashWith, cost, inTheWay, near);
    }

    /**
     * The red lines in a demand's way: for each issue it names on which every satisfying option is some ratifying
     * party's red line, the option with the fewest such red lines ({@code again[issue][option]}, to be allowed again)
     * and those red lines. No red line is in the way when packages within every red line grant the demand.
     */
    private record InTheWay(List<String> redLines, boolean[][] again) {
        static InTheWay of(Instance z, Demand.Mask mask) {
            var redLines = new ArrayList<String>();
            boolean[][] again = new boolean[z.issueCount()][];
            for (int i = 0; i < z.issueCount(); i++) {
                again[i] = new boolean[z.options(i)];
            }
            for (int j = 0; j < mask.issues().length; j++) {
                int i = mask.issues()[j];
                boolean open = false;
                for (int k = 0; k < z.options(i); k++) {
                    open |= mask.allowed()[j][k] && z.optionAllowed[i][k];
                }
                if (open) {
                    continue;
                }
                int best = -1;
                List<String> fewest = null;
                for (int k = 0; k < z.options(i); k++) {
                    if (mask.allowed()[j][k]) {
                        List<String> holders = holders(z, i, k);
                        if (fewest == null || holders.size() < fewest.size()) {
                            fewest = holders;
                            best = k;
                        }
                    }
                }
                again[i][best] = true;
                redLines.addAll(fewest);
            }
            return new InTheWay(redLines, again);
        }
    }

    /**
     * The hard conditions in the way once the demand's red lines are out of it: in each slot left without a
     * combination, the first of the ratifying parties' conditions there whose dropping alone reopens it (a smallest
     * change), or, when none does alone, all of them together.
     */
    private static List<String> conditionsInTheWay(Instance imposed) {
        var out = new ArrayList<String>();
        for (int g = 0; g < imposed.slots; g++) {
            if (imposed.allowedOptions()[g].length > 0) {
                continue;
            }
            var alone = new ArrayList<String>();
            var together = new ArrayList<String>();
            for (int dim : imposed.dims) {
                String id = imposed.scenario.parties().get(dim).id();
                List<Condition> held = imposed.scenario.profiles().get(id).conditions();
                for (int c = 0; c < held.size(); c++) {
                    if (imposed.layout.groups.groupOf(held.get(c).ifIssue()) != g) {
                        continue;
                    }
                    String said = id + " condition " + held.get(c).describe(imposed.scenario.issues());
                    together.add(said);
                    if (imposed.withConditionDropped(dim, c).allowedOptions()[g].length > 0) {
                        alone.add(said);
                    }
                }
            }
            out.addAll(alone.isEmpty() ? together : alone.subList(0, 1)); // one is a smallest change
        }
        return out;
    }

    private static List<String> holders(Instance z, int issue, int option) {
        var out = new ArrayList<String>();
        for (int dim : z.dims) {
            String id = z.scenario.parties().get(dim).id();
            Profile p = z.scenario.profiles().get(id);
            if (p.isRedLine(issue, option)) {
                out.add(id + " " + z.scenario.issues().get(issue).id() + "=" + z.scenario.issues().get(issue).option(
                        option).id());
            }
        }
        return out;
    }
}
