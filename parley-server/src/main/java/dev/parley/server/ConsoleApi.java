package dev.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Picture;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocols;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.AnalysisJson;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.MoveJson;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.server.ParleyServer.Route;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A seat's own profile (read it; change it before the first move), and the routes the web console needs beyond the
 * core API: the catalogue a negotiation is started from, and, for the
 * mediator once every profile is shared, the progress of the talks (each text or offer with every party's utility
 * and the gap), the assessment of a package before it is proposed, and the zone in two parties' utilities.
 */
final class ConsoleApi {
    /** DESIGN.md's default: a victory index beyond ±0.4 flags a package as one side's victory. */
    static final double VICTORY_LIMIT = 0.4;
    /** The zone is drawn as one dot per cell of this size, so that a large zone stays a light answer. */
    private static final double CELL = 0.005;
    private static final int MAX_FRONTIER = 5_000;

    private final Negotiations negotiations;

    ConsoleApi(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/catalogue", this::catalogue),
                new Route("GET", "/api/negotiations/{id}/profile", this::profile),
                new Route("POST", "/api/negotiations/{id}/profile", this::editProfile),
                new Route("POST", "/api/validate", this::validate),
                new Route("GET", "/api/negotiations/{id}/progress", this::progress),
                new Route("POST", "/api/negotiations/{id}/assess", this::assess),
                new Route("GET", "/api/negotiations/{id}/zone", this::zone));
    }

    /** The seat's own profile as parley/1 writes it (values in option order), and whether it can still change. */
    private void profile(Context ctx) {
        String id = ctx.pathParam("id");
        String party = negotiations.seat(id, Requests.token(ctx));
        Scenario s = negotiations.scenario(id);
        Profile p = s.profiles().get(party);
        var m = new LinkedHashMap<String, Object>();
        m.put("party", party);
        m.putAll(ScenarioWriter.profile(s.issues(), p));
        m.putIfAbsent("redLines", Map.of());
        m.put("editable", !negotiations.begun(id));
        ParleyServer.json(ctx, 200, m);
    }

    /**
     * {"reservation", "weights", "values", "redLines"} as in a parley/1 file: replaces the seat's own profile, before
     * the first move. Each problem is named by its place in the profile.
     */
    private void editProfile(Context ctx) {
        try {
            negotiations.editProfile(ctx.pathParam("id"), Requests.token(ctx), Requests.body(ctx));
        } catch (dev.parley.scenario.ScenarioException e) {
            ParleyServer.json(ctx, 400, Map.of("error", "invalid profile", "details", e.problems().stream().map(p -> p
                    .path() + ": " + p.message()).toList()));
            return;
        }
        profile(ctx);
    }

    /** The public face of a scenario: parties, issues and options; never a profile. */
    static Map<String, Object> publicScenario(Scenario s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("title", s.title());
        var parties = new ArrayList<Map<String, Object>>();
        for (Party p : s.parties()) {
            parties.add(Map.of("id", p.id(), "name", p.name(), "role", p.role().name().toLowerCase(Locale.ROOT),
                    "ratifies", p.ratifies()));
        }
        m.put("parties", parties);
        var issues = new ArrayList<Map<String, Object>>();
        for (Issue i : s.issues()) {
            issues.add(Map.of("id", i.id(), "name", i.name(), "options", i.options().stream().map(o -> Map.of("id",
                    o.id(), "label", o.label())).toList()));
        }
        m.put("issues", issues);
        return m;
    }

    /** Built-in scenarios, protocols with each seat's default agent, and the agent catalogue. Public. */
    private void catalogue(Context ctx) {
        var scenarios = new ArrayList<Map<String, Object>>();
        for (String id : BuiltinScenarios.ids()) {
            scenarios.add(startable(BuiltinScenarios.find(id).orElseThrow()));
        }
        var agents = Agents.catalogue().stream().map(e -> Map.of("name", e.name(), "description", e.description(),
                "parameters", e.parameters().stream().sorted().toList())).toList();
        ParleyServer.json(ctx, 200, Map.of("scenarios", scenarios, "protocols", Protocols.AVAILABLE, "agents",
                agents));
    }

    /** A scenario's public face with, for each protocol, its seats and their default agents. */
    private static Map<String, Object> startable(Scenario s) {
        var m = publicScenario(s);
        var seats = new LinkedHashMap<String, Object>();
        for (String protocol : Protocols.AVAILABLE) {
            try {
                var settings = Protocols.Settings.defaults(s).withProtocol(protocol);
                seats.put(protocol, Protocols.defaultSeats(Protocols.create(s, settings)));
            } catch (IllegalArgumentException e) {
                seats.put(protocol, null); // a protocol this scenario cannot run (e.g. no mediator for shuttle)
            }
        }
        m.put("seats", seats);
        m.put("protocol", Protocols.Settings.defaults(s).protocol());
        return m;
    }

    /**
     * {"upload": {"file", "text"}}: whether a parley/1 file is valid, with every problem located in it, and if it is,
     * what a negotiation started from it would look like. Public: it reads only what it is sent and keeps nothing.
     */
    private void validate(Context ctx) {
        JsonNode body = Requests.body(ctx);
        if (!body.path("upload").isObject()) {
            throw new Requests.BadRequest("upload: give {\"file\": NAME, \"text\": CONTENTS}");
        }
        ParleyServer.json(ctx, 200, startable(Requests.upload(body.get("upload"))));
    }

    /**
     * Each text adopted (single-text, from the opening text its start announces), offer made, package presented
     * (shuttle) and agreement, with every party's utility and, in the offer protocols, DESIGN.md's gap between the
     * principals at that point.
     */
    private void progress(Context ctx) {
        Negotiations.Overview o = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx));
        Scenario s = o.analysis().scenario();
        Map<String, UtilityTable> tables = tables(s);
        // As in parley run: the gap is between positions, which only the offer protocols give the principals.
        boolean positions = !o.protocol().equals("single-text") && !o.protocol().equals("shuttle");
        var offers = new HashMap<String, Outcome>();
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < o.events().size(); i++) {
            Event e = o.events().get(i);
            switch (e) {
                case Event.Offered x -> {
                    offers.put(x.party(), x.outcome());
                    rows.add(row(s, tables, positions, i + 1, e.round(), "offer", x.party(), x.outcome(), offers));
                }
                case Event.TextAdopted x ->
                    rows.add(row(s, tables, positions, i + 1, e.round(), "text", null, x.text(), offers));
                case Event.Presented x ->
                    rows.add(row(s, tables, positions, i + 1, e.round(), "presented", x.to(), x.outcome(),
                            offers));
                case Event.Ended x when x.agreement().isPresent() ->
                    rows.add(row(s, tables, positions, i + 1, e.round(),
                            "agreement", null, x.agreement().get(), offers));
                default -> {
                    // votes, messages, rejections: no package of their own
                }
            }
        }
        ParleyServer.json(ctx, 200, Map.of("principals", Picture.principals(s), "rows", rows));
    }

    private static Map<String, Object> row(Scenario s, Map<String, UtilityTable> tables, boolean positions, int seq,
            int round,
            String kind, String party, Outcome outcome, Map<String, Outcome> offers) {
        var m = new LinkedHashMap<String, Object>();
        m.put("seq", seq);
        m.put("round", round);
        m.put("kind", kind);
        m.put("party", party);
        m.put("outcome", outcome.toMap(s.issues()));
        var u = new LinkedHashMap<String, Double>();
        tables.forEach((p, t) -> u.put(p, t.utility(outcome.toArray())));
        m.put("utilities", u);
        m.put("gap", positions ? Picture.gap(s, offers).orElse(null) : null);
        return m;
    }

    /** {"outcome": {issue: option}}: how the package would look as a deal, before it is proposed. */
    private void assess(Context ctx) {
        Negotiations.Overview o = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx));
        JsonNode body = Requests.body(ctx);
        Outcome outcome;
        try {
            outcome = MoveJson.outcome(body.get("outcome"), o.analysis().scenario().issues());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Requests.BadRequest("outcome: " + (e.getMessage() == null
                    ? "give an option for every issue"
                    : e.getMessage()));
        }
        ParleyServer.json(ctx, 200, AnalysisJson.assessment(o.analysis().assess(outcome, VICTORY_LIMIT),
                o.analysis().scenario().issues()));
    }

    /**
     * {@code ?x=UA&y=RU}: the zone, the frontier and the fair packages in two parties' utilities (by default the
     * principals). The zone comes as one dot per 0.005 × 0.005 cell; a space too large to walk gives none.
     */
    private void zone(Context ctx) {
        Analysis a = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx)).analysis();
        Scenario s = a.scenario();
        List<String> principals = Picture.principals(s);
        String x = axis(ctx, "x", s, principals.isEmpty() ? s.parties().get(0).id() : principals.get(0));
        String y = axis(ctx, "y", s, principals.size() < 2 ? s.parties().get(1).id() : principals.get(1));
        var m = new LinkedHashMap<String, Object>();
        m.put("x", x);
        m.put("y", y);
        var reservations = new LinkedHashMap<String, Double>();
        reservations.put(x, s.profiles().get(x).reservation());
        reservations.put(y, s.profiles().get(y).reservation());
        m.put("reservations", reservations);
        Optional<List<double[]>> zone = Picture.zone(s, List.of(x, y));
        Set<List<Double>> cells = new LinkedHashSet<>();
        zone.ifPresent(points -> points.forEach(u -> cells.add(List.of(cell(u[0]), cell(u[1])))));
        m.put("zoneDrawn", zone.isPresent());
        m.put("zone", cells);
        List<List<Double>> frontier = new ArrayList<>();
        for (FrontierPoint p : a.frontier(MAX_FRONTIER)) {
            frontier.add(List.of(p.utilities().get(x), p.utilities().get(y)));
        }
        m.put("frontier", frontier);
        var solutions = new LinkedHashMap<String, Object>();
        for (Map.Entry<SolutionKind, Solution> e : a.solutions().entrySet()) {
            Solution sol = e.getValue();
            solutions.put(e.getKey().id(), Map.of("outcome", sol
                    .outcome().toMap(s.issues()), "point", List.of(sol.utilities().get(x), sol.utilities().get(y))));
        }
        m.put("solutions", solutions);
        ParleyServer.json(ctx, 200, m);
    }

    private static String axis(Context ctx, String name, Scenario s, String absent) {
        String party = ctx.queryParam(name);
        if (party == null) {
            return absent;
        }
        if (!s.profiles().containsKey(party)) {
            throw new Requests.BadRequest(name + ": " + party + " is not a party of " + s.id() + " (parties: "
                    + String.join(", ", s.profiles().keySet()) + ")");
        }
        return party;
    }

    private static double cell(double u) {
        return Math.round(u / CELL) * CELL;
    }

    private static Map<String, UtilityTable> tables(Scenario s) {
        var tables = new LinkedHashMap<String, UtilityTable>();
        for (Party p : s.parties()) {
            tables.put(p.id(), UtilityTable.of(s.space(), s.profiles().get(p.id())));
        }
        return tables;
    }
}
