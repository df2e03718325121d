package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a negotiation is created from, as {@code POST /api/negotiations} (and each group of {@code POST /api/classes})
 * reads it: the scenario (a built-in id, a parley/1 document or an upload), the protocol and its rounds, the agents by
 * seat, the agents' profiles shared with the mediator, and the seed.
 */
record Startup(Scenario scenario, Settings settings, Map<String, String> agents, List<String> shared, long seed) {
    Startup {
        agents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        shared = List.copyOf(shared);
    }

    /** Reads the fields it knows from {@code body}; the caller calls {@code done()} once it has read its own. */
    static Startup read(Fields body) {
        Scenario s;
        if (body.has("scenario") && body.node("scenario").isTextual()) {
            String builtin = body.text("scenario");
            s = BuiltinScenarios.find(builtin).orElseThrow(() -> new InvalidInput("scenario", "scenario: no built-in "
                    + "scenario '" + builtin + "' (built-in: " + String.join(", ", BuiltinScenarios.ids()) + ")"));
        } else if (body.has("scenario")) {
            // The scenario reader locates its problems in text, so the document is written out for it.
            s = ScenarioReader.read("scenario", Json.write(body.node("scenario")), Format.JSON);
        } else if (body.has("upload")) {
            s = Requests.upload(body.object("upload"));
        } else {
            throw new InvalidInput("scenario", "scenario: give a built-in id or a parley/1 document (or upload: "
                    + "{file, text})");
        }
        body.optionalNode("upload"); // a scenario given, an upload beside it is not read
        Settings settings = Settings.defaults(s);
        Optional<String> protocol = body.optionalText("protocol");
        if (protocol.isPresent()) {
            settings = settings.withKind(ProtocolKind.require("protocol", protocol.get()));
        }
        if (body.has("rounds")) {
            settings = settings.withRounds(body.integer("rounds", 1, Settings.MAX_ROUNDS));
        }
        var agents = new LinkedHashMap<String, String>();
        if (body.has("agents")) {
            Fields a = body.object("agents");
            body.node("agents").fieldNames().forEachRemaining(party -> agents.put(party, a.text(party)));
            a.done();
        }
        List<String> shared = body.has("shared") ? body.texts("shared") : List.of();
        for (String party : shared) {
            Negotiations.checkCanShare(s, settings, party); // before anything is stored
            if (!agents.containsKey(party)) {
                // A person's profile is theirs to share: the organiser may share only what an agent holds.
                throw new InvalidInput("shared", "shared: " + party + "'s seat is a person's; only " + party
                        + "'s delegation can share its profile, from its room");
            }
        }
        long seed = body.has("seed") ? body.longInteger("seed") : 1;
        return new Startup(s, settings, agents, shared, seed);
    }

    /** Creates the negotiation (for a group of a class, if given) and shares the agents' profiles named. */
    Negotiations.Created create(Negotiations negotiations, Optional<String> className, Optional<Integer> group) {
        Negotiations.Created created = negotiations.create(scenario, settings, agents, seed, className, group);
        shared.forEach(party -> negotiations.shareFor(created.id(), party));
        return created;
    }
}
