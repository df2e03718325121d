package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.engine.protocol.Protocols;
import dev.parley.scenario.AnalysisJson;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Format;
import dev.parley.scenario.MoveJson;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.ScenarioReader;
import dev.parley.store.Records;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP/JSON API over {@link Negotiations}: an admin token creates and lists negotiations; each seat's invite
 * token reads that seat's view and profile and makes its moves. Errors are JSON: 400 with details, 401/403, 404, 409
 * for a move the protocol refuses, 413 for an oversized body, 500 with a log id and never a stack trace. Thread-safe.
 */
public final class ParleyServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ParleyServer.class.getName());
    /** The largest request body accepted. */
    public static final long MAX_BODY = 10L * 1024 * 1024;

    private final Store store;
    private final Negotiations negotiations;
    private final String adminTokenHash;
    private final ConsoleApi console;
    private final Javalin app;
    private final java.util.concurrent.ConcurrentHashMap<String, Runnable> live = new java.util.concurrent.ConcurrentHashMap<>();

    private ParleyServer(Store store, String adminToken, String host, int port) {
        this.store = store;
        this.negotiations = new Negotiations(store);
        this.adminTokenHash = Tokens.sha256(adminToken);
        this.console = new ConsoleApi(negotiations);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(web -> { // the console, from the jar; its scripts come only from here
                web.hostedPath = "/";
                web.directory = "/web";
                web.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                web.headers = Map.of("Cache-Control", "no-cache", "Content-Security-Policy", "default-src 'self'; "
                        + "connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
                        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
            });
            for (Route r : routes()) {
                if (r.method().equals("GET")) {
                    config.routes.get(r.path(), r.handler());
                } else {
                    config.routes.post(r.path(), r.handler());
                }
            }
            config.routes.ws("/api/negotiations/{id}/live", ws -> {
                ws.onConnect(this::connect);
                ws.onClose(ctx -> {
                    Runnable stop = live.remove(ctx.sessionId());
                    if (stop != null) {
                        stop.run();
                    }
                });
            });
            config.routes.exception(Exception.class, this::error);
            // Statuses Javalin sets itself, as JSON like every other error.
            config.routes.error(413, ctx -> json(ctx, 413, Map.of("error", "the body is over the limit of "
                    + MAX_BODY / (1024 * 1024) + " MB")));
            config.routes.error(404, ctx -> {
                String already = ctx.result();
                if (already != null && already.startsWith("{")) {
                    return; // our own 404, already JSON
                }
                json(ctx, 404, Map.of("error", "no such route: " + ctx.method() + " " + ctx.path()));
            });
            config.routes.error(405, ctx -> json(ctx, 405, Map.of("error", "method not allowed here")));
        }).start(host, port);
    }

    /** One route of the API; {@code /openapi.json} describes exactly these (a test checks it). */
    record Route(String method, String path, io.javalin.http.Handler handler) {
    }

    private List<Route> coreRoutes() {
        return List.of(new Route("GET", "/api/health", ctx -> json(ctx, 200, Map.of("status", "ok"))),
                new Route("GET", "/openapi.json", this::openapi),
                new Route("POST", "/api/negotiations", this::create),
                new Route("GET", "/api/negotiations", this::list),
                new Route("GET", "/api/negotiations/{id}", this::view),
                new Route("POST", "/api/negotiations/{id}/moves", this::move),
                new Route("POST", "/api/negotiations/{id}/close", this::close),
                new Route("POST", "/api/negotiations/{id}/seats/{party}", this::seat),
                new Route("POST", "/api/negotiations/{id}/share", this::share),
                new Route("GET", "/api/negotiations/{id}/analysis", this::analysis),
                new Route("GET", "/api/negotiations/{id}/audit", this::audit));
    }

    /** Every route: the core API's and the console's. */
    List<Route> routes() {
        var all = new ArrayList<>(coreRoutes());
        all.addAll(console.routes());
        return all;
    }

    /**
     * {@code /api/negotiations/{id}/live?token=TOKEN&after=SEQ}: the seat's events, numbered, from SEQ on and then as
     * they happen. Browsers cannot set headers on a WebSocket, hence the token in the query. Closes with 4403 for a
     * token that opens no seat, 4404 for an unknown negotiation.
     */
    private void connect(io.javalin.websocket.WsConnectContext ctx) {
        String id = ctx.pathParam("id");
        String token = ctx.queryParam("token");
        long after;
        try {
            after = ctx.queryParam("after") == null ? 0 : Long.parseLong(ctx.queryParam("after"));
        } catch (NumberFormatException e) {
            ctx.closeSession(4400, "after must be a whole number");
            return;
        }
        try {
            List<Issue> issues = issues(id);
            Runnable stop = negotiations.subscribe(id, token == null ? "" : token, after, batch -> {
                try {
                    ctx.send(MoveJson.JSON.writeValueAsString(Map.of("events", numbered(batch, issues))));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
            live.put(ctx.sessionId(), stop);
        } catch (AccessDenied e) {
            ctx.closeSession(4403, e.getMessage());
        } catch (StoreException e) {
            ctx.closeSession(4404, e.getMessage());
        }
    }

    /** Events as JSON, each with its number in the log. */
    private static List<Map<String, Object>> numbered(List<Negotiations.Numbered> batch, List<Issue> issues) {
        var events = new ArrayList<Map<String, Object>>();
        for (Negotiations.Numbered n : batch) {
            var m = new LinkedHashMap<String, Object>();
            m.put("seq", n.seq());
            m.putAll(MoveJson.event(n.event(), issues));
            events.add(m);
        }
        return events;
    }

    private void openapi(Context ctx) throws java.io.IOException {
        try (var in = ParleyServer.class.getResourceAsStream("/openapi.json")) {
            ctx.status(200).contentType("application/json").result(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    /** Fills a seat that has not moved yet: {"agent": "boulware"} for an agent, {} for a person (a new token). */
    private void seat(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = Requests.body(ctx);
        java.util.Optional<String> agent = body.has("agent")
                ? java.util.Optional.of(Requests.text(body, "agent"))
                : java.util.Optional.empty();
        String party = ctx.pathParam("party");
        java.util.Optional<String> token = negotiations.switchSeat(ctx.pathParam("id"), party, agent);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.put("agent", agent.orElse(null));
        m.put("token", token.orElse(null));
        json(ctx, 200, m);
    }

    private void close(Context ctx) {
        requireAdmin(ctx);
        String id = ctx.pathParam("id");
        negotiations.close(id);
        json(ctx, 200, Map.of("id", id, "status", "closed"));
    }

    /**
     * Starts serving on {@code host}:{@code port} (port 0: any free one).
     *
     * @param adminToken the token that creates negotiations
     */
    public static ParleyServer start(Store store, String adminToken, String host, int port) {
        return new ParleyServer(store, adminToken, host, port);
    }

    public int port() {
        return app.port();
    }

    private void create(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = Requests.body(ctx);
        JsonNode scenarioNode = body.path("scenario");
        Scenario s;
        if (scenarioNode.isTextual()) {
            s = BuiltinScenarios.find(scenarioNode.asText())
                    .orElseThrow(() -> new Requests.BadRequest("no built-in scenario '"
                            + scenarioNode.asText() + "' (built-in: " + String.join(", ", BuiltinScenarios.ids())
                            + ")"));
        } else if (scenarioNode.isObject()) {
            s = ScenarioReader.read("scenario", scenarioNode.toString(), Format.JSON);
        } else if (body.path("upload").isObject()) {
            s = Requests.upload(body.get("upload"));
        } else {
            throw new Requests.BadRequest("scenario: give a built-in id or a parley/1 document (or upload: {file, "
                    + "text})");
        }
        Protocols.Settings settings = Protocols.Settings.defaults(s);
        if (body.has("protocol")) {
            settings = settings.withProtocol(Requests.text(body, "protocol"));
        }
        if (body.has("rounds")) {
            settings = settings.withRounds(Requests.positive(body, "rounds"));
        }
        var agents = new LinkedHashMap<String, String>();
        JsonNode agentsNode = body.path("agents");
        if (!agentsNode.isMissingNode() && !agentsNode.isObject()) {
            throw new Requests.BadRequest("agents: must be an object of party → agent");
        }
        agentsNode.properties().forEach(e -> agents.put(e.getKey(), e.getValue().asText()));
        var shared = new ArrayList<String>();
        JsonNode sharedNode = body.path("shared");
        if (!sharedNode.isMissingNode() && !sharedNode.isArray()) {
            throw new Requests.BadRequest("shared: must be a list of the parties whose profiles the mediator may see");
        }
        for (JsonNode party : sharedNode) {
            Negotiations.checkCanShare(s, party.asText()); // before anything is stored
            shared.add(party.asText());
        }
        long seed = body.path("seed").asLong(1);
        Negotiations.Created created = negotiations.create(s, settings, agents, seed);
        shared.forEach(party -> negotiations.shareFor(created.id(), party));
        var out = new LinkedHashMap<String, Object>();
        out.put("id", created.id());
        out.put("tokens", created.tokens());
        out.put("note", "each token is shown once: hand it to its seat");
        json(ctx, 201, out);
    }

    private void list(Context ctx) {
        requireAdmin(ctx);
        var out = new ArrayList<Map<String, Object>>();
        for (Records.Negotiation n : store.negotiations()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", n.id());
            m.put("status", n.status());
            m.put("createdAt", n.createdAt());
            m.put("events", n.lastSeq());
            out.add(m);
        }
        json(ctx, 200, out);
    }

    private void view(Context ctx) {
        String id = ctx.pathParam("id");
        Negotiations.Snapshot v = negotiations.view(id, Requests.token(ctx));
        List<Issue> issues = issues(id);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("party", v.party());
        m.put("protocol", v.protocol());
        m.put("scenario", ConsoleApi.publicScenario(scenario(id)));
        m.put("shared", v.shared().stream().sorted().toList());
        m.put("phase", v.phase());
        m.put("round", v.round());
        m.put("deadline", v.deadline());
        m.put("toMove", v.toMove());
        m.put("onTable", v.onTable().map(o -> o.toMap(issues)).orElse(null));
        m.put("text", v.text().map(o -> o.toMap(issues)).orElse(null));
        m.put("counterpart", v.counterpart().orElse(null));
        m.put("begun", v.begun());
        m.put("ended", v.ended());
        m.put("agreement", v.agreement().map(o -> o.toMap(issues)).orElse(null));
        m.put("events", numbered(v.events(), issues));
        json(ctx, 200, m);
    }

    /** The caller's seat shares its profile with the mediator (final; sharing again changes nothing). */
    private void share(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        String party = negotiations.seat(id, token);
        java.util.Set<String> shared = negotiations.share(id, token);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.put("sharedWithMediator", true);
        m.put("shared", shared.stream().sorted().toList());
        json(ctx, 200, m);
    }

    /** The mediator's analysis of every profile, once the parties have shared them; {@code ?limit=N} frontier rows. */
    private void analysis(Context ctx) {
        String id = ctx.pathParam("id");
        int limit = Requests.count(ctx, "limit", 20);
        json(ctx, 200, AnalysisJson.document(negotiations.overview(id, Requests.token(ctx)).analysis(), limit,
                java.util.Optional.empty()));
    }

    private void move(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        negotiations.seat(id, token); // 403 before the body is even read
        JsonNode body = Requests.body(ctx);
        List<Issue> issues = issues(id);
        Action action;
        try {
            action = MoveJson.action(body, issues);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Requests.BadRequest(
                    "not a move: " + (e.getMessage() == null ? "a field is missing" : e.getMessage())
                            + " (e.g. {\"type\": \"vote\", \"accept\": true})");
        }
        List<Event> events = negotiations.move(id, token, action);
        json(ctx, 200, Map.of("events", events.stream().map(e -> MoveJson.event(e, issues)).toList()));
    }

    private void audit(Context ctx) {
        requireAdmin(ctx);
        Records.Audit a = store.audit(ctx.pathParam("id"));
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.negotiationId());
        m.put("events", a.events());
        m.put("intact", a.intact());
        m.put("firstBroken", a.firstBroken().orElse(null));
        m.put("reason", a.reason());
        json(ctx, 200, m);
    }

    private Scenario scenario(String id) {
        return negotiations.scenario(id);
    }

    private List<Issue> issues(String id) {
        return scenario(id).issues();
    }

    private void requireAdmin(Context ctx) {
        String token = Requests.token(ctx);
        if (!Tokens.matches(token, adminTokenHash)) {
            throw new AccessDenied("this needs the admin token");
        }
    }

    private void error(Exception e, Context ctx) {
        switch (e) {
            case Requests.Unauthenticated u ->
                json(ctx, 401, Map.of("error", "a token is needed: Authorization: Bearer TOKEN"));
            case AccessDenied d -> json(ctx, 403, Map.of("error", d.getMessage()));
            case Requests.BadRequest b -> json(ctx, 400, Map.of("error", b.getMessage(), "details", List.of()));
            case ScenarioException s -> json(ctx, 400, Map.of("error", "invalid scenario", "details",
                    s.problems().stream().map(Problem::toString).toList()));
            case ProtocolException p -> json(ctx, 409, Map.of("error", p.getMessage()));
            case StoreException s when s.getMessage().startsWith("no negotiation ") -> json(ctx, 404, Map.of("error",
                    s.getMessage()));
            case IllegalArgumentException a -> json(ctx, 400, Map.of("error", a.getMessage(), "details", List.of()));
            default -> {
                String logId = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "request " + ctx.method() + " " + ctx.path() + " failed, log id " + logId, e);
                json(ctx, 500, Map.of("error", "internal error", "logId", logId));
            }
        }
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MoveJson.JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
