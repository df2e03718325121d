package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SettingsJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A served negotiation's stored settings: the protocol's, the seed of its agents, and the class and group it was
 * created for, if any ({@code POST /api/classes}). Stored as one JSON document beside the log.
 *
 * @param group 1, 2, ... within its class
 */
record StoredSettings(Settings settings, long seed, Optional<String> className, Optional<Integer> group) {
    /** The longest name a class may have. */
    static final int MAX_CLASS_NAME = 80;

    /** The stored document. */
    static Map<String, Object> write(Settings settings, Scenario s, long seed, Optional<String> className,
            Optional<Integer> group) {
        var stored = new LinkedHashMap<String, Object>(SettingsJson.write(settings, s));
        stored.put("seed", seed);
        className.ifPresent(c -> stored.put("class", c));
        group.ifPresent(g -> stored.put("group", g));
        return stored;
    }

    /** Reads what {@link #write} wrote, strictly. */
    static StoredSettings read(String id, String protocolJson, Scenario s) {
        Fields f = Fields.of(Json.read("negotiation " + id + " settings", protocolJson), "protocol");
        long seed = f.longInteger("seed");
        Optional<String> className = f.optionalText("class");
        Optional<Integer> group = f.has("group")
                ? Optional.of(f.integer("group", 1, Integer.MAX_VALUE))
                : Optional.empty();
        return new StoredSettings(SettingsJson.read(f, s), seed, className, group);
    }

    /**
     * A class's name as given, trimmed: 1 to 80 characters, none a control character or one of {@code / \\ ? # %}
     * (it stands in a route's path), and not dots alone.
     */
    static String className(String field, String given) {
        String name = given.strip();
        if (name.isEmpty() || name.length() > MAX_CLASS_NAME || name.chars().anyMatch(c -> Character.isISOControl(c)
                || "/\\?#%".indexOf(c) >= 0) || name.matches("\\.+")) {
            throw new InvalidInput(field, field + ": a class's name is 1 to " + MAX_CLASS_NAME + " characters, "
                    + "without control characters or any of / \\ ? # %, and not dots alone");
        }
        return name;
    }

    /** The class a stored negotiation was created for, and its group. */
    record Membership(String className, int group) {
    }

    /** The class and group of a stored negotiation, read from its settings alone (no scenario needed). */
    static Optional<Membership> classOf(dev.parley.store.Records.Negotiation n) {
        var settings = Json.read("negotiation " + n.id() + " settings", n.protocolJson());
        return settings.hasNonNull("class")
                ? Optional.of(new Membership(settings.get("class").asText(), settings.path("group").asInt()))
                : Optional.empty();
    }
}
