package dev.parley.engine.analysis;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How to analyse. Immutable.
 *
 * @param frontier which outcomes the listed frontier is over
 * @param maxPoints the most distinct partial utility vectors the frontier may hold after any issue; past it the
 *        frontier is refused and the analysis says so
 * @param countBudget the most branches the zone count may visit; past it the count is refused and the analysis says
 *        so
 * @param blockingDemands whether to work out what each red line and reservation costs
 * @param reservationStep how far a reservation is lowered when working out what it costs
 * @param nearMisses how many near-miss packages to find when the zone is empty
 * @param executor runs the parallel parts; the engine starts no threads of its own
 * @param progress told how far long work has come
 * @param budget the time and memory the analysis may spend
 * @param zoneCount whether to count the packages in the zone (a forecast needs only whether it is empty, which the
 *        frontier says)
 */
public record AnalysisOptions(FrontierScope frontier, int maxPoints, long countBudget, boolean blockingDemands,
        double reservationStep, int nearMisses, Executor executor, ProgressListener progress, Budget budget,
        boolean zoneCount) {
    public AnalysisOptions {
        Objects.requireNonNull(frontier, "frontier");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(budget, "budget");
        if (maxPoints < 1 || countBudget < 1 || reservationStep <= 0 || nearMisses < 0) {
            throw new IllegalArgumentException("bad analysis options");
        }
    }

    /**
     * The zone frontier, 1,000,000 points, 10^9 branches, blocking demands with a 0.05 step, 5 near misses, run in the
     * caller's thread, with no budget but the machine's.
     */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(FrontierScope.ZONE, 1_000_000, 1_000_000_000L, true, 0.05, 5, Runnable::run,
                ProgressListener.NONE, Budget.UNLIMITED, true);
    }

    public AnalysisOptions withFrontier(FrontierScope scope) {
        return new AnalysisOptions(scope, maxPoints, countBudget, blockingDemands, reservationStep, nearMisses,
                executor, progress, budget, zoneCount);
    }

    public AnalysisOptions withExecutor(Executor e) {
        return new AnalysisOptions(frontier, maxPoints, countBudget, blockingDemands, reservationStep, nearMisses, e,
                progress, budget, zoneCount);
    }

    public AnalysisOptions withProgress(ProgressListener p) {
        return new AnalysisOptions(frontier, maxPoints, countBudget, blockingDemands, reservationStep, nearMisses,
                executor, p, budget, zoneCount);
    }

    public AnalysisOptions withBlockingDemands(boolean on) {
        return new AnalysisOptions(frontier, maxPoints, countBudget, on, reservationStep, nearMisses, executor,
                progress, budget, zoneCount);
    }

    public AnalysisOptions withMaxPoints(int max) {
        return new AnalysisOptions(frontier, max, countBudget, blockingDemands, reservationStep, nearMisses, executor,
                progress, budget, zoneCount);
    }

    public AnalysisOptions withCountBudget(long branches) {
        return new AnalysisOptions(frontier, maxPoints, branches, blockingDemands, reservationStep, nearMisses,
                executor, progress, budget, zoneCount);
    }

    /** With {@code false}, the zone is not counted ({@link Analysis#agreementZone} is empty): quicker. */
    public AnalysisOptions withZoneCount(boolean on) {
        return new AnalysisOptions(frontier, maxPoints, countBudget, blockingDemands, reservationStep, nearMisses,
                executor, progress, budget, on);
    }

    public AnalysisOptions withBudget(Budget b) {
        return new AnalysisOptions(frontier, maxPoints, countBudget, blockingDemands, reservationStep, nearMisses,
                executor, progress, b, zoneCount);
    }
}
