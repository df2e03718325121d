package dev.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Clause;
import dev.parley.engine.monitor.ClauseSet;
import dev.parley.engine.monitor.Clauses;
import dev.parley.engine.monitor.Dashboard;
import dev.parley.engine.monitor.Incident;
import dev.parley.engine.monitor.IncidentFilter;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.MonitorEntry;
import dev.parley.engine.monitor.Observation;
import dev.parley.scenario.monitor.MonitorDocuments;
import dev.parley.scenario.monitor.MonitorJson;
import dev.parley.scenario.wire.Fields;
import dev.parley.store.Store;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The monitoring routes of a negotiation: its ceasefire's incidents, the claims its parties make through their seats,
 * the observations and assessments of its monitors, its clauses, and the dashboard. Its monitoring log is the
 * store's {@code n-ID} ({@code parley monitor --log n-ID} reads and imports into the same one). Who may do what:
 * <ul>
 * <li>a seat (its invite token) reads the incidents, their claims and their assessments but not the drafts, and
 * makes claims as its own party;</li>
 * <li>a monitor (a token the organiser issues, named) reads everything, drafts too, and records observations and
 * assessments under its name;</li>
 * <li>the organiser (the admin token) does all that, sets the clauses and issues monitors' tokens.</li>
 * </ul>
 * Thread-safe: every request reads the log afresh, and every entry is committed before the answer.
 */
