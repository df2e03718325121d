package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Stance;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.scenario.wire.AnalysisJson;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.PackageJson;
import dev.parley.scenario.wire.SeatView;
import dev.parley.server.ParleyServer.Route;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A seat's own profile (read it; change it before the first move), and the routes the web console needs beyond the
 * core API: the catalogue a negotiation is started from, and, for the
 * mediator once every profile is shared, the progress of the talks (each text or offer with every party's utility,
 * the gap and each party's distance to acceptance), the assessment of a package before it is proposed, the zone in
 * two parties' utilities, and the assistant's suggestion of the next text by a stance.
 */
final class ConsoleApi {
    private final Negotiations negotiations;

    /** A two-party frontier is asked for again on every redraw; it depends only on the analysis and the axes. */
    private record PairKey(Analysis analysis, String x, String y) {
    }

    /** The frontiers drawn lately, a few hundred at most (each a bilateral analysis). */
    private final Map<PairKey, List<List<Double>>> pairFrontiers = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<PairKey, List<List<Double>>> eldest) {
                    return size() > 256;
                }
            });
    /** The built-in scenarios as the start page sees them, worked out once. */
    private final Map<String, Map<String, Object>> startable = new ConcurrentHashMap<>();

    /** The public routes' rate, by caller address. */
    private final RateLimit publicRate;

    ConsoleApi(Negotiations negotiations) {
        this.publicRate = new RateLimit(negotiations.limits().maxPublicPerMinute());
        this.negotiations = negotiations;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/catalogue", this::catalogue),
                new Route("GET", "/api/negotiations/{id}/profile", this::profile),
                new Route("POST", "/api/negotiations/{id}/profile", this::editProfile),
                new Route("POST", "/api/validate", this::validate),
                new Route("GET", "/api/negotiations/{id}/progress", this::progress),
                new Route("POST", "/api/negotiations/{id}/assess", this::assess),
                new Route("GET", "/api/negotiations/{id}/zone", this::zone),
                new Route("GET", "/api/negotiations/{id}/suggestion", this::suggestion));
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
            negotiations.editProfile(ctx.pathParam("id"), Requests.token(ctx), ctx.body());
        } catch (dev.parley.scenario.ScenarioException e) {
            ParleyServer.json(ctx, 400, ParleyServer.body("invalid profile", e.problems().stream().map(p -> p
                    .path() + ": " + p.message()).toList()));
            return;
        }
        profile(ctx);
    }

    /**
     * What a negotiation can be started with: the built-in scenarios (each with, per protocol, its seats, their
     * roles, default agents and the agents that fit), the protocols, the seat roles, the agents and the reference
     * solutions. The console reads every name it shows from here. Public; built once.
     */
    private void catalogue(Context ctx) {
        var scenarios = new ArrayList<Map<String, Object>>();
        for (String id : BuiltinScenarios.ids()) {
            scenarios.add(startable.computeIfAbsent(id, x -> startable(BuiltinScenarios.find(x).orElseThrow())));
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("scenarios", scenarios);
        m.put("protocols", java.util.Arrays.stream(ProtocolKind.values()).map(k -> Map.of("id", k.id(), "description",
                k.description(), "needsMediator", k.needsMediator(), "principalsHoldPositions", k
                        .principalsHoldPositions()))
                .toList());
        m.put("seatRoles", java.util.Arrays.stream(SeatRole.values()).map(r -> Map.of("id", r.id(), "description", r
                .description())).toList());
        m.put("agents", Agents.catalogue().stream().map(e -> Map.of("name", e.name(), "description", e.description(),
                "parameters", e.parameters(), "fits", e.fits().stream().map(SeatRole::id).toList())).toList());
        m.put("solutions", Pictures.solutionLabels());
        ParleyServer.json(ctx, 200, m);
    }

    /**
     * A scenario's public face with, for each protocol, its seats (role, default agent, the agents that fit), or why
     * it cannot run here. Building a protocol does no analysis, so this is cheap.
     */
    private static Map<String, Object> startable(Scenario s) {
        var m = SeatView.publicScenario(s);
        var protocols = new LinkedHashMap<String, Object>();
        for (ProtocolKind kind : ProtocolKind.values()) {
            var entry = new LinkedHashMap<String, Object>();
            try {
                Protocol p = Settings.defaults(s).withKind(kind).create(s);
                var seats = new ArrayList<Map<String, Object>>();
                for (String party : p.participants()) {
                    SeatRole role = p.seatRole(party);
                    seats.add(Map.of("party", party, "role", role.id(), "agent", Agents.defaultFor(role), "agents",
                            Agents.fitting(role)));
                }
                entry.put("seats", seats);
            } catch (InvalidInput e) {
                entry.put("unavailable", e.getMessage()); // e.g. no mediator for shuttle
            }
            protocols.put(kind.id(), entry);
        }
        m.put("protocols", protocols);
        m.put("protocol", Settings.defaults(s).kind().id());
        return m;
    }

    /**
     * {"upload": {"file", "text"}}: whether a parley/1 file is valid, with every problem located in it, and if it is,
     * what a negotiation started from it would look like. Public: it reads only what it is sent and keeps nothing.
     */
    private void validate(Context ctx) {
        publicRate.check(ctx.ip(), "validate");
        Fields body = Requests.fields(ctx);
        Scenario s = Requests.upload(body.object("upload"));
        body.done();
        ParleyServer.json(ctx, 200, startable(s));
    }

    /**
     * Each text adopted (single-text, from the opening text its start announces), offer made, package presented
     * (shuttle) and agreement, with every party's utility and the gap between the principals at that point, from
     * what they have said that the mediator sees ({@link Pictures#progress}).
     */
    private void progress(Context ctx) {
        Negotiations.Overview o = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx));
        ParleyServer.json(ctx, 200, Pictures.progress(o.analysis().scenario(), o.events()));
    }

    /** {"package": {issue: option}}: how the package would look as a deal, before it is proposed. */
    private void assess(Context ctx) {
        Negotiations.Overview o = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx));
        Fields body = Requests.fields(ctx);
        Outcome pkg = PackageJson.read(body.node("package"), o.analysis().scenario().issues(), "package");
        body.done();
        ParleyServer.json(ctx, 200, AnalysisJson.assessment(o.analysis().assess(pkg), o.analysis().scenario()
                .issues()));
    }

    /**
     * {@code ?x=UA&y=RU}: the zone, the frontier and the fair packages in two parties' utilities (by default the
     * principals), as {@link Pictures#zone} gives them: the zone as a density of 0.01 × 0.01 cells (a space too large to
     * walk gives none), each frontier point with its package.
     */
    private void zone(Context ctx) {
        Analysis a = negotiations.overview(ctx.pathParam("id"), Requests.token(ctx)).analysis();
        Scenario s = a.scenario();
        // By default the first two principals; where there are fewer, the first parties that have a profile (a
        // scenario has at least two: every principal and ratifying party needs one).
        var axes = new java.util.ArrayList<>(s.principals());
        s.profiles().keySet().stream().filter(p -> !axes.contains(p)).forEach(axes::add);
        if (axes.size() < 2) {
            throw new InvalidInput("x", "fewer than two parties of " + s.id() + " have a profile: no zone to draw");
        }
        String x = axis(ctx, "x", s, axes.get(0));
        String y = axis(ctx, "y", s, axes.get(1));
        var pair = pairFrontiers.computeIfAbsent(new PairKey(a, x, y), k -> Pictures.pairFrontier(s, x, y,
                dev.parley.engine.analysis.Budget.of(negotiations.limits().analysisBudget())));
        ParleyServer.json(ctx, 200, Pictures.zone(a, x, y, Pictures.zone(a, x, y), pair));
    }

    /**
     * {@code ?stance=neutral|interested} (neutral by default): the mediator's assistant, once every profile is shared.
     * The package the stance aims at in the zone (the Nash package, or the mediator's own best package there) and, in
     * single-text, the next text toward it: the stance's aim among the packages of the zone no ratifying party values
     * less than the current text (what voters who accept no loss would adopt). The suggestion is that next text, else
     * the aim; each comes with its assessment, as {@code assess} gives it.
     */
    private void suggestion(Context ctx) {
        String id = ctx.pathParam("id");
        String token = Requests.token(ctx);
        Negotiations.Overview o = negotiations.overview(id, token);
        String mediator = negotiations.reader(id, token);
        String asked = ctx.queryParam("stance");
        Stance stance = asked == null
                ? Stance.NEUTRAL
                : Stance.of(asked).orElseThrow(() -> new InvalidInput(
                        "stance", "stance: no stance '" + asked + "' (stances: neutral, interested)"));
        Analysis a = o.analysis();
        Scenario s = a.scenario();
        Optional<Outcome> aim = stance.aim(a, mediator);
        Optional<Outcome> current = Optional.empty();
        for (Event e : o.events()) {
            if (e instanceof Event.TextAdopted t) {
                current = Optional.of(t.text());
            }
        }
        Optional<Outcome> step = current.flatMap(c -> stance.step(s, c, mediator, AnalysisOptions.defaults()
                .withBlockingDemands(false).withZoneCount(false).withBudget(dev.parley.engine.analysis.Budget.of(
                        negotiations.limits().analysisBudget()))));
        Optional<Outcome> suggested = step.or(() -> aim);
        var m = new LinkedHashMap<String, Object>();
        m.put("stance", stance.id());
        m.put("aim", aim.map(x -> x.toMap(s.issues())).orElse(null));
        m.put("current", current.map(x -> x.toMap(s.issues())).orElse(null));
        m.put("step", step.map(x -> x.toMap(s.issues())).orElse(null));
        m.put("suggestion", suggested.map(x -> x.toMap(s.issues())).orElse(null));
        m.put("assessment", suggested.map(x -> AnalysisJson.assessment(a.assess(x), s.issues())).orElse(null));
        m.put("why", why(stance, aim, current, step));
        ParleyServer.json(ctx, 200, m);
    }

    private static String why(Stance stance, Optional<Outcome> aim, Optional<Outcome> current,
            Optional<Outcome> step) {
        String target = stance == Stance.NEUTRAL
                ? "the Nash package, the fair package of the zone"
                : "the mediator's own best package among those every party can sign";
        if (aim.isEmpty()) {
            return "the zone is empty: no package every ratifying party can sign, so nothing to aim at";
        }
        if (current.isEmpty()) {
            return "the aim: " + target;
        }
        if (step.isPresent()) {
            return step.equals(aim)
                    ? "the aim, " + target + ", which no ratifying party values less than the current text"
                    : "a step toward " + target + ": the best such package that no ratifying party values less "
                            + "than the current text";
        }
        return current.equals(aim)
                ? "the current text is already the aim, " + target
                : "no package of the zone is as good as the current text for every ratifying party: the aim, "
                        + target + ", would leave some party worse off than the current text";
    }

    private static String axis(Context ctx, String name, Scenario s, String absent) {
        String party = ctx.queryParam(name);
        if (party == null) {
            return absent;
        }
        if (!s.profiles().containsKey(party)) {
            throw new InvalidInput(name, name + ": " + party + (s.party(party).isPresent()
                    ? " has no profile, so no utilities to draw"
                    : " is not a party of " + s.id()) + " (parties with a profile: "
                    + String.join(", ", s.profiles().keySet()) + ")");
        }
        return party;
    }

}
