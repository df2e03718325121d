package dev.parley.scenario.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Clause;
import dev.parley.engine.monitor.ClauseSet;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.Facts;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.MonitorEntry;
import dev.parley.engine.monitor.Observation;
import dev.parley.engine.monitor.Place;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TargetCategory;
import dev.parley.engine.monitor.TimePrecision;
import dev.parley.scenario.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Monitoring entries as JSON, the form they take in the store's log and in the API ({@code docs/monitoring.md}):
 * {@code {"type": "claim" | "observation" | "assessment" | "clauses", ...}}, times as ISO-8601 instants, counts as
 * {@code {"low", "best", "high"}}, and nothing written for what was left unsaid. {@link #read} takes back exactly what
 * {@link #write} gives. Stateless.
 */
public final class MonitorJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MonitorJson() {
    }

    /**
     * A claim made by hand (on the command line or through the server), its id a digest of all it says, its time
     * included: the same claim made twice is one.
     */
    public static Claim claim(String incident, String claimant, String channel, Optional<String> source,
            Instant statedAt, Facts facts) {
        Claim draft = new Claim("x", incident, claimant, channel, source, statedAt, Optional.empty(), facts);
        return new Claim("claim:" + MonitorImport.digest(write(draft)), incident, claimant, channel, source, statedAt,
                Optional.empty(), facts);
    }

    /** An observation, its id a digest of all it says. */
    public static Observation observation(String incident, String monitor, Instant at, Optional<String> position,
            Optional<String> direction, String seen) {
        return new Observation("observation:" + MonitorImport.digest(String.join("|", incident, monitor, at
                .toString(), position.orElse(""), direction.orElse(""), seen)), incident, monitor, at, position,
                direction, seen);
    }

    /** An assessment, its id a digest of all it says. */
    public static Assessment assessment(String incident, Assessment.Aspect aspect, Assessment.Status status,
            Optional<Assessment.Grading> grading, Optional<String> party, String assessor, Instant at, String reason,
            boolean draft) {
        return new Assessment("assessment:" + MonitorImport.digest(String.join("|", incident, aspect.id(), status.id(),
                party.orElse(""), grading.map(Assessment.Grading::id).orElse(""), Boolean.toString(draft), assessor, at
                        .toString(),
                reason)), incident, aspect, status, grading, party, assessor, at, reason, draft);
    }

    /** A set of clauses recorded at {@code at}: each setting is its own entry, its time in its id. */
    public static ClauseSet clauses(String origin, Instant at, java.util.List<Clause> clauses) {
        return new ClauseSet("clauses:" + MonitorImport.digest(origin + "|" + at + "|" + clauses), at, origin,
                clauses);
    }

    /** Where a package's clauses come from, in words: {@code package CF=energy-and-sea from 2025-03-18T00:00:00Z}. */
    public static String origin(java.util.Map<String, String> pkg, Instant from) {
        return "package " + String.join(",", pkg.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()) + " from " + from;
    }

    /** The entry as one line of JSON. */
    public static String write(MonitorEntry entry) {
        return Json.write(tree(entry));
    }

    public static ObjectNode tree(MonitorEntry entry) {
        ObjectNode n = F.objectNode();
        switch (entry) {
            case Claim c -> {
                n.put("type", "claim").put("id", c.id()).put("incident", c.incident()).put("claimant", c.claimant())
                        .put("channel", c.channel());
                c.source().ifPresent(s -> n.put("source", s));
                n.put("statedAt", c.statedAt().toString());
                c.sources().ifPresent(s -> n.put("sources", s));
                n.set("facts", facts(c.facts()));
            }
            case Observation o -> {
                n.put("type", "observation").put("id", o.id()).put("incident", o.incident()).put("monitor", o
                        .monitor()).put("at", o.at().toString());
                o.position().ifPresent(p -> n.put("position", p));
                o.direction().ifPresent(d -> n.put("direction", d));
                n.put("seen", o.seen());
            }
            case Assessment a -> {
                n.put("type", "assessment").put("id", a.id()).put("incident", a.incident()).put("aspect", a.aspect()
                        .id()).put("status", a.status().id());
                a.grading().ifPresent(g -> n.put("grading", g.id()));
                a.party().ifPresent(p -> n.put("party", p));
                n.put("assessor", a.assessor()).put("at", a.at().toString()).put("reason", a.reason()).put("draft", a
                        .draft());
            }
            case ClauseSet s -> {
                n.put("type", "clauses").put("id", s.id()).put("at", s.at().toString()).put("origin", s.origin());
                ArrayNode list = n.putArray("clauses");
                s.clauses().forEach(c -> list.add(clause(c)));
            }
        }
        return n;
    }

    public static ObjectNode clause(Clause c) {
        ObjectNode n = F.objectNode().put("id", c.id()).put("title", c.title()).put("from", c.from().toString());
        c.until().ifPresent(u -> n.put("until", u.toString()));
        ArrayNode types = n.putArray("types");
        c.types().stream().map(IncidentType::id).sorted().forEach(types::add);
        ArrayNode targets = n.putArray("targets");
        c.targets().stream().map(TargetCategory::id).sorted().forEach(targets::add);
        return n;
    }

    public static ObjectNode facts(Facts f) {
        ObjectNode n = F.objectNode().put("occurredFrom", f.occurredFrom().toString()).put("occurredTo", f.occurredTo()
                .toString()).put("timePrecision", f.timePrecision().id());
        f.place().ifPresent(p -> n.set("place", place(p)));
        f.type().ifPresent(t -> n.put("incidentType", t.id()));
        f.subType().ifPresent(s -> n.put("subType", s));
        f.weapon().ifPresent(w -> n.put("weapon", w));
        f.launched().ifPresent(e -> n.set("launched", estimate(e)));
        f.destroyed().ifPresent(e -> n.set("destroyed", estimate(e)));
        f.notReached().ifPresent(e -> n.set("notReached", estimate(e)));
        f.impacted().ifPresent(e -> n.set("impacted", estimate(e)));
        f.perpetrator().ifPresent(p -> n.put("perpetrator", p));
        f.target().ifPresent(t -> n.put("target", t));
        f.targetCategory().ifPresent(t -> n.put("targetCategory", t.id()));
        if (!f.casualties().isEmpty()) {
            ArrayNode list = n.putArray("casualties");
            f.casualties().figures().forEach((k, e) -> list.add(estimate(e).put("group", k.group().name().toLowerCase(
                    Locale.ROOT)).put("harm", k.harm().name().toLowerCase(Locale.ROOT))));
        }
        f.text().ifPresent(t -> n.put("text", t));
        return n;
    }

    public static ObjectNode place(Place p) {
        ObjectNode n = F.objectNode().put("name", p.name());
        p.admin1().ifPresent(a -> n.put("admin1", a));
        p.admin2().ifPresent(a -> n.put("admin2", a));
        p.latitude().ifPresent(v -> n.put("latitude", v));
        p.longitude().ifPresent(v -> n.put("longitude", v));
        n.put("precision", p.precision().id());
        p.controlledBy().ifPresent(c -> n.put("controlledBy", c));
        return n;
    }

    public static ObjectNode estimate(Estimate e) {
        return F.objectNode().put("low", e.low()).put("best", e.best()).put("high", e.high());
    }

    /**
     * Reads an entry written by {@link #write}.
     *
     * @throws InvalidInput naming the field at fault
     */
    public static MonitorEntry read(String json) {
        return read(Json.read("monitoring entry", json));
    }

    public static MonitorEntry read(JsonNode n) {
        String type = text(n, "type");
        return switch (type) {
            case "claim" -> new Claim(text(n, "id"), text(n, "incident"), text(n, "claimant"), text(n, "channel"),
                    optional(n, "source"), instant(n, "statedAt"), n.has("sources")
                            ? Optional.of(n.get("sources").asInt())
                            : Optional.empty(),
                    facts(node(n, "facts")));
            case "observation" -> new Observation(text(n, "id"), text(n, "incident"), text(n, "monitor"), instant(n,
                    "at"), optional(n, "position"), optional(n, "direction"), text(n, "seen"));
            case "assessment" -> new Assessment(text(n, "id"), text(n, "incident"), Assessment.Aspect.of("aspect",
                    text(n, "aspect")), Assessment.Status.of("status", text(n, "status")),
                    optional(n, "grading").map(
                            g -> Assessment.Grading.of("grading", g)),
                    optional(n, "party"), text(n, "assessor"),
                    instant(n, "at"), text(n, "reason"), n.path("draft").asBoolean(false));
            case "clauses" -> {
                var clauses = new ArrayList<Clause>();
                for (JsonNode c : node(n, "clauses")) {
                    clauses.add(clause(c));
                }
                yield new ClauseSet(text(n, "id"), instant(n, "at"), text(n, "origin"), clauses);
            }
            default -> throw new InvalidInput("type", "unknown monitoring entry type '" + type + "'");
        };
    }

    public static Clause clause(JsonNode c) {
        Set<IncidentType> types = new TreeSet<>();
        strings(c, "types").forEach(t -> types.add(IncidentType.of("types", t)));
        Set<TargetCategory> targets = new TreeSet<>();
        strings(c, "targets").forEach(t -> targets.add(TargetCategory.of("targets", t)));
        return new Clause(text(c, "id"), text(c, "title"), instant(c, "from"), optional(c, "until").map(
                u -> instant("until", u)), types, targets);
    }

    /** Facts as {@link #facts(Facts)} writes them. */
    public static Facts facts(JsonNode n) {
        Facts f = Facts.at(instant(n, "occurredFrom"), instant(n, "occurredTo"), TimePrecision.of("timePrecision",
                text(n, "timePrecision")));
        if (n.has("place")) {
            f = f.withPlace(place(n.get("place")));
        }
        if (n.has("incidentType")) {
            f = f.withType(IncidentType.of("incidentType", text(n, "incidentType")), optional(n, "subType"));
        }
        if (n.has("weapon")) {
            f = f.withWeapon(text(n, "weapon"));
        }
        f = f.withQuantities(estimate(n, "launched"), estimate(n, "destroyed"), estimate(n, "notReached"), estimate(
                n, "impacted"));
        if (n.has("perpetrator")) {
            f = f.withPerpetrator(text(n, "perpetrator"));
        }
        f = f.withTarget(optional(n, "target"), optional(n, "targetCategory").map(t -> TargetCategory.of(
                "targetCategory", t)));
        Casualties c = Casualties.NONE;
        for (JsonNode e : n.path("casualties")) {
            c = c.with(constant(Casualties.Group.class, "group", text(e, "group")), constant(Casualties.Harm.class,
                    "harm", text(e, "harm")), estimate(e));
        }
        f = f.withCasualties(c);
        if (n.has("text")) {
            f = f.withText(text(n, "text"));
        }
        return f;
    }

    static Place place(JsonNode n) {
        Place p = Place.named(text(n, "name"), PlacePrecision.of("precision", text(n, "precision"))).withAdmin(optional(
                n, "admin1"), optional(n, "admin2"));
        if (n.has("latitude")) {
            p = p.withPosition(n.get("latitude").asDouble(), n.path("longitude").asDouble());
        }
        return optional(n, "controlledBy").map(p::controlledBy).orElse(p);
    }

    private static Optional<Estimate> estimate(JsonNode n, String field) {
        JsonNode e = n.get(field);
        return e == null || e.isNull() ? Optional.empty() : Optional.of(estimate(e));
    }

    /** {@code {"low", "best", "high"}}, each a whole number. */
    private static Estimate estimate(JsonNode e) {
        long[] v = new long[3];
        String[] names = {"low", "best", "high"};
        for (int k = 0; k < 3; k++) {
            JsonNode x = e.get(names[k]);
            if (x == null || !x.isIntegralNumber() || !x.canConvertToLong()) {
                throw new InvalidInput(names[k], "a count needs a whole number " + names[k]);
            }
            v[k] = x.asLong();
        }
        return new Estimate(v[0], v[1], v[2]);
    }

    /** A list of strings, empty when absent. */
    private static java.util.List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw new InvalidInput(field, field + " must be a list of names, e.g. [\"missile\"]");
        }
        var out = new ArrayList<String>();
        for (JsonNode x : v) {
            if (!x.isTextual()) {
                throw new InvalidInput(field, field + " must be a list of names");
            }
            out.add(x.asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(id)) {
                return e;
            }
        }
        throw new InvalidInput(field, "unknown " + field + " '" + id + "'");
    }

    private static JsonNode node(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidInput(field, "missing " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = node(n, field);
        if (!v.isTextual()) {
            throw new InvalidInput(field, field + " must be a string");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Instant instant(JsonNode n, String field) {
        return instant(field, text(n, field));
    }

    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(field, "'" + text + "' is not an instant (2025-03-18T00:00:00Z)");
        }
    }
}
