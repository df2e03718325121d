package dev.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
import dev.parley.store.Records;
import dev.parley.store.Store;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the organiser (the admin token) runs talks and classes with: every negotiation with its scenario, protocol,
 * status, seats and last activity; a class of negotiations created at once, one per group; a seat's invite issued
 * again (the old one stops working at once). Stateless but for what it is given.
 */
final class OrganiserApi {
    /** The most groups one class may have. */
    static final int MAX_GROUPS = 60;

    private final Store store;
    private final Negotiations negotiations;
    private final Consumer<Context> requireAdmin;

    OrganiserApi(Store store, Negotiations negotiations, Consumer<Context> requireAdmin) {
        this.store = store;
        this.negotiations = negotiations;
        this.requireAdmin = requireAdmin;
    }

    List<ParleyServer.Route> routes() {
        return List.of(new ParleyServer.Route("GET", "/api/negotiations", this::list),
                new ParleyServer.Route("POST", "/api/classes", this::createClass),
                new ParleyServer.Route("POST", "/api/negotiations/{id}/seats/{party}/invite", this::reissue),
                new ParleyServer.Route("GET", "/api/negotiations/{id}/debrief", this::debrief),
                new ParleyServer.Route("GET", "/api/classes/{class}/debrief", this::classDebrief));
    }

    private static Debrief.Form format(Context ctx, boolean forClass) {
        String f = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
        return Debrief.Form.byId(f).filter(x -> !forClass || x.forClass()).orElseThrow(
                () -> new dev.parley.engine.InvalidInput("format", "format: '" + f + "' is not one of "
                        + Debrief.Form.ids(forClass)));
    }

    /** Sends a debrief file as a download named {@code stem} (ASCII: {@link Debrief#stem}) with the form's extension. */
    private static void download(Context ctx, String stem, Debrief.Form form, String body) {
        ctx.status(200).contentType(form.mediaType()).header("Content-Disposition", "attachment; filename=\"" + stem
                + form.extension() + "\"").header("X-Content-Type-Options", "nosniff").result(body);
    }

    /** What a debrief's analysis may take on the server: the console's budget. */
    private dev.parley.engine.analysis.Budget budget() {
        return dev.parley.engine.analysis.Budget.of(negotiations.limits().analysisBudget());
    }

    /**
     * {@code ?format=html|json|csv|transcript} (html by default): the negotiation's debrief as a download, read from
     * the store as its log stands (see {@link Debrief}).
     */
    private void debrief(Context ctx) {
        requireAdmin.accept(ctx);
        Debrief.Form form = format(ctx, false);
        Debrief d = Debrief.of(store, ctx.pathParam("id"), budget());
        download(ctx, d.stem(), form, form.of(d));
    }

    /** {@code ?format=html|json|csv}: a class's debrief, its groups side by side, as a download. */
    private void classDebrief(Context ctx) {
        requireAdmin.accept(ctx);
        Debrief.Form form = format(ctx, true);
        String name = ctx.pathParam("class");
        List<Debrief> all = Debrief.ofClass(store, name, budget());
        if (all.isEmpty()) {
            throw new NoSuchClass(name);
        }
        download(ctx, Debrief.classStem(name), form, form.ofClass(name, all));
    }

    /** No class of that name: a 404. */
    static final class NoSuchClass extends RuntimeException {
        NoSuchClass(String name) {
            super("no class named '" + name + "'");
        }
    }

    /**
     * Every negotiation, the newest first ({@code ?class=NAME}: that class's, by group): read from the store alone,
     * so listing loads no negotiation into memory and moves no agent.
     */
    private void list(Context ctx) {
        requireAdmin.accept(ctx);
        Optional<String> only = Optional.ofNullable(ctx.queryParam("class"));
        var out = new ArrayList<Map<String, Object>>();
        for (Records.Negotiation n : store.negotiations()) {
            Optional<StoredSettings.Membership> of = StoredSettings.classOf(n);
            if (only.isEmpty() || of.filter(c -> c.className().equals(only.get())).isPresent()) {
                out.add(row(n, of));
            }
        }
        if (only.isPresent()) {
            out.sort(java.util.Comparator.comparing(r -> (Integer) r.get("group")));
        }
        ParleyServer.json(ctx, 200, out);
    }

