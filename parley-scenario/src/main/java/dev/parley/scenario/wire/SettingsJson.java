package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol settings on the wire, every field written, the same in a transcript's header and in the server's store:
 * {@code {"type": "single-text", "rounds": 200, "mediator": "US", "stallLimit": 100, "discount": 1.0}} (and
 * {@code "opening"} when set). The reader fills a field left out with the scenario's default, so older records read.
 * Stateless.
 */
public final class SettingsJson {
    private SettingsJson() {
    }

    public static Map<String, Object> write(Settings p, Scenario s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", p.kind().id());
        m.put("rounds", p.rounds());
        p.mediator().ifPresent(x -> m.put("mediator", x));
        m.put("stallLimit", p.stallLimit());
        p.opening().ifPresent(o -> m.put("opening", PackageJson.write(o, s.issues())));
        m.put("discount", p.discount());
        return m;
    }

    /**
     * Reads settings strictly, each missing field taken from the scenario's defaults.
     *
     * @param fields the settings object; the caller may have taken fields of its own from it first
     * @throws dev.parley.engine.InvalidInput naming the field at fault
     */
    public static Settings read(Fields fields, Scenario s) {
        Settings d = Settings.defaults(s);
        Settings p = d.withKind(fields.optionalText("type").map(t -> ProtocolKind.require(fields.path("type"), t))
                .orElse(d.kind()));
        if (fields.has("rounds")) {
            p = p.withRounds(fields.integer("rounds", 1, Settings.MAX_ROUNDS));
        }
        Optional<String> mediator = fields.optionalText("mediator");
        if (mediator.isPresent()) {
            p = p.withMediator(mediator);
        }
        if (fields.has("stallLimit")) {
            p = p.withStallLimit(fields.integer("stallLimit", 1, Integer.MAX_VALUE));
        }
        if (fields.has("opening")) {
            p = p.withOpening(Optional.of(PackageJson.read(fields.node("opening"), s.issues(), fields.path(
                    "opening"))));
        }
        if (fields.has("discount")) {
            p = p.withDiscount(fields.number("discount"));
        }
        fields.done();
        return p;
    }

    /** Reads settings from a whole node, strictly. */
    public static Settings read(JsonNode node, String path, Scenario s) {
        return read(Fields.of(node, path), s);
    }
}
