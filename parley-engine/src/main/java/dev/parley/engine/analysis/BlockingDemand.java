package dev.parley.engine.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one demand costs the talks: the agreement zone and the Nash package with the demand, and with it dropped (a
 * red line or a hard condition) or lowered (a reservation). Immutable.
 *
 * @param issue the issue of a red line, else empty
 * @param option the option of a red line, else empty
 * @param condition a hard condition in words ("CF=full-30d only with AID=all-paused|permanent-halt"), else empty
 * @param change what was changed, e.g. "dropped" or "lowered by 0.05"
 * @param zoneWith zone size with the demand (empty if it could not be counted)
 * @param zoneWithout zone size without it
 */
public record BlockingDemand(Kind kind, String party, Optional<String> issue, Optional<String> option,
        Optional<String> condition, String change,
        OptionalLong zoneWith, OptionalLong zoneWithout, Optional<Solution> nashWith, Optional<Solution> nashWithout) {

    /** The kind of demand. */
    public enum Kind {
        RED_LINE("red line"), CONDITION("condition"), RESERVATION("reservation");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "UA red line TR=recognise-occupied", "RU condition CF=full-30d only with AID=all-paused" or "RU reservation". */
    public String demand() {
        return party + " " + kind.label() + issue.map(i -> " " + i + "=" + option.orElseThrow()).orElse("") + condition
                .map(c -> " " + c).orElse("");
    }

    /** Per party: Nash utility without the demand minus with it; empty unless both Nash packages exist. */
    public Map<String, Double> nashShift() {
        var shift = new LinkedHashMap<String, Double>();
        if (nashWith.isPresent() && nashWithout.isPresent()) {
            nashWith.get().utilities()
                    .forEach((p, u) -> shift.put(p, Ticks.round(nashWithout.get().utilities().get(p) - u)));
        }
        return shift;
    }
}