final class MonitorApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Store store;
    private final Negotiations negotiations;
    private final String adminTokenHash;

    MonitorApi(Store store, Negotiations negotiations, String adminTokenHash) {
        this.store = store;
        this.negotiations = negotiations;
        this.adminTokenHash = adminTokenHash;
    }

    List<ParleyServer.Route> routes() {
        String m = "/api/negotiations/{id}/monitoring";
        return List.of(new ParleyServer.Route("GET", m + "/incidents", this::incidents),
                new ParleyServer.Route("GET", m + "/incidents/{incident}", this::incident),
                new ParleyServer.Route("GET", m + "/dashboard", this::dashboard),
                new ParleyServer.Route("POST", m + "/claims", this::claim),
                new ParleyServer.Route("POST", m + "/observations", this::observe),
                new ParleyServer.Route("POST", m + "/assessments", this::assess),
                new ParleyServer.Route("POST", m + "/clauses", this::clauses),
                new ParleyServer.Route("POST", m + "/monitors", this::monitor));
    }

    /** Who asks: the organiser, a monitor (by name) or a seat (by party). */
    private record Who(Kind kind, String name) {
        enum Kind {
            ORGANISER, MONITOR, SEAT
        }

        boolean monitors() {
            return kind != Kind.SEAT;
        }
    }

    /** The monitoring log of a negotiation that exists (404 otherwise). */
    private MonitoringLog log(String id) {
        negotiations.scenario(id); // 404 for an unknown negotiation
        return new MonitoringLog(store, "n-" + id);
    }

    /** A request to a negotiation's monitoring: which negotiation, its log, and who asks. */
    private record Asked(String id, MonitoringLog log, Who who) {
    }

    private Asked asked(Context ctx) {
        String id = ctx.pathParam("id");
        MonitoringLog log = log(id);
        return new Asked(id, log, who(id, Requests.token(ctx), log));
    }

    /** The organiser, a seat (told without reading the log) or a monitor; 403 for a token that is none of these. */
    private Who who(String id, String token, MonitoringLog log) {
        if (Tokens.matches(token, adminTokenHash)) {
            return new Who(Who.Kind.ORGANISER, "organiser");
        }
        try {
            return new Who(Who.Kind.SEAT, negotiations.seat(id, token));
        } catch (AccessDenied notASeat) {
            return log.monitor(Tokens.sha256(token)).map(name -> new Who(Who.Kind.MONITOR, name)).orElseThrow(
                    () -> notASeat);
        }
    }

    private static void requireOrganiser(Who who, String what) {
        if (who.kind() != Who.Kind.ORGANISER) {
            throw new AccessDenied("only the organiser " + what);
        }
    }

    private static void requireMonitor(Who who) {
        if (!who.monitors()) {
            throw new AccessDenied("only the negotiation's monitors and its organiser may do this");
        }
    }

    private void incidents(Context ctx) {
        MonitoringLog log = asked(ctx).log();
        IncidentFilter f = filter(ctx);
        List<Incident> shown = log.read().select(f);
        ObjectNode doc = F.objectNode().put("incidents", shown.size());
        ArrayNode list = doc.putArray("list");
        shown.forEach(i -> list.add(MonitorDocuments.incident(i, false, false)));
        ParleyServer.json(ctx, 200, doc);
    }

    private void incident(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        String incident = ctx.pathParam("incident");
        Incident i = log.read().incident(incident).orElseThrow(() -> new NoSuchIncident(incident));
        ParleyServer.json(ctx, 200, MonitorDocuments.incident(i, true, who.monitors()));
    }

    private void dashboard(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        int window = Requests.count(ctx, "window", 30);
        if (window < 1 || window > 3660) {
            throw new InvalidInput("window", "window must be 1 to 3660 days, not " + window);
        }
        Ledger ledger = log.read();
        List<Incident> shown = ledger.select(filter(ctx));
        ObjectNode doc = MonitorDocuments.dashboard(Dashboard.of(shown, ledger.clauses(), window));
        ArrayNode clauses = doc.putArray("clauses");
        ledger.clauses().forEach(c -> clauses.add(MonitorJson.clause(c)));
        doc.putObject("viewer").put("role", who.kind().name().toLowerCase(java.util.Locale.ROOT)).put("name", who
                .name());
        ParleyServer.json(ctx, 200, doc);
    }

    /** {"incident", "facts", "channel"?, "source"?, "statedAt"?, "claimant"? (monitors only)}: a claim. */
    private void claim(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        Fields f = Requests.fields(ctx);
        String incident = f.text("incident");
        Optional<String> claimant = f.optionalText("claimant");
        if (claimant.isPresent() && !who.monitors()) {
            throw new AccessDenied("a seat claims as its own party: leave out claimant");
        }
        String channel = f.optionalText("channel").orElse(who.monitors() ? "statement" : "seat " + who.name());
        Optional<String> source = f.optionalText("source");
        Instant stated = f.optionalText("statedAt").map(t -> instant("statedAt", t)).orElseGet(MonitorApi::now);
        var facts = MonitorJson.facts(f.node("facts"));
        f.done();
        String by = who.monitors()
                ? claimant.orElseThrow(() -> new InvalidInput("claimant", "claimant: who "
                        + "claims it?"))
                : who.name();
        record(ctx, log, MonitorJson.claim(incident, by, channel, source, stated, facts));
    }

    /** {"incident", "seen", "position"?, "direction"?, "at"?, "monitor"? (the organiser only)}: an observation. */
    private void observe(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        requireMonitor(who);
        Fields f = Requests.fields(ctx);
        String incident = f.text("incident");
        String monitor = name(who, f.optionalText("monitor"), "monitor");
        Instant at = f.optionalText("at").map(t -> instant("at", t)).orElseGet(MonitorApi::now);
        Optional<String> position = f.optionalText("position");
        Optional<String> direction = f.optionalText("direction");
        String seen = f.text("seen");
        f.done();
        record(ctx, log, MonitorJson.observation(incident, monitor, at, position, direction, seen));
    }

    /** {"incident", "aspect", "status", "reason", "party"?, "grading"?, "draft"?, "at"?}: an assessment. */
    private void assess(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        requireMonitor(who);
        Fields f = Requests.fields(ctx);
        String incident = f.text("incident");
        var aspect = Assessment.Aspect.of("aspect", f.text("aspect"));
        var status = Assessment.Status.of("status", f.text("status"));
        String reason = f.text("reason");
        Optional<String> party = f.optionalText("party");
        var grading = f.optionalText("grading").map(g -> Assessment.Grading.of("grading", g));
        boolean draft = f.has("draft") && f.bool("draft");
        String assessor = name(who, f.optionalText("assessor"), "assessor");
        Instant at = f.optionalText("at").map(t -> instant("at", t)).orElseGet(MonitorApi::now);
        f.done();
        record(ctx, log, MonitorJson.assessment(incident, aspect, status, grading, party, assessor, at, reason,
                draft));
    }

    /**
     * {"agreement": true, "from"} (the negotiation's own agreement), {"package": {ISSUE: OPTION}, "from"} or
     * {"clauses": [...]}: the clauses in force (the organiser).
     */
    private void clauses(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        requireOrganiser(who, "sets the clauses");
        Fields f = Requests.fields(ctx);
        List<Clause> clauses = new ArrayList<>();
        String origin;
        if (f.has("package") || f.has("agreement")) {
            var pkg = new LinkedHashMap<String, String>();
            if (f.has("agreement")) {
                if (!f.bool("agreement") || f.has("package")) {
                    throw new InvalidInput("agreement", "agreement: true takes the negotiation's own agreement, "
                            + "instead of a package");
                }
                pkg.putAll(negotiations.agreement(a.id()).orElseThrow(() -> new Conflict("this negotiation has not "
                        + "ended in an agreement: give the package instead")));
            } else {
                f.node("package").properties().forEach(e -> pkg.put(e.getKey(), e.getValue().asText()));
            }
            Instant from = instant("from", f.text("from"));
            clauses.addAll(Clauses.of(pkg, from).clauses());
            origin = MonitorJson.origin(pkg, from);
        } else {
            for (JsonNode c : f.node("clauses")) {
                clauses.add(MonitorJson.clause(c));
            }
            origin = "written by the organiser";
        }
        f.done();
        if (clauses.isEmpty()) {
            throw new InvalidInput("package", "this package yields no clause to monitor");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        record(ctx, log, MonitorJson.clauses(origin, at, clauses));
    }

    /** {"name"}: a monitor's token, shown once; a new one for a name replaces its old one at once (the organiser). */
    private void monitor(Context ctx) {
        Asked a = asked(ctx);
        MonitoringLog log = a.log();
        Who who = a.who();
        requireOrganiser(who, "issues monitors' tokens");
        Fields f = Requests.fields(ctx);
        String name = f.text("name");
        f.done();
        String token = log.grantMonitor(name, Tokens::create, Tokens::sha256);
        var m = new LinkedHashMap<String, Object>();
        m.put("name", name);
        m.put("token", token);
        ParleyServer.json(ctx, 201, m);
    }

    private void record(Context ctx, MonitoringLog log, MonitorEntry entry) {
        MonitoringLog.Recorded r = log.record(List.of(entry));
        ObjectNode doc = F.objectNode().put("recorded", !r.added().isEmpty());
        doc.set("entry", MonitorJson.tree(entry));
        ParleyServer.json(ctx, r.added().isEmpty() ? 200 : 201, doc);
        if (!r.added().isEmpty()) {
            tell(ctx.pathParam("id"), entry);
        }
    }

    /** The open live connections of each negotiation's monitoring, and whether each may hear of drafts. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Map<String, Listener>> listeners = new java.util.concurrent.ConcurrentHashMap<>();

    private record Listener(io.javalin.websocket.WsContext ws, boolean monitors) {
    }

    /** Wires {@code /api/negotiations/{id}/monitoring/live?token=}. */
    void configureLive(io.javalin.websocket.WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onClose(ctx -> listeners.getOrDefault(ctx.pathParam("id"), java.util.Map.of()).remove(ctx.sessionId()));
    }

    /**
     * A live connection: {@code {"type": "connected"}} once it listens, then one message {@code {"type",
     * "incident"?}} each time an entry is recorded through the server
     * (a seat never hears of a draft), so that a page redraws. Closes with 4403 for a token that opens nothing here or
     * a connection from another origin, 4404 for an unknown negotiation. Entries imported by {@code parley monitor}
     * in another process are not told.
     */
    private void connect(io.javalin.websocket.WsConnectContext ctx) {
        if (Origins.foreign(ctx.header("Origin"), ctx.header("Host"))) {
            ctx.closeSession(4403, "connections from another origin are refused");
            return;
        }
        String id = ctx.pathParam("id");
        String token = ctx.queryParam("token") == null ? "" : ctx.queryParam("token");
        try {
            boolean monitors = who(id, token, log(id)).monitors();
            listeners.computeIfAbsent(id, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(ctx.sessionId(),
                    new Listener(ctx, monitors));
            ctx.send("{\"type\":\"connected\"}"); // from here on, every entry recorded is told
        } catch (AccessDenied e) {
            ctx.closeSession(4403, e.getMessage());
        } catch (dev.parley.store.StoreException.NoSuchNegotiation e) {
            ctx.closeSession(4404, e.getMessage());
        }
    }

    private void tell(String id, MonitorEntry entry) {
        boolean draft = entry instanceof Assessment a && a.draft();
        ObjectNode m = F.objectNode().put("type", MonitoringLog.kind(entry));
        switch (entry) {
            case Claim c -> m.put("incident", c.incident());
            case Observation o -> m.put("incident", o.incident());
            case Assessment a -> m.put("incident", a.incident());
            case ClauseSet s -> {
                // clauses concern no one incident
            }
        }
        String message = m.toString();
        for (Listener l : listeners.getOrDefault(id, java.util.Map.of()).values()) {
            if (l.monitors() || !draft) {
                try {
                    l.ws().send(message);
                } catch (RuntimeException gone) {
                    // a connection closing meanwhile: its close handler removes it
                }
            }
        }
    }

    private static String name(Who who, Optional<String> given, String field) {
        if (who.kind() == Who.Kind.MONITOR) {
            if (given.isPresent() && !given.get().equals(who.name())) {
                throw new AccessDenied("a monitor records under its own name, " + who.name());
            }
            return who.name();
        }
        return given.orElseThrow(() -> new InvalidInput(field, field + ": who? (the organiser names the monitor)"));
    }

    private static IncidentFilter filter(Context ctx) {
        return new IncidentFilter(Optional.ofNullable(ctx.queryParam("from")).map(t -> instant("from", t)), Optional
                .ofNullable(ctx.queryParam("to")).map(t -> instant("to", t)),
                Optional.ofNullable(ctx.queryParam(
                        "place")),
                Optional.ofNullable(ctx.queryParam("type")).map(t -> IncidentType.of("type", t)),
                Optional.ofNullable(ctx.queryParam("claimant")), Optional.ofNullable(ctx.queryParam("status")).map(
                        s -> Assessment.Status.of("status", s)));
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(field, field + ": '" + text + "' is not an instant (2025-03-18T00:00:00Z)");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** An incident the log does not hold: 404. */
    static final class NoSuchIncident extends dev.parley.engine.ParleyException {
        private static final long serialVersionUID = 1L;

        NoSuchIncident(String id) {
            super("no incident " + id + " in this negotiation's monitoring");
        }
    }
}
