package dev.parley.scenario.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Casualties;
import dev.parley.engine.monitor.Dashboard;
import dev.parley.engine.monitor.Incident;
import dev.parley.engine.monitor.Violation;
import dev.parley.scenario.wire.Json;
import java.util.Locale;

/**
 * The documents monitoring is read as — an incident, a violation, the dashboard — as {@code parley monitor} and the
 * server give them ({@code docs/monitoring.md}), numbers as numbers; the entries themselves are {@link MonitorJson}'s.
 * Stateless.
 */
public final class MonitorDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MonitorDocuments() {
    }

    /**
     * An incident's summary (what follows from its claims and assessments), and with {@code details} its claims,
     * observations and assessment history; drafts only with {@code drafts} (they are the monitors' own).
     */
    public static ObjectNode incident(Incident i, boolean details, boolean drafts) {
        ObjectNode n = F.objectNode().put("id", i.id()).put("when", i.when().toString()).put("day", Dashboard.day(i
                .when()).toString());
        i.type().ifPresentOrElse(t -> n.put("incidentType", t.id()), () -> n.putNull("incidentType"));
        i.place().ifPresentOrElse(p -> n.set("place", MonitorJson.place(p)), () -> n.putNull("place"));
        ArrayNode claimants = n.putArray("claimants");
        i.claimants().forEach(claimants::add);
        ArrayNode alleged = n.putArray("allegedPerpetrators");
        i.alleged().forEach(alleged::add);
        n.put("strikeStatus", i.strikeStatus().id());
        n.put("occurrence", i.status(Assessment.Aspect.OCCURRENCE).id());
        n.put("attribution", i.status(Assessment.Aspect.ATTRIBUTION).id());
        i.current(Assessment.Aspect.ATTRIBUTION).flatMap(Assessment::party).ifPresent(p -> n.put("attributedTo", p));
        i.current(Assessment.Aspect.ATTRIBUTION).flatMap(Assessment::grading).ifPresent(g -> n.put("grading", g
                .id()));
        ObjectNode harm = n.putObject("harm");
        for (Casualties.Harm h : Casualties.Harm.values()) {
            String key = h.name().toLowerCase(Locale.ROOT);
            i.harm(h).ifPresent(e -> harm.set(key, MonitorJson.estimate(e)));
            i.conceded(h).ifPresent(e -> harm.set(key + "Conceded", MonitorJson.estimate(e)));
        }
        n.put("claims", i.claims().size()).put("observations", i.observations().size());
        if (details) {
            ArrayNode c = n.putArray("claimList");
            i.claims().forEach(x -> c.add(MonitorJson.tree(x)));
            ArrayNode o = n.putArray("observationList");
            i.observations().forEach(x -> o.add(MonitorJson.tree(x)));
            ArrayNode a = n.putArray("assessments");
            i.assessments().stream().filter(x -> drafts || !x.draft()).forEach(x -> a.add(MonitorJson.tree(x)));
        }
        return n;
    }

    public static ObjectNode violation(Violation v) {
        ObjectNode n = F.objectNode().put("clause", v.clause().id()).put("incident", v.incident());
        ArrayNode by = n.putArray("allegedBy");
        v.allegedBy().stream().sorted().forEach(by::add);
        ArrayNode against = n.putArray("allegedAgainst");
        v.allegedAgainst().stream().sorted().forEach(against::add);
        n.put("occurrence", v.occurrence().id()).put("verified", v.verified());
        v.verifiedAgainst().ifPresentOrElse(p -> n.put("verifiedAgainst", p), () -> n.putNull("verifiedAgainst"));
        return n;
    }

    /** The dashboard's figures, numbers as numbers. */
    public static ObjectNode dashboard(Dashboard d) {
        ObjectNode n = F.objectNode().put("incidents", d.incidents()).put("claims", d.claims());
        ArrayNode days = n.putArray("days");
        d.days().forEach(x -> days.addObject().put("day", x.date().toString()).put("incidents", x.incidents()).put(
                "attacks", x.attacks()).put("verified", x.verified()));
        ArrayNode baselines = n.putArray("baselines");
        d.baselines().forEach(b -> baselines.addObject().put("clause", b.clause().id()).put("start", b.clause()
                .from().toString()).put("beforeFrom", b.beforeFrom().toString()).put("beforeDays", Json.exact(b
                        .beforeDays()))
                .put("before", b.before()).put("beforePerDay", Json.exact(b.beforePerDay()))
                .put("afterTo", b.afterTo().toString()).put("afterDays", Json.exact(b.afterDays())).put("after", b
                        .after())
                .put("afterPerDay", Json.exact(b.afterPerDay())));
        ArrayNode sides = n.putArray("sides");
        d.sides().forEach(x -> sides.addObject().put("party", x.party()).put("alleged", x.alleged()).put("verified", x
                .verified()));
        ArrayNode q = n.putArray("quantities");
        d.quantities().forEach(x -> q.addObject().put("claimant", x.claimant()).put("claims", x.claims()).put(
                "launched", x.launched()).put("destroyed", x.destroyed()).put("notReached", x.notReached()).put(
                        "impacted", x.impacted()));
        ArrayNode v = n.putArray("violations");
        d.violations().forEach(x -> {
            ObjectNode c = v.addObject();
            c.set("clause", MonitorJson.clause(x.clause()));
            c.put("alleged", x.alleged()).put("verified", x.verified());
            ObjectNode against = c.putObject("allegedAgainst");
            x.allegedAgainst().forEach(against::put);
        });
        ArrayNode places = n.putArray("places");
        d.places().forEach(x -> places.addObject().put("place", x.place()).put("incidents", x.incidents()).put(
                "claims", x.claims()).put("verified", x.verified()));
        return n;
    }
}
