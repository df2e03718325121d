package dev.parley.scenario.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.BuiltinScenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastRunsTest {
    @Test
    void aRunsLine_readsBackAsTheRun_andTheSourceRebuildsThePlan() {
        var s = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        var plan = new Forecast.Plan(Settings.defaults(s).withRounds(40), Map.of("US", "anneal"), 30, 8, true);
        var source = ForecastRuns.Source.of(s, plan);
        var again = source.readScenario();
        assertThat(again).isEqualTo(s);
        assertThat(source.plan(again)).isEqualTo(plan);
        int refused = 0;
        for (int i = 0; i < plan.runs(); i++) {
            Forecast.Run r = Forecast.run(s, plan, i);
            String line = ForecastRuns.line(r, s);
            assertThat(line).as("one line per run").doesNotContain("\n").doesNotContain("\r");
            assertThat(ForecastRuns.parse(line, s)).isEqualTo(r);
            refused += r.refusals().isEmpty() ? 0 : 1;
        }
        assertThat(refused).as("some runs end without a deal, with their refusals").isPositive();
    }
}
