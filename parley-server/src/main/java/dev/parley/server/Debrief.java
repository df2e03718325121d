package dev.parley.server;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.session.Session;
import dev.parley.scenario.report.Story;
import dev.parley.scenario.wire.ActionJson;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.TranscriptJson;
import dev.parley.store.Records;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a served negotiation leaves for the debrief, read from the store alone (no agent moves, nothing is written):
 * the talks made again from the log's moves, told as {@code parley run} tells a run — each round's package, every
 * party's utility, the gap and each party's distance to acceptance; the outcome beside the fair packages with the
 * flags — as JSON, CSV, a self-contained HTML page with the report's charts, and the transcript ({@code parley
 * replay} checks it). A class's debrief puts its groups side by side. Immutable.
 */
public final class Debrief {
    /** What a seat a person filled is called where an agent's spec would be. */
    static final String PERSON = "person";

    private final Records.Negotiation negotiation;
    private final StoredSettings stored;
    private final Scenario scenario;
    private final Map<String, String> seats;
    private final Session session;
    private final Analysis analysis;
    private final Story story;

    private Debrief(Records.Negotiation negotiation, StoredSettings stored, Scenario scenario,
            Map<String, String> seats, Session session, Analysis analysis) {
        this.negotiation = negotiation;
        this.stored = stored;
        this.scenario = scenario;
        this.seats = seats;
        this.session = session;
        this.analysis = analysis;
        this.story = new Story(scenario, session.protocol(), stored.seed(), seats, session, analysis);
    }

    /**
     * The debrief of negotiation {@code id} as its log stands now.
     *
     * @throws StoreException.NoSuchNegotiation for an unknown id
     * @throws StoreException when its log no longer replays
     */
    public static Debrief of(Store store, String id) {
        Records.Negotiation n = store.require(id);
        List<Records.LogEntry> log = store.log(id, 0);
        try {
            Scenario s = NegotiationLog.scenario(n, log);
            StoredSettings stored = StoredSettings.read(id, n.protocolJson(), s);
            var seats = new LinkedHashMap<String, String>();
            store.seats(id).forEach(seat -> seats.put(seat.party(), seat.agent().orElse(PERSON)));
            Session session = new Session(s, stored.settings().create(s));
            for (Records.LogEntry entry : log) {
                if (entry.kind().equals(NegotiationLog.MOVE)) {
                    Action action = ActionJson.readRecorded(Json.read("log entry " + entry.seq(), entry.payload())
                            .get("action"), s.issues());
                    session.move(entry.party().orElseThrow(), action);
                }
            }
            Analysis analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
            return new Debrief(n, stored, s, seats, session, analysis);
        } catch (dev.parley.engine.ParleyException e) {
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("negotiation " + id + " cannot be made again from its log: " + e.getMessage(), e);
        }
    }

    /** The negotiation's id. */
    public String id() {
        return negotiation.id();
    }

    /** Where a file of it goes by default: "debrief-ID", or "CLASS-group-N" for a class's group. */
    public String stem() {
        return stored.className().map(c -> fileName(c) + "-group-" + group()).orElse("debrief-" + negotiation.id());
    }

