package dev.parley.server;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.model.Scenario;

/**
 * A negotiation's analysis, worked out once per scenario (a profile change before the first move gives a new one)
 * by whoever asks first, outside the negotiation's lock. Racing callers may both compute it; both get a correct one.
 * Thread-safe.
 */
final class AnalysisMemo {
    private record Memo(Scenario scenario, Analysis analysis) {
    }

    private volatile Memo memo;
    private final java.time.Duration budget;

    AnalysisMemo(java.time.Duration budget) {
        this.budget = budget;
    }

    Analysis of(Scenario s) {
        Memo m = memo;
        if (m != null && m.scenario() == s) {
            return m.analysis();
        }
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBudget(dev.parley.engine.analysis.Budget.of(
                budget)));
        if (a.notes().stream().noneMatch(n -> n.contains("the time budget of"))) { // one cut short is worked out again
            memo = new Memo(s, a);
        }
        return a;
    }

    void reset() {
        memo = null;
    }
}