    /** One negotiation as the list gives it. */
    private Map<String, Object> row(Records.Negotiation n, Optional<StoredSettings.Membership> of) {
        JsonNode scenario = Json.read("negotiation " + n.id(), n.scenarioJson());
        JsonNode settings = Json.read("negotiation " + n.id() + " settings", n.protocolJson());
        String protocol = settings.path("type").asText();
        var activity = new LinkedHashMap<String, Records.SeatActivity>();
        store.seatActivity(n.id(), NegotiationLog.JOINED).forEach(a -> activity.put(a.party(), a));
        var names = new LinkedHashMap<String, JsonNode>();
        scenario.path("parties").forEach(p -> names.put(p.path("id").asText(), p));
        var seats = new ArrayList<Map<String, Object>>();
        var order = new ArrayList<>(names.keySet());
        var inOrder = new ArrayList<>(store.seats(n.id())); // as the scenario lists its parties
        inOrder.sort(java.util.Comparator.comparingInt(s -> order.indexOf(s.party())));
        for (Records.Seat seat : inOrder) {
            JsonNode party = names.getOrDefault(seat.party(), com.fasterxml.jackson.databind.node.MissingNode
                    .getInstance());
            Optional<Records.SeatActivity> a = Optional.ofNullable(activity.get(seat.party()));
            var m = new LinkedHashMap<String, Object>();
            m.put("party", seat.party());
            m.put("name", party.path("name").asText(seat.party()));
            m.put("role", party.path("role").asText(""));
            m.put("filledBy", seat.agent().isPresent() ? "agent" : "person");
            m.put("agent", seat.agent().orElse(null));
            m.put("joined", seat.agent().isPresent() || a.map(Records.SeatActivity::joined).orElse(false));
            m.put("lastActivity", a.map(Records.SeatActivity::lastAtMillis).orElse(null));
            seats.add(m);
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("id", n.id());
        m.put("status", n.status());
        m.put("scenario", Map.of("id", scenario.path("id").asText(), "title", scenario.path("title").asText(
                scenario.path("id").asText())));
        m.put("protocol", protocol);
        m.put("watchable", ProtocolKind.byId(protocol).map(ProtocolKind::needsMediator).orElse(false));
        m.put("class", of.map(StoredSettings.Membership::className).orElse(null));
        m.put("group", of.map(StoredSettings.Membership::group).orElse(null));
        m.put("createdAt", n.createdAt());
        m.put("lastActivity", n.lastAtMillis());
        m.put("events", n.lastSeq());
        m.put("seats", seats);
        return m;
    }

    /**
     * {@code {"class": NAME, "groups": N, ...}} with the fields of {@code POST /api/negotiations}: N negotiations of
     * the same scenario and seats, one per group, each with its own invites. A class's name is taken once.
     */
    private void createClass(Context ctx) {
        requireAdmin.accept(ctx);
        Fields body = Requests.fields(ctx);
        String name = StoredSettings.className(body.path("class"), body.text("class"));
        int groups = body.integer("groups", 1, MAX_GROUPS);
        Startup start = Startup.read(body);
        body.done();
        synchronized (this) { // two requests for one class name: the second is refused
            for (Records.Negotiation n : store.negotiations()) {
                if (StoredSettings.classOf(n).filter(c -> c.className().equals(name)).isPresent()) {
                    throw new Conflict("there is a class named '" + name + "' already: name this one otherwise");
                }
            }
            var created = new ArrayList<Map<String, Object>>();
            for (int g = 1; g <= groups; g++) {
                Negotiations.Created c = start.create(negotiations, Optional.of(name), Optional.of(g));
                var m = new LinkedHashMap<String, Object>();
                m.put("group", g);
                m.put("id", c.id());
                m.put("tokens", c.tokens());
                created.add(m);
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("class", name);
            out.put("negotiations", created);
            out.put("note", "each token is shown once: hand it to its seat");
            ParleyServer.json(ctx, 201, out);
        }
    }

    /** A new invite for a person's seat; the old token stops working at once (audited as the seat's record). */
    private void reissue(Context ctx) {
        requireAdmin.accept(ctx);
        String id = ctx.pathParam("id");
        String party = ctx.pathParam("party");
        if (!ctx.body().isBlank()) {
            Requests.fields(ctx).done(); // nothing to say: an empty object at most
        }
        String token = negotiations.reissue(id, party);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.put("token", token);
        m.put("note", "the old invite no longer opens the seat; this one is shown once");
        ParleyServer.json(ctx, 200, m);
    }

}
