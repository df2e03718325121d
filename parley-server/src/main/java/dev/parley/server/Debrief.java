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
    /** The forms a debrief comes in: their ids, media types and file extensions, and each one's text. */
    public enum Form {
        HTML("html", "text/html; charset=utf-8", ".html"), JSON("json", "application/json", ".json"), CSV("csv",
                "text/csv; charset=utf-8", ".csv"), TRANSCRIPT("transcript", "application/x-ndjson", ".jsonl");

        private final String id;
        private final String mediaType;
        private final String extension;

        Form(String id, String mediaType, String extension) {
            this.id = id;
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String id() {
            return id;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** Whether a class's debrief comes in this form (a transcript is one negotiation's). */
        public boolean forClass() {
            return this != TRANSCRIPT;
        }

        public static java.util.Optional<Form> byId(String id) {
            return java.util.Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
        }

        /** The forms' ids, for a message: "html, json, csv, transcript" (a class's: without the transcript). */
        public static String ids(boolean forClass) {
            return String.join(", ", java.util.Arrays.stream(values()).filter(f -> !forClass || f.forClass()).map(
                    Form::id).toList());
        }

        /** One negotiation's debrief in this form. */
        public String of(Debrief d) {
            return switch (this) {
                case HTML -> d.html();
                case JSON -> Json.pretty(d.json()) + "\n";
                case CSV -> d.csv();
                case TRANSCRIPT -> d.transcript();
            };
        }

        /** A class's debrief in this form. */
        public String ofClass(String className, List<Debrief> groups) {
            return switch (this) {
                case HTML -> Debrief.html(className, groups);
                case JSON -> Json.pretty(Debrief.json(className, groups)) + "\n";
                case CSV -> Debrief.csv(groups);
                case TRANSCRIPT -> throw new IllegalArgumentException("a class has no one transcript");
            };
        }
    }

    /** What a seat a person filled is called where an agent's spec would be. */
    static final String PERSON = "person";

    private final Records.Negotiation negotiation;
    private final StoredSettings stored;
    private final Scenario scenario;
    private final Map<String, String> seats;
    private final Session session;
    private final Analysis analysis;
    private final Story story;

    private final dev.parley.engine.analysis.Budget budget;

    private Debrief(Records.Negotiation negotiation, StoredSettings stored, Scenario scenario,
            Map<String, String> seats, Session session, Analysis analysis, dev.parley.engine.analysis.Budget budget) {
        this.budget = budget;
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
        return of(store, id, dev.parley.engine.analysis.Budget.UNLIMITED);
    }

    /** As {@link #of(Store, String)}, the analysis (and each pair's frontier) bounded by {@code budget}. */
    public static Debrief of(Store store, String id, dev.parley.engine.analysis.Budget budget) {
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
            Analysis analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false).withBudget(
                    budget));
            return new Debrief(n, stored, s, seats, session, analysis, budget);
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
        return ReportPage.section(prefix, scenario, story, analysis, session.events(), budget);
    }

    /** The debriefs of a class's groups, in group order; none when there is no such class. */
    public static List<Debrief> ofClass(Store store, String className) {
        return ofClass(store, className, dev.parley.engine.analysis.Budget.UNLIMITED);
    }

    /** As {@link #ofClass(Store, String)}, each analysis bounded by {@code budget}. */
    public static List<Debrief> ofClass(Store store, String className, dev.parley.engine.analysis.Budget budget) {
        var groups = new java.util.TreeMap<Integer, Debrief>();
        for (Records.Negotiation n : store.negotiations()) {
            StoredSettings.classOf(n).filter(c -> c.className().equals(className)).ifPresent(c -> groups.put(c.group(),
                    of(store, n.id(), budget)));
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

    /** A name as it may stand in a file's (and a download header's): ASCII letters, digits and hyphens. */
    static String fileName(String name) {
        String f = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                .replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return f.isEmpty() ? "class" : f;
    }
}
