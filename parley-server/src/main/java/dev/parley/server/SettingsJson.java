package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocols;
import dev.parley.scenario.MoveJson;
import java.util.LinkedHashMap;
import java.util.Optional;

/** A negotiation's protocol settings and seed, as stored beside its scenario. */
final class SettingsJson {
    private SettingsJson() {
    }

    static String write(Scenario s, Protocols.Settings p, long seed) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", p.protocol());
        m.put("rounds", p.rounds());
        p.mediator().ifPresent(x -> m.put("mediator", x));
        m.put("stallLimit", p.stallLimit());
        p.opening().ifPresent(o -> m.put("opening", o.toMap(s.issues())));
        m.put("discount", p.discount());
        m.put("seed", seed);
        try {
            return MoveJson.JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Protocols.Settings read(Scenario s, JsonNode n) {
        return new Protocols.Settings(n.get("type").asText(), n.get("rounds").asInt(),
                n.has("mediator") ? Optional.of(n.get("mediator").asText()) : Optional.empty(),
                n.get("stallLimit").asInt(),
                n.has("opening") ? Optional.of(MoveJson.outcome(n.get("opening"), s.issues())) : Optional.empty(),
                n.get("discount").asDouble());
    }
}