    /** The whole debrief: the negotiation, then the run's own document (rounds, result, flags, fair packages). */
    public Map<String, Object> json() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("negotiation", about());
        doc.putAll(story.json());
        var transcript = new ArrayList<Object>();
        session.moves().forEach(m -> transcript.add(Json.read("move", TranscriptJson.move(m, scenario))));
        doc.put("transcript", transcript);
        return doc;
    }

    private Map<String, Object> about() {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", negotiation.id());
        m.put("status", negotiation.status());
        m.put("class", stored.className().orElse(null));
        m.put("group", stored.group().orElse(null));
        m.put("createdAt", negotiation.createdAt());
        m.put("lastActivity", negotiation.lastAtMillis());
        return m;
    }

    /** The rounds as CSV, one line per row of the story, as {@code parley run --format csv} writes them. */
    public String csv() {
        return story.csv();
    }

    /** The transcript, as {@code parley run --out} writes it: {@code parley replay} makes it again and checks it. */
    public String transcript() {
        return TranscriptJson.write(new TranscriptJson.Header(scenario, stored.settings(), stored.seed(), seats),
                session);
    }

    /** One self-contained page: the result first, then the charts, then the rounds (folded when long). */
    public String html() {
        return ReportPage.page("Parley debrief: " + title(), "<h1>" + ReportPage.escape(title()) + "</h1>\n"
                + "<p>" + ReportPage.escape(describe()) + "</p>\n" + section(""));
    }

    private String title() {
        return scenario.title() + stored.className().map(c -> " — " + c + ", group " + group()).orElse("");
    }

    private String describe() {
        return "Negotiation " + negotiation.id() + ", " + negotiation.status() + "; seats: " + String.join(", ", seats
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ".";
    }

    private String section(String prefix) {
        return ReportPage.section(prefix, scenario, story, analysis, session.events());
    }

    /** The debriefs of a class's groups, in group order; none when there is no such class. */
    public static List<Debrief> ofClass(Store store, String className) {
        var groups = new java.util.TreeMap<Integer, Debrief>();
        for (Records.Negotiation n : store.negotiations()) {
            var settings = Json.read("negotiation " + n.id() + " settings", n.protocolJson());
            if (className.equals(settings.path("class").asText(null))) {
                groups.put(settings.path("group").asInt(), of(store, n.id()));
            }
        }
        return List.copyOf(groups.values());
    }

    /** Where a class's file goes by default: its name in lower case, letters, digits and hyphens. */
    public static String classStem(String className) {
        return fileName(className);
    }

    /** A class's debrief as one JSON document: its name and each group's debrief, in group order. */
    public static Map<String, Object> json(String className, List<Debrief> groups) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("class", className);
        doc.put("groups", groups.stream().map(Debrief::json).toList());
        return doc;
    }

    /** A class's rounds as one CSV: each group's rows, with the group and the negotiation in front. */
    public static String csv(List<Debrief> groups) {
        var out = new StringBuilder();
        for (Debrief d : groups) {
            out.append(d.story.csv(List.of("group", "negotiation"), List.of(d.group(), d.id()), out.isEmpty()));
        }
        return out.toString();
    }

    /** A class's page: how each group ended, side by side, then each group's debrief. */
    public static String html(String className, List<Debrief> groups) {
        var body = new StringBuilder("<h1>").append(ReportPage.escape("Debrief: " + className)).append("</h1>\n");
        body.append("<table id=\"groups\"><thead><tr><th>Group</th><th>Status</th><th>Deal</th><th>Nash product "
                + "(share of the optimum)</th><th>Flags</th></tr></thead><tbody>\n");
        for (Debrief d : groups) {
            Optional<Outcome> deal = d.session.agreement();
            Optional<Assessment> a = deal.map(d.analysis::assess);
            String share = a.flatMap(Assessment::nashProductShare).map(x -> String.format(Locale.ROOT, "%.0f%%", 100
                    * x)).orElse("–");
            String flags = a.map(x -> x.flags().isEmpty()
                    ? "none"
                    : String.join(", ", x.flags().stream().map(
                            Assessment.Flag::kind).toList()))
                    .orElse("–");
            body.append("<tr data-group=\"").append(d.group()).append("\"><td><a href=\"#g").append(d.group())
                    .append("-story\">").append(d.group()).append("</a></td>");
            for (String cell : List.of(d.negotiation.status(), deal.map(o -> o.format(d.scenario.issues())).orElse(
                    "none"), share, flags)) {
                body.append("<td>").append(ReportPage.escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        for (Debrief d : groups) {
            body.append("<h2>Group ").append(d.group()).append("</h2>\n<p>").append(ReportPage.escape(d.describe()))
                    .append("</p>\n").append(d.section("g" + d.group() + "-"));
        }
        return ReportPage.page("Parley debrief: " + className, body.toString());
    }

    private int group() {
        return stored.group().orElse(0);
    }

    /** A name as it may stand in a file's: letters, digits and hyphens. */
    static String fileName(String name) {
        String f = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return f.isEmpty() ? "class" : f;
    }
}
