package dev.parley.scenario.wire;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.analysis.BlockingDemand;
import dev.parley.engine.analysis.FrontierListing;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.NearMiss;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Issue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The analysis as JSON: the document described in docs/api.md. Written by
 * {@code parley analyze --format json} and served to the mediator by {@code parley serve}.
 */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    /**
     * The document, listing at most {@code limit} frontier outcomes ({@code Long.MAX_VALUE}: all). The four arrays of
     * frontier points are {@link Iterable}s that make the points again each time they are read, so that a document
     * written out with {@link Json#pretty(Object, java.io.Writer)} never holds the listed frontier in memory.
     */
    public static Map<String, Object> document(Analysis a, long limit, Optional<Assessment> assessment) {
        List<Issue> issues = a.scenario().issues();
        var doc = new LinkedHashMap<String, Object>();
        doc.put("scenario", a.scenario().id());
        doc.put("outcomes", a.outcomes());
        doc.put("withinRedLines", a.withinRedLines());
        doc.put("agreementZone", a.agreementZone().isPresent() ? a.agreementZone().getAsLong() : null);
        doc.put("zoneEmpty", a.zoneEmpty());
        doc.put("ratifying", a.ratifying());
        doc.put("reservations", a.reservations());
        doc.put("ideals", a.ideals());

        var frontier = new LinkedHashMap<String, Object>();
        frontier.put("of", a.scope().name().toLowerCase(Locale.ROOT));
        frontier.put("size", a.frontierSize().isPresent() ? a.frontierSize().getAsLong() : null);
        frontier.put("distinct", a.frontierDistinct().isPresent() ? a.frontierDistinct().getAsInt() : null);
        FrontierListing points = a.listing(limit);
        frontier.put("shown", points.size());
        frontier.put("order", "largest Nash product first, then largest sum of utilities, then outcome index");
        frontier.put("outcomes", replayed(points, p -> p.outcome().toMap(issues)));
        frontier.put("utilities", replayed(points, FrontierPoint::utilities));
        frontier.put("inZone", replayed(points, FrontierPoint::inZone));
        frontier.put("ties", replayed(points, FrontierPoint::ties));
        doc.put("frontier", frontier);

        var solutions = new LinkedHashMap<String, Object>();
        Map<SolutionKind, Solution> found = a.solutions();
        for (SolutionKind k : SolutionKind.values()) {
            solutions.put(k.id(), found.containsKey(k) ? solution(found.get(k), issues) : null);
        }
        doc.put("solutions", solutions);
        doc.put("nearMisses", a.nearMisses().stream().map(m -> nearMiss(m, issues)).toList());
        doc.put("blockingDemands", a.blockingDemands().stream().map(b -> blocking(b, issues)).toList());
        doc.put("statedDemands", a.statedDemands().stream().map(c -> statedDemand(c, issues)).toList());
        doc.put("relaxations", a.relaxations());
        assessment.ifPresent(x -> doc.put("package", assessment(x, issues)));
        doc.put("notes", a.notes());
        return doc;
    }

    /** One fair package: its outcome, utilities and the value it maximises. */
    public static Map<String, Object> solution(Solution s, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("outcome", s.outcome().toMap(issues));
        m.put("utilities", Json.exact(s.utilities()));
        m.put("value", Json.exact(s.value()));
        return m;
    }

    /** What {@code f} gives of each point, made again from the listing each time it is read. */
    private static Iterable<Object> replayed(FrontierListing points, Function<FrontierPoint, Object> f) {
        return () -> points.stream().map(f).iterator();
    }

    private static Map<String, Object> nearMiss(NearMiss n, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("outcome", n.outcome().toMap(issues));
        m.put("utilities", Json.exact(n.utilities()));
        m.put("shortOf", n.shortOf());
        m.put("shortfall", n.shortfall());
        m.put("redLinesBroken", n.redLinesBroken());
        return m;
    }

    private static Map<String, Object> statedDemand(dev.parley.engine.analysis.StatedDemandCheck c,
            List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("party", c.party());
        m.put("demand", c.demand());
        m.put("label", c.label());
        m.put("possible", c.possible().orElse(null));
        m.put("zoneWith", c.zoneWith().isPresent() ? c.zoneWith().getAsLong() : null);
        m.put("nashWith", c.nashWith().map(s -> solution(s, issues)).orElse(null));
        m.put("cost", c.cost());
        m.put("redLinesInTheWay", c.redLinesInTheWay());
        m.put("nearMisses", c.nearMisses().stream().map(n -> nearMiss(n, issues)).toList());
        return m;
    }

    private static Map<String, Object> blocking(BlockingDemand b, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("demand", b.demand());
        m.put("kind", b.kind().label().replace(" ", "-"));
        m.put("party", b.party());
        m.put("issue", b.issue().orElse(null));
        m.put("option", b.option().orElse(null));
        m.put("condition", b.condition().orElse(null));
        m.put("change", b.change());
        m.put("zoneWith", b.zoneWith().isPresent() ? b.zoneWith().getAsLong() : null);
        m.put("zoneWithout", b.zoneWithout().isPresent() ? b.zoneWithout().getAsLong() : null);
        m.put("nashWith", b.nashWith().map(s -> solution(s, issues)).orElse(null));
        m.put("nashWithout", b.nashWithout().map(s -> solution(s, issues)).orElse(null));
        m.put("nashShift", b.nashShift());
        return m;
    }

    /** How a package looks as a deal: utilities, shares, victory indices, flags, distance from Nash. */
    public static Map<String, Object> assessment(Assessment x, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("outcome", x.outcome().toMap(issues));
        m.put("utilities", Json.exact(x.utilities()));
        m.put("shares", Json.exact(x.shares()));
        m.put("sharesWithinRedLines", Json.exact(x.sharesWithinRedLines()));
        m.put("belowReservationBy", Json.exact(x.belowReservationBy()));
        var demands = new LinkedHashMap<String, Object>();
        x.demands().forEach((party, t) -> {
            var dm = new LinkedHashMap<String, Object>();
            dm.put("granted", t.granted());
            dm.put("notGranted", t.notGranted());
            dm.put("share", Json.exact(t.share()));
            dm.put("weighted", t.weighted());
            demands.put(party, dm);
        });
        m.put("demands", demands);
        var victories = new ArrayList<Map<String, Object>>();
        for (Assessment.VictoryIndex v : x.victoryIndices()) {
            var vm = new LinkedHashMap<String, Object>();
            vm.put("between", List.of(v.a(), v.b()));
            vm.put("value", Json.exact(v.value()));
            victories.add(vm);
        }
        m.put("victoryIndex", victories);
        m.put("inZone", x.inZone());
        m.put("paretoOptimal", x.paretoOptimal());
        m.put("lopsided", x.lopsided());
        var flags = new ArrayList<Map<String, Object>>();
        for (Assessment.Flag f : x.flags()) {
            var fm = new LinkedHashMap<String, Object>();
            fm.put("flag", f.kind());
            fm.put("party", f.party().isEmpty() ? null : f.party());
            fm.put("detail", f.detail());
            fm.put("figures", Json.exact(f.figures()));
            flags.add(fm);
        }
        m.put("flags", flags);
        m.put("nashDistance", x.nashDistance().map(Json::exact).orElse(null));
        m.put("nashProductShare", x.nashProductShare().map(Json::exact).orElse(null));
        m.put("differsFromNash", x.differsFromNash());
        return m;
    }
}
