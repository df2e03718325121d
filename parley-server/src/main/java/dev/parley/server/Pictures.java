package dev.parley.server;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Picture;
import dev.parley.engine.analysis.Positions;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the charts draw, the same for the mediator's console ({@code /progress}, {@code /zone}) and for every report
 * (run's {@code report.html}, the debriefs), drawn by the one {@code charts.js}: the progress of the talks, and the
 * zone as a density, the frontier and the fair packages in two parties' utilities. Stateless.
 */
public final class Pictures {
    /** The side of a cell of the zone's density, in utility. */
    public static final double CELL = 0.01;
    /** The most frontier points drawn. */
    static final int MAX_FRONTIER = 5_000;

    private Pictures() {
    }

    /**
     * Each text adopted (single-text, from the opening text its start announces), offer made, package presented
     * (shuttle) and agreement among {@code events}, with every party's utility, the gap between the principals at
     * that point, from what they have said ({@link Positions}), and each ratifying party's distance to acceptance.
     */
    public static Map<String, Object> progress(Scenario s, List<Event> events) {
        var tables = new LinkedHashMap<String, UtilityTable>();
        s.profiles().forEach((id, p) -> tables.put(id, UtilityTable.of(s.space(), p)));
        var said = new Positions(s);
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            said.see(e);
            switch (e) {
                case Event.Offered x -> rows.add(row(s, tables, said, i + 1, e.round(), "offer", x.party(), x
                        .outcome()));
                case Event.TextAdopted x -> rows.add(row(s, tables, said, i + 1, e.round(), "text", null, x.text()));
                case Event.Presented x -> rows.add(row(s, tables, said, i + 1, e.round(), "presented", x.to(), x
                        .outcome()));
                case Event.Ended x when x.agreement().isPresent() -> rows.add(row(s, tables, said, i + 1, e.round(),
                        "agreement", null, x.agreement().get()));
                default -> {
                    // votes, criticism, messages, rejections: no package of their own
                }
            }
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("principals", s.principals());
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> row(Scenario s, Map<String, UtilityTable> tables, Positions said, int seq,
            int round, String kind, String party, Outcome outcome) {
        var m = new LinkedHashMap<String, Object>();
        m.put("seq", seq);
        m.put("round", round);
        m.put("kind", kind);
        m.put("party", party);
        m.put("package", outcome.toMap(s.issues()));
        var u = new LinkedHashMap<String, Double>();
        tables.forEach((p, t) -> u.put(p, t.utility(outcome.toArray())));
        m.put("utilities", Json.exact(u));
        m.put("gap", said.gap().map(Json::exact).orElse(null));
        m.put("distanceToAcceptance", Json.exact(Picture.distanceToAcceptance(s, outcome)));
        return m;
    }

    /**
     * The zone, the frontier of all parties projected, the two parties' own frontier and the fair packages in the
     * utilities of {@code x} and {@code y}.
     *
     * @param zone the zone's packages in the two parties' utilities ({@link Picture#zone}), empty when the space is
     *     too large to walk
     * @param pairFrontier the two parties' own frontier ({@link #pairFrontier})
     */
    public static Map<String, Object> zone(Analysis a, String x, String y, Optional<List<double[]>> zone,
            List<List<Double>> pairFrontier) {
        Scenario s = a.scenario();
        var m = new LinkedHashMap<String, Object>();
        m.put("x", x);
        m.put("y", y);
        m.put("parties", List.copyOf(s.profiles().keySet()));
        var reservations = new LinkedHashMap<String, Double>();
        reservations.put(x, s.profiles().get(x).reservation());
        reservations.put(y, s.profiles().get(y).reservation());
        m.put("reservations", reservations);
        m.put("zoneDrawn", zone.isPresent());
        m.put("cell", CELL);
        m.put("zone", zone.map(Pictures::density).orElse(List.of()));
        var frontier = new ArrayList<Map<String, Object>>();
        for (FrontierPoint p : a.frontier(MAX_FRONTIER)) {
            frontier.add(Map.of("u", List.of(p.utilities().get(x), p.utilities().get(y)), "package", p.outcome()
                    .toMap(s.issues())));
        }
        m.put("frontier", frontier);
        m.put("pairFrontier", pairFrontier);
        var solutions = new LinkedHashMap<String, Object>();
        for (Map.Entry<SolutionKind, Solution> e : a.solutions().entrySet()) {
            Solution sol = e.getValue();
            solutions.put(e.getKey().id(), Map.of("outcome", sol.outcome().toMap(s.issues()), "point", List.of(sol
                    .utilities().get(x), sol.utilities().get(y))));
        }
        m.put("solutions", solutions);
        return m;
    }

    /**
     * The zone as a density: one {@code [x, y, n]} per cell of side {@link #CELL} that holds any package, {@code x}
     * and {@code y} the cell's centre and {@code n} how many packages fall in it; in the order first met.
     */
    static List<List<Number>> density(List<double[]> points) {
        var counts = new LinkedHashMap<Long, int[]>();
        for (double[] u : points) {
            long key = (long) Math.floor(u[0] / CELL) * 1_000_003L + (long) Math.floor(u[1] / CELL);
            counts.computeIfAbsent(key, k -> new int[]{(int) Math.floor(u[0] / CELL), (int) Math.floor(u[1] / CELL),
                    0})[2]++;
        }
        var out = new ArrayList<List<Number>>(counts.size());
        for (int[] c : counts.values()) {
            out.add(List.of(Json.exact((c[0] + 0.5) * CELL), Json.exact((c[1] + 0.5) * CELL), c[2]));
        }
        return out;
    }

    /** The zone's packages in the utilities of {@code x} and {@code y}, when the space can be walked. */
    public static Optional<List<double[]>> zone(Analysis a, String x, String y) {
        return Picture.zone(a, List.of(x, y));
    }

    /**
     * Every pair of the analysis's ratifying parties, the principals first: the zone walked once for all of them, and
     * each pair's picture ({@link #zone(Analysis, String, String, Optional, List)}), by "x-y".
     */
    public static Map<String, Map<String, Object>> everyPair(Analysis a, dev.parley.engine.analysis.Budget budget) {
        Scenario s = a.scenario();
        var parties = new ArrayList<String>();
        s.principals().stream().filter(a.ratifying()::contains).forEach(parties::add);
        a.ratifying().stream().filter(p -> !parties.contains(p) && s.profiles().containsKey(p)).forEach(
                parties::add);
        Optional<List<double[]>> all = Picture.zone(a, parties);
        var out = new LinkedHashMap<String, Map<String, Object>>();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                int xi = i;
                int yj = j;
                Optional<List<double[]>> pair = all.map(points -> points.stream().map(u -> new double[]{u[xi],
                        u[yj]}).toList());
                out.put(parties.get(i) + "-" + parties.get(j), zone(a, parties.get(i), parties.get(j), pair,
                        pairFrontier(s, parties.get(i), parties.get(j), budget)));
            }
        }
        return out;
    }

    /**
     * The two parties' own Pareto line, exactly: the frontier of the scenario in which only they must consent, in
     * their utilities, sorted by the first (as the engine computes it; never a sweep over rounded dots).
     */
    public static List<List<Double>> pairFrontier(Scenario s, String x, String y,
            dev.parley.engine.analysis.Budget budget) {
        if (x.equals(y)) {
            return List.of();
        }
        Analysis pair = Analyzer.analyze(Picture.bilateral(s, x, y), AnalysisOptions.defaults().withBlockingDemands(
                false).withBudget(budget));
        var line = new ArrayList<List<Double>>();
        for (FrontierPoint p : pair.frontier(MAX_FRONTIER)) {
            line.add(List.of(p.utilities().get(x), p.utilities().get(y)));
        }
        line.sort(java.util.Comparator.comparing((List<Double> p) -> p.get(0)));
        return line;
    }

    /** The labels of the reference solutions, as the catalogue gives them: {@code [{"id", "label"}]}. */
    public static List<Map<String, String>> solutionLabels() {
        var out = new ArrayList<Map<String, String>>();
        for (SolutionKind k : SolutionKind.values()) {
            out.add(Map.of("id", k.id(), "label", k.label()));
        }
        return out;
    }
}
