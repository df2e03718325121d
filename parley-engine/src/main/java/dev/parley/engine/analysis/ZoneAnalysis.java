package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One instance's agreement zone: its size, its frontier and the reference solutions on it. The frontier (and with
 * it the solutions) is missing only when it ran into the point limit or the budget, which {@link #frontierLimit}
 * then explains.
 * Immutable.
 */
final class ZoneAnalysis {
    final Instance instance;
    final OptionalLong count;
    final FrontierSet frontier;
    final String frontierLimit;
    /** Per dimension: the reservation in ticks (the floor without its tolerance). */
    final long[] reservation;
    final Map<SolutionKind, Integer> solutionNodes;
    /** Per dimension: the best utility on the frontier, in ticks; null without a frontier. */
    final long[] ideal;

    private ZoneAnalysis(Instance instance, OptionalLong count, FrontierSet frontier, String frontierLimit) {
        this.instance = instance;
        this.count = count;
        this.frontier = frontier;
        this.frontierLimit = frontierLimit;
        this.reservation = new long[instance.dims.length];
        for (int k = 0; k < reservation.length; k++) {
            reservation[k] = instance.floor[k] + Ticks.ZONE_TOLERANCE;
        }
        this.ideal = frontier == null ? null : Solver.ideal(frontier);
        this.solutionNodes = frontier == null
                ? new EnumMap<>(SolutionKind.class)
                : Solver.solve(frontier, reservation, ideal);
    }

    static ZoneAnalysis of(Instance zone, AnalysisOptions o, boolean count) {
        OptionalLong size = count
                ? ZoneCounter.count(zone, o.countBudget(), o.budget(), o.executor(), o.progress())
                : OptionalLong.empty();
        try {
            return new ZoneAnalysis(zone, size, AdditiveFrontier.compute(zone, o.maxPoints(), o.budget(), o
                    .progress(), o.executor()), null);
        } catch (AdditiveFrontier.LimitException | Budget.Exceeded e) {
            return new ZoneAnalysis(zone, size, null, e.getMessage());
        }
    }

    /**
     * The same zone under {@code other}, an instance of the same packages and floors that bind no more than these
     * (the same count and frontier): the solutions worked out again from its reservations.
     */
    ZoneAnalysis under(Instance other) {
        return new ZoneAnalysis(other, count, frontier, frontierLimit);
    }

    /** Whether the zone is known to be empty. */
    boolean empty() {
        return (frontier != null && frontier.nodes() == 0) || (count.isPresent() && count.getAsLong() == 0);
    }

    Optional<Solution> solution(SolutionKind kind) {
        Integer node = solutionNodes.get(kind);
        if (node == null) {
            return Optional.empty();
        }
        int[] choice = frontier.smallestOutcome(node);
        return Optional.of(new Solution(kind, Outcome.of(choice), utilities(instance, choice),
                Solver.value(kind, frontier, reservation, ideal, node)));
    }

    /** Every profiled party's utility for {@code choice}, in party order. */
    static Map<String, Double> utilities(Instance inst, int[] choice) {
        var m = new LinkedHashMap<String, Double>();
        for (int p = 0; p < inst.partyCells.length; p++) {
            if (inst.hasProfile(p)) {
                m.put(inst.scenario.parties().get(p).id(), Ticks.utility(inst.ticks(p, choice)));
            }
        }
        return m;
    }
}
