package dev.parley.server;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.scenario.report.Story;
import dev.parley.scenario.report.Text;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's report as one self-contained page — {@code parley run}'s {@code report.html} and every debrief: the
 * result first (the deal beside the fair packages, the flags with their figures), then each party's utility and the
 * gap, the distance to acceptance, the frontier of any pair of parties (the zone as a density, the frontier of all
 * parties projected beside the pair's own, the fair packages, the texts), and last the rounds, folded when long. The
 * charts are the console's: its vendored Chart.js and its {@code charts.js}, inlined, drawing from the same documents
 * as the console's routes ({@link Pictures}). Hovering a point shows its package and utilities. Nothing is fetched.
 */
public final class ReportPage {
    /** The rows of a story shown open; a longer one is folded. */
    static final int FOLDED_OVER = 60;
    private ReportPage() {
    }

    /** {@code report.html}: the story's section under the scenario's title. */
    public static String html(Scenario s, Story story, Analysis analysis, List<Event> events) {
        return page("Parley run: " + s.id(), "<h1>" + escape(s.title()) + "</h1>\n" + section("", s, story, analysis,
                events, dev.parley.engine.analysis.Budget.UNLIMITED));
    }

    /**
     * A page around {@code body}: the style and, when the body holds a chart, the charting scripts and the script
     * that draws every chart (a page without one carries no script).
     */
    public static String page(String title, String body) {
        return page(title, "", body);
    }

    /**
     * As {@link #page(String, String)}, with a style of the page's own after the one every report shares (the
     * forecast's and the tournament's tables).
     */
    public static String page(String title, String style, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content="
                + "\"width=device-width, initial-scale=1\">\n<title>" + escape(title) + "</title>\n<style>" + STYLE
                + style + "</style>\n</head><body>\n" + body + (body.contains("<canvas")
                        ? "<p><small>Made by Parley. Charts: Chart.js (MIT licence), inlined.</small></p>\n<script>"
                                + script("/web/vendor/chart.umd.js") + "</script>\n<script>" + script("/web/charts.js")
                                + "</script>\n<script>" + DRAW + "</script>\n"
                        : "<p><small>Made by Parley.</small></p>\n")
                + "</body></html>\n";
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;"
            + "padding:0 1em;color:#222}pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:13px}"
            + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}.chart{position:relative;height:320px}"
            + ".chart.tall{height:480px}select{font-size:1em;padding:.2em}table{border-collapse:collapse}"
            + "td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}summary{cursor:pointer;"
            + "font-weight:600}.muted{color:#5b6675}";

    /**
     * Draws every section's charts from its data (and redraws its frontier when another pair is chosen), and every
     * line chart from its own.
     */
    private static final String DRAW = """
            for (const data of document.querySelectorAll('script.chart-data')) {
              ParleyCharts.lineChart(document.getElementById(data.dataset.canvas), JSON.parse(data.textContent));
            }
            for (const section of document.querySelectorAll('section.story')) {
              const p = section.dataset.prefix;
              const d = JSON.parse(section.querySelector('script.story-data').textContent);
              const unpack = (places) => Object.fromEntries(places.split(',').map((k, i) =>
                [d.scenario.issues[i].id, d.scenario.issues[i].options[Number(k)]]));
              const packages = d.packages.map(unpack);
              const withPackage = (x) => ({ ...x, package: packages[x.p] });
              d.progress.rows = d.progress.rows.map(withPackage);
              for (const z of Object.values(d.pairs)) z.frontier = z.frontier.map(withPackage);
              ParleyCharts.progressChart(document.getElementById(p + 'utilities'), d.scenario, d.progress);
              ParleyCharts.shortOfChart(document.getElementById(p + 'short-of'), d.scenario, d.progress);
              const pick = document.getElementById(p + 'pair');
              if (!pick) continue;
              const drawPair = () => {
                const z = d.pairs[pick.value];
                ParleyCharts.frontierChart(document.getElementById(p + 'frontier'), d.scenario, z, d.progress,
                  [z.x, z.y], d.solutions, { current: d.current });
              };
              pick.addEventListener('change', drawPair);
              drawPair();
            }
            """;

    /** A script of the console's, from the jar. */
    private static String script(String resource) {
        try (InputStream in = ReportPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar: build it with ./mvnw");
            }
            // A script element ends at the first "</script": none may stand inside the script itself.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One story as a section of a page; {@code prefix} keeps the ids of several sections on one page apart.
     *
     * @param events every event of the session, as the mediator's console reads them
     * @param budget what each pair's own frontier may take
     */
    public static String section(String prefix, Scenario s, Story story, Analysis analysis, List<Event> events,
            dev.parley.engine.analysis.Budget budget) {
        var out = new StringBuilder("<section class=\"story\" id=\"").append(prefix).append("story\" data-prefix=\"")
                .append(prefix).append("\">\n");
        out.append("<p>Scenario <code>").append(escape(s.id())).append("</code>. Numbers are the scenario's, and "
                + "for ceasefire-2025 illustrative modelling assumptions.</p>\n");
        out.append("<h2>The result</h2>\n<pre id=\"").append(prefix).append("result\">").append(escape(story.text(
                true))).append("</pre>\n");
        Map<String, Object> progress = Pictures.progress(s, events);
        out.append("<h2>Each party's utility, round by round</h2>\n<p class=\"muted\">Each text adopted, offer made or "
                + "package presented; dashed, the gap between what the principals have said (0: the same options). "
                + "Hover a point for its package.</p>\n<div class=\"chart\"><canvas id=\"").append(prefix).append(
                        "utilities\" role=\"img\" aria-label=\"Each party's utility and the gap, round by round\">"
                                + "</canvas></div>\n");
        out.append("<h2>How far each ratifying party is from accepting</h2>\n<p class=\"muted\">Its reservation less "
                + "its utility of the text or offer, when it falls short (0: it could accept).</p>\n<div class=\""
                + "chart\"><canvas id=\"").append(prefix).append("short-of\" role=\"img\" aria-label=\"Each party's "
                        + "distance to acceptance\"></canvas></div>\n");
        Map<String, Map<String, Object>> pairs = analysis.ratifying().size() < 2
                ? Map.of()
                : Pictures.everyPair(analysis, budget);
        if (!pairs.isEmpty()) {
            out.append("<h2>The frontier</h2>\n<p>Axes: <select id=\"").append(prefix).append("pair\">");
            for (Map<String, Object> z : pairs.values()) {
                String x = (String) z.get("x");
                String y = (String) z.get("y");
                out.append("<option value=\"").append(escape(x + "-" + y)).append("\">").append(escape(x + " × " + y))
                        .append("</option>");
            }
            out.append("</select></p>\n<p class=\"muted\">").append(pairs.values().iterator().next().get("zoneDrawn")
                    .equals(Boolean.TRUE)
                            ? "The agreement zone as a density (" + Text.count(analysis.agreementZone().orElse(0))
                                    + " packages; each square of 0.01 × 0.01 shaded by how many fall in it), "
                            : "The zone is too large to walk; ")
                    .append("the frontier of all parties projected on the two (dots), the two parties' own frontier "
                            + "(the line: what one gains only at the other's cost when only they must agree), the "
                            + "fair packages, the texts so far and the last. Hover a point for its package.</p>\n")
                    .append("<div class=\"chart tall\"><canvas id=\"").append(prefix).append("frontier\" role=\"img\" "
                            + "aria-label=\"The zone, the frontiers and the fair packages in two parties' "
                            + "utilities\"></canvas></div>\n");
        }
        String rounds = story.rounds();
        boolean folded = rounds.lines().count() > FOLDED_OVER;
        out.append("<h2>The talks, round by round</h2>\n<details id=\"").append(prefix).append("rounds\"").append(
                folded ? "" : " open").append("><summary>").append(escape(
                        Text.plural(story.rows().size(), "row")
                                + (folded ? ": open to read" : "")))
                .append("</summary>\n<pre>").append(escape(rounds))
                .append("</pre></details>\n");
        out.append("<script type=\"application/json\" class=\"story-data\">").append(data(s, progress, pairs, story))
                .append("</script>\n</section>\n");
        return out.toString();
    }

    /**
     * What the section's charts draw, as JSON safe inside a script element. The progress rows and each pair's frontier
     * name their packages by their place in one list ({@code packages}, as {@code p}): each package is written once;
     * the page's script puts them back before drawing.
     */
    private static String data(Scenario s, Map<String, Object> progress, Map<String, Map<String, Object>> pairs,
            Story story) {
        var d = new LinkedHashMap<String, Object>();
        var parties = new ArrayList<Map<String, String>>();
        s.parties().forEach(p -> parties.add(Map.of("id", p.id(), "name", p.name())));
        var issues = new ArrayList<Map<String, Object>>();
        s.issues().forEach(i -> issues.add(Map.of("id", i.id(), "name", i.name(), "options", i.options().stream().map(
                o -> o.id()).toList())));
        d.put("scenario", Map.of("parties", parties, "issues", issues));
        var packages = new ArrayList<Object>();
        var index = new LinkedHashMap<Object, Integer>();
        // A package is written as its options' places, issue by issue ("0,2,1,…"): a tenth of its words.
        java.util.function.Function<Object, Integer> at = pkg -> index.computeIfAbsent(pkg, k -> {
            var places = new ArrayList<String>();
            for (var issue : s.issues()) {
                String option = (String) ((Map<?, ?>) k).get(issue.id());
                places.add(Integer.toString(issue.indexOf(option)));
            }
            packages.add(String.join(",", places));
            return packages.size() - 1;
        });
        var rows = new ArrayList<Map<String, Object>>();
        for (Object o : (List<?>) progress.get("rows")) {
            var row = new LinkedHashMap<String, Object>();
            ((Map<?, ?>) o).forEach((k, v) -> row.put((String) k, v));
            row.put("p", at.apply(row.remove("package")));
            rows.add(row);
        }
        d.put("progress", Map.of("principals", progress.get("principals"), "rows", rows));
        var compact = new LinkedHashMap<String, Object>();
        pairs.forEach((key, z) -> {
            var copy = new LinkedHashMap<>(z);
            var frontier = new ArrayList<Map<String, Object>>();
            for (Object o : (List<?>) z.get("frontier")) {
                Map<?, ?> point = (Map<?, ?>) o;
                frontier.add(Map.of("u", point.get("u"), "p", at.apply(point.get("package"))));
            }
            copy.put("frontier", frontier);
            compact.put(key, copy);
        });
        d.put("pairs", compact);
        d.put("packages", packages);
        d.put("solutions", Pictures.solutionLabels());
        d.put("current", story.agreed() ? "the deal" : "the last text");
        return scriptSafe(Json.write(d));
    }

    /**
     * A line chart for a report's page: a canvas and its data, which the page's script draws with
     * {@code ParleyCharts.lineChart}.
     *
     * @param series each {@code {"label", "data": [number or null, …], "dashed"}}, a number per label
     */
    public static String lineChart(String id, String description, List<?> labels, String xTitle, String yTitle,
            Double yMin, Double yMax, List<Map<String, Object>> series) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("labels", labels);
        spec.put("xTitle", xTitle);
        spec.put("yTitle", yTitle);
        spec.put("yMin", yMin);
        spec.put("yMax", yMax);
        spec.put("series", series);
        return "<div class=\"chart\"><canvas id=\"" + escape(id) + "\" role=\"img\" aria-label=\"" + escape(
                description) + "\"></canvas></div>\n<script type=\"application/json\" class=\"chart-data\" "
                + "data-canvas=\"" + escape(id) + "\">" + scriptSafe(Json.write(spec)) + "</script>\n";
    }

    /** JSON that no text of a scenario can end early inside a script element: every {@code <} written as \\u003c. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
