package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pathological analysis ends at its budget with notes that say what was not computed. The timeouts only keep a
 * broken budget from hanging the build; what is asserted is the answer.
 */
class BudgetTest {
    /** Four ratifying parties over 20 issues of 10 options: 10^20 outcomes, continuous values, no red lines. */
    static final Scenario HUGE = RandomScenarios.generate(new SplittableRandom(7), RandomScenarios.Settings.of(4, 20,
            10));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFourPartyAnalysisOf10To20Outcomes_stopsAtItsTimeBudget_sayingWhatItDidNotCompute() {
        assertThat(HUGE.space().count()).isEqualTo(java.math.BigInteger.TEN.pow(20));
        Analysis a = Analyzer.analyze(HUGE, AnalysisOptions.defaults().withMaxPoints(Integer.MAX_VALUE - 8)
                .withBudget(Budget.of(Duration.ofMillis(300))));
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("zone frontier not computed: the time "
                + "budget of 300 ms ran out in the frontier at issue "));
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("agreement zone not counted: more outcomes"));
        assertThat(a.solutions()).isEmpty();
        assertThat(a.blockingDemands()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMemoryBudget_refusesTheWorkingArrayBeforeItIsMade() {
        Analysis a = Analyzer.analyze(HUGE, AnalysisOptions.defaults().withMaxPoints(Integer.MAX_VALUE - 8)
                .withBudget(Budget.of(Duration.ofMinutes(10)).withMemory(1L << 20)));
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).matches("zone frontier not computed: the memory budget "
                + "of 1\\.0 MB would be exceeded in the frontier at issue \\d+ of 20, \\d+ candidate packages \\(.* "
                + "needed\\).*"));
    }

    @Test
    void aBudgetThatIsNotSpent_changesNothing() {
        Scenario small = RandomScenarios.generate(new SplittableRandom(3), RandomScenarios.Settings.of(3, 5, 4));
        Analysis free = Analyzer.analyze(small, AnalysisOptions.defaults());
        Analysis budgeted = Analyzer.analyze(small, AnalysisOptions.defaults().withBudget(Budget.of(Duration.ofHours(
                1))));
        assertThat(budgeted.solutions()).isEqualTo(free.solutions());
        assertThat(budgeted.notes()).isEqualTo(free.notes());
        assertThat(budgeted.blockingDemands()).isEqualTo(free.blockingDemands());
    }
}
