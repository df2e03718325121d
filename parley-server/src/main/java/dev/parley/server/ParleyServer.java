package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.ProtocolException;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.wire.ActionJson;
import dev.parley.scenario.wire.AnalysisJson;
import dev.parley.scenario.wire.EventJson;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
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
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP/JSON API over {@link Negotiations}: an admin token creates and lists negotiations; each seat's invite
 * token reads that seat's view and profile and makes its moves. Errors have one JSON shape, {@code {"error": ...,
 * "details": [...]}} (with {@code field} when one field is at fault, {@code logId} for a 500), mapped by type: 400
 * bad content, 401 no token, 403 a token that opens no such seat, 404 no such negotiation, 409 out of turn or
 * against the negotiation's state, 413 an oversized body, 422 a move the rules refuse where it stands, 500 anything
 * else, never a stack trace. Thread-safe.
 */
public final class ParleyServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ParleyServer.class.getName());
    /** The largest request body accepted. */
    public static final long MAX_BODY = 10L * 1024 * 1024;

    private final Store store;
    private final Negotiations negotiations;
    private final String adminTokenHash;
    private final ConsoleApi console;
    private final ForecastApi forecasts;
    private final MonitorApi monitoring;
    private final OrganiserApi organiser;
    private final Javalin app;
    private final LiveSocket live;

    private ParleyServer(Store store, String adminToken, String host, int port, Limits limits) {
        this.store = store;
        this.adminTokenHash = Tokens.sha256(adminToken);
        this.negotiations = new Negotiations(store, Negotiations.DEFAULT_MAX_LIVE, limits, Optional.of(
                adminTokenHash));
        this.organiser = new OrganiserApi(store, negotiations, this::requireAdmin);
        this.console = new ConsoleApi(negotiations);
        this.forecasts = new ForecastApi(negotiations);
        this.monitoring = new MonitorApi(store, negotiations, adminTokenHash);
        this.live = new LiveSocket(negotiations);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(web -> { // the console, from the jar; its scripts come only from here
                web.hostedPath = "/";
                web.directory = "/web";
                web.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                web.headers = Map.of("Cache-Control", "no-cache", "Content-Security-Policy", "default-src 'self'; "
                        + "connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "frame-ancestors 'none'",
                        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
            });
            config.routes.before(Origins::guard);
            for (Route r : routes()) {
                if (r.method().equals("GET")) {
                    config.routes.get(r.path(), r.handler());
                } else {
                    config.routes.post(r.path(), r.handler());
                }
            }
            config.routes.ws("/api/negotiations/{id}/live", live::configure);
            config.routes.ws("/api/negotiations/{id}/monitoring/live", monitoring::configureLive);
            config.routes.exception(Exception.class, this::error);
            // Statuses Javalin sets itself, as JSON like every other error.
            config.routes.error(413, ctx -> error(ctx, 413, "the body is over the limit of " + MAX_BODY / (1024
                    * 1024) + " MB"));
            config.routes.error(404, ctx -> {
                String already = ctx.result();
                if (already != null && already.startsWith("{")) {
                    return; // our own 404, already JSON
                }
                error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path());
            });
            config.routes.error(405, ctx -> error(ctx, 405, "method not allowed here"));
        }).start(host, port);
    }

    /** One route of the API; {@code /openapi.json} describes exactly these (a test checks it). */
    record Route(String method, String path, io.javalin.http.Handler handler) {
    }

    private List<Route> coreRoutes() {
        return List.of(new Route("GET", "/api/health", ctx -> json(ctx, 200, Map.of("status", "ok"))),
                new Route("GET", "/openapi.json", this::openapi),
                new Route("POST", "/api/negotiations", this::create),
                new Route("GET", "/api/negotiations/{id}", this::view),
                new Route("POST", "/api/negotiations/{id}/moves", this::move),
                new Route("POST", "/api/negotiations/{id}/close", this::close),
                new Route("POST", "/api/negotiations/{id}/seats/{party}", this::seat),
                new Route("POST", "/api/negotiations/{id}/share", this::share),
                new Route("GET", "/api/negotiations/{id}/analysis", this::analysis),
                new Route("GET", "/api/negotiations/{id}/audit", this::audit),
                new Route("GET", "/api/checkpoint", this::checkpoint));
    }

    /** Every route: the core API's and the console's. */
    List<Route> routes() {
        var all = new ArrayList<>(coreRoutes());
        all.addAll(console.routes());
        all.addAll(forecasts.routes());
        all.addAll(monitoring.routes());
        all.addAll(organiser.routes());
        return all;
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
        Fields body = Requests.fields(ctx);
        Optional<String> agent = body.optionalText("agent");
        body.done();
        String party = ctx.pathParam("party");
        Optional<String> token = negotiations.switchSeat(ctx.pathParam("id"), party, agent);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.put("agent", agent.orElse(null));
        m.put("token", token.orElse(null));
        json(ctx, 200, m);
    }

    private void close(Context ctx) {
        requireAdmin(ctx);
        String id = ctx.pathParam("id");
        json(ctx, 200, Map.of("id", id, "status", negotiations.close(id)));
    }

    /**
     * Starts serving on {@code host}:{@code port} (port 0: any free one).
     *
     * @param adminToken the token that creates negotiations
     */
    public static ParleyServer start(Store store, String adminToken, String host, int port) {
        return start(store, adminToken, host, port, Limits.DEFAULTS);
    }

    /** Starts serving with these limits. */
    public static ParleyServer start(Store store, String adminToken, String host, int port, Limits limits) {
        return new ParleyServer(store, adminToken, host, port, limits);
    }

    public int port() {
        return app.port();
    }

    private void create(Context ctx) {
        requireAdmin(ctx);
        Fields body = Requests.fields(ctx);
        Startup start = Startup.read(body);
        body.done();
        Negotiations.Created created = start.create(negotiations, Optional.empty(), Optional.empty());
        var out = new LinkedHashMap<String, Object>();
        out.put("id", created.id());
        out.put("tokens", created.tokens());
        out.put("note", "each token is shown once: hand it to its seat");
        json(ctx, 201, out);
    }

    /** A seat's view; for the organiser's token the mediator's, marked {@code "watching": true} (it cannot move). */
    private void view(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        var view = new LinkedHashMap<>(negotiations.view(id, token).json(id, scenario(id)));
        view.put("watching", negotiations.isOrganiser(id, token));
        json(ctx, 200, view);
    }

    /** The caller's seat shares its profile with the mediator (final; sharing again changes nothing). */
    private void share(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        String party = negotiations.seat(id, token);
        var shared = negotiations.share(id, token);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.put("sharedWithMediator", true);
        m.put("shared", shared.stream().sorted().toList());
        json(ctx, 200, m);
    }

    /** The most frontier packages one analysis document lists: it is written whole, in memory. */
    static final int MAX_LISTED = 10_000;

    /** The mediator's analysis of every profile, once the parties have shared them; {@code ?limit=N} frontier rows. */
    private void analysis(Context ctx) {
        String id = ctx.pathParam("id");
        int limit = Requests.count(ctx, "limit", 20);
        if (limit > MAX_LISTED) {
            throw new InvalidInput("limit", "limit must be 0 to " + MAX_LISTED + ", not " + limit);
        }
        json(ctx, 200, AnalysisJson.document(negotiations.overview(id, Requests.token(ctx)).analysis(), limit,
                Optional.empty()));
    }

    private void move(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        negotiations.seat(id, token); // 403 before the body is even read
        List<Issue> issues = issues(id);
        Action action = ActionJson.read(Requests.body(ctx), issues);
        List<NumberedEvent> events = negotiations.move(id, token, action);
        json(ctx, 200, Map.of("events", EventJson.writeAll(events, issues)));
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

    private void checkpoint(Context ctx) {
        requireAdmin(ctx);
        ctx.status(200).contentType("application/json").result(store.checkpoint().toJson());
    }

    private Scenario scenario(String id) {
        return negotiations.scenario(id);
    }

    private List<Issue> issues(String id) {
        return scenario(id).issues();
    }

    void requireAdmin(Context ctx) {
        String token = Requests.token(ctx);
        if (!Tokens.matches(token, adminTokenHash)) {
            throw new AccessDenied("this needs the admin token");
        }
    }

    private void error(Exception e, Context ctx) {
        switch (e) {
            case Requests.Unauthenticated u -> error(ctx, 401, "a token is needed: Authorization: Bearer TOKEN");
            case AccessDenied d -> error(ctx, 403, d.getMessage());
            case StoreException.NoSuchNegotiation n -> error(ctx, 404, n.getMessage());
            case MonitorApi.NoSuchIncident n -> error(ctx, 404, n.getMessage());
            case OrganiserApi.NoSuchClass n -> error(ctx, 404, n.getMessage());
            case InvalidInput i -> {
                var m = body(i.getMessage(), List.of());
                i.field().filter(f -> !f.isEmpty()).ifPresent(f -> m.put("field", f));
                json(ctx, 400, m);
            }
            case ScenarioException s -> json(ctx, 400, body("invalid scenario", s.problems().stream().map(
                    Problem::toString).toList()));
            case ProtocolException.OutOfTurn o -> error(ctx, 409, o.getMessage());
            case Conflict c -> error(ctx, 409, c.getMessage());
            case TooMany t -> {
                ctx.header("Retry-After", "60");
                error(ctx, 429, t.getMessage());
            }
            case ProtocolException.IllegalMove m -> error(ctx, 422, m.getMessage());
            default -> {
                String logId = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "request " + ctx.method() + " " + ctx.path() + " failed, log id " + logId, e);
                var m = body("internal error", List.of());
                m.put("logId", logId);
                json(ctx, 500, m);
            }
        }
    }

    /** The one error shape: {"error": ..., "details": [...]}, more fields added by the caller. */
    static Map<String, Object> body(String error, List<String> details) {
        var m = new LinkedHashMap<String, Object>();
        m.put("error", error);
        m.put("details", details);
        return m;
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, body(message, List.of()));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    @Override
    public void close() {
        app.stop();
        forecasts.close();
    }
}
