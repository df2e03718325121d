package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A forecast as it travels to another process (a Spark executor) and its runs as they come back: the scenario and
 * the plan as text, and each run as one line of JSON whose figures read back exactly (so a forecast summed from the
 * lines is the one summed from the runs). Stateless.
 */
public final class ForecastRuns {
    private ForecastRuns() {
    }

    /** The scenario as {@code parley/1} JSON and the plan, as text: serialisable. */
    public record Source(String scenario, String settings, Map<String, String> seats, int runs, long seed,
            boolean talks) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Source {
            seats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seats));
        }

        public static Source of(Scenario s, Forecast.Plan plan) {
            return new Source(ScenarioWriter.write(s, Format.JSON), Json.write(SettingsJson.write(plan.settings(), s)),
                    plan.seats(), plan.runs(), plan.seed(), plan.talks());
        }

        public Scenario readScenario() {
            return ScenarioReader.read("forecast", scenario, Format.JSON);
        }

        public Forecast.Plan plan(Scenario s) {
            return new Forecast.Plan(SettingsJson.read(Json.read("settings", settings), "settings", s), seats, runs,
                    seed, talks);
        }
    }

    /** One run as one line of JSON (no line break). */
    public static String line(Forecast.Run r, Scenario s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("index", r.index());
        m.put("zoneEmpty", r.zoneEmpty());
        m.put("blocking", r.blocking());
        m.put("nash", r.nash().map(o -> o.format(s.issues())).orElse(null));
        m.put("deal", r.deal().map(o -> o.format(s.issues())).orElse(null));
        m.put("rounds", r.rounds());
        m.put("nashShare", r.nashShare());
        m.put("refusals", r.refusals());
        m.put("drawn", r.drawn());
        return Json.write(m);
    }

    /** The run a line holds. */
    public static Forecast.Run parse(String line, Scenario s) {
        JsonNode n = Json.read("run", line);
        double[] drawn = new double[n.get("drawn").size()];
        for (int k = 0; k < drawn.length; k++) {
            drawn[k] = n.get("drawn").get(k).doubleValue();
        }
        return new Forecast.Run(n.get("index").intValue(), n.get("zoneEmpty").booleanValue(), strings(n.get(
                "blocking")), outcome(n.get("nash"), s), outcome(n.get("deal"), s), n.get("rounds").intValue(), n
                        .get(
                                "nashShare")
                        .doubleValue(),
                strings(n.get("refusals")), drawn);
    }

    private static Optional<Outcome> outcome(JsonNode n, Scenario s) {
        return n == null || n.isNull() ? Optional.empty() : Optional.of(Outcome.parse(s.issues(), n.textValue()));
    }

    private static List<String> strings(JsonNode n) {
        var out = new ArrayList<String>();
        n.forEach(x -> out.add(x.textValue()));
        return out;
    }
}
