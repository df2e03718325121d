package dev.parley.scenario.report;

import dev.parley.engine.analysis.Picture;
import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code report.html}: one self-contained page, readable offline — the story as text, each party's utility and the
 * gap over the rounds, and the frontier plot for every pair of parties (the two principals first, the others chosen
 * in the page) with the zone, the Nash and Kalai–Smorodinsky packages and the deal. Charts are XChart SVG, inline.
 */
public final class StoryReport {

    private StoryReport() {
    }

    /** The story's page: {@link #section} under the scenario's title. */
    public static String html(Scenario s, Story story, Analysis analysis, Optional<Outcome> deal) throws IOException {
        return page("Parley run: " + s.id(), "<h1>" + escape(s.title()) + "</h1>\n" + section("", s, story,
                analysis, deal));
    }

    /** A self-contained page around {@code body}: the style, no script but the pair chooser's, nothing fetched. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 "
                + "1em;color:#222}pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:13px}h1{font-size:1.5em}"
                + "h2{font-size:1.2em;margin-top:2em}.chart svg{max-width:100%;height:auto}select{font-size:1em;"
                + "padding:.2em}table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;"
                + "text-align:left}summary{cursor:pointer;font-weight:600}</style>\n</head><body>\n" + body
                + "<p><small>Made by Parley. Charts: XChart.</small></p>\n</body></html>\n";
    }

    /**
     * One story as a section of a page: the result first (the deal beside the fair packages, the flags with their
     * figures), then each party's utility, the gap and the distance to acceptance round by round, the frontier of
     * every pair, and last the rounds themselves, folded when they are long. {@code prefix} keeps the ids of several
     * sections on one page apart.
     */
    public static String section(String prefix, Scenario s, Story story, Analysis analysis, Optional<Outcome> deal)
            throws IOException {
        var out = new StringBuilder("<section class=\"story\" id=\"").append(prefix).append("story\">\n");
        out.append("<p>Scenario <code>").append(escape(s.id())).append("</code>. Numbers are the scenario's, and "
                + "for ceasefire-2025 illustrative modelling assumptions.</p>\n");
        out.append("<h2>The result</h2>\n<pre id=\"").append(prefix).append("result\">").append(escape(story.text(
                true))).append("</pre>\n");
        List<Story.Row> rows = story.rows();
        if (!rows.isEmpty()) {
            out.append("<h2>Each party's utility, round by round</h2>\n<div class=\"chart\" id=\"").append(prefix)
                    .append("utilities\">").append(svg(utilityChart(rows))).append("</div>\n");
            if (rows.stream().anyMatch(r -> r.gap().isPresent())) {
                out.append("<h2>The gap between the principals</h2>\n<div class=\"chart\" id=\"").append(prefix)
                        .append("gap\">").append(svg(gapChart(rows))).append("</div>\n");
            }
            out.append("<h2>How far each ratifying party is from accepting</h2>\n<p>Its reservation less its "
                    + "utility of the text or offer, when it falls short (0: it could accept).</p>\n"
                    + "<div class=\"chart\" id=\"").append(prefix).append("short-of\">").append(svg(shortOfChart(
                            rows)))
                    .append("</div>\n");
        }
        out.append(frontierSection(prefix, s, analysis, deal));
        String rounds = story.rounds();
        boolean folded = rounds.lines().count() > FOLDED_OVER;
        out.append("<h2>The talks, round by round</h2>\n<details id=\"").append(prefix).append("rounds\"").append(
                folded ? "" : " open").append("><summary>").append(escape(
                        Text.plural(rows.size(), "row")
                                + (folded ? ": open to read" : "")))
                .append("</summary>\n<pre>").append(escape(rounds))
                .append("</pre></details>\n</section>\n");
        return out.toString();
    }

    /** The rows of a story shown open; a longer one is folded. */
    static final int FOLDED_OVER = 60;

    private static XYChart utilityChart(List<Story.Row> rows) {
        XYChart chart = new XYChartBuilder().width(900).height(380).xAxisTitle("round").yAxisTitle("utility").build();
        chart.getStyler().setMarkerSize(5);
        double[] x = rows.stream().mapToDouble(r -> r.round() + 1).toArray();
        for (String party : rows.get(0).utilities().keySet()) {
            double[] y = rows.stream().mapToDouble(r -> r.utilities().get(party)).toArray();
            chart.addSeries(party, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }

    private static XYChart gapChart(List<Story.Row> rows) {
        XYChart chart = new XYChartBuilder().width(900).height(300).xAxisTitle("round")
                .yAxisTitle("gap (0 = same positions)").build();
        var withGap = rows.stream().filter(r -> r.gap().isPresent()).toList();
        chart.addSeries("gap", withGap.stream().mapToDouble(r -> r.round() + 1).toArray(),
                withGap.stream().mapToDouble(r -> r.gap().orElseThrow()).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    private static XYChart shortOfChart(List<Story.Row> rows) {
        XYChart chart = new XYChartBuilder().width(900).height(300).xAxisTitle("round")
                .yAxisTitle("short of its reservation").build();
        chart.getStyler().setMarkerSize(5);
        double[] x = rows.stream().mapToDouble(r -> r.round() + 1).toArray();
        for (String party : rows.get(0).shortOf().keySet()) {
            chart.addSeries(party, x, rows.stream().mapToDouble(r -> r.shortOf().get(party)).toArray())
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }

    private static String frontierSection(String prefix, Scenario s, Analysis analysis, Optional<Outcome> deal)
            throws IOException {
        List<String> parties = new ArrayList<>(analysis.ratifying());
        if (parties.size() < 2) {
            return "";
        }
        // The principals first, so that the first pair is theirs.
        List<String> principals = s.principals().stream().filter(parties::contains).toList();
        var ordered = new LinkedHashSet<>(principals);
        ordered.addAll(parties);
        parties = new ArrayList<>(ordered);
        List<double[]> zone = Picture.zone(analysis, parties).orElse(null);
        List<FrontierPoint> frontier = analysis.frontier(Integer.MAX_VALUE);
        Map<SolutionKind, Solution> sol = analysis.solutions();
        var out = new StringBuilder("<h2>The frontier</h2>\n<p>");
        out.append(zone == null
                ? "The zone is too large to draw; the frontier is shown."
                : "Grey: the agreement zone (" + Text.count(analysis.agreementZone().orElse(0))
                        + " outcomes, one dot per "
                        + "0.005 × 0.005 of utility). ");
        out.append(" Blue: its Pareto frontier. Green diamond: Nash; orange square: Kalai–Smorodinsky; red "
                + "triangle: the deal (each drawn around its point). Axes: <select id=\"" + prefix
                + "pair\" onchange=\"for(const d of "
                + "this.closest('section').querySelectorAll('.pair'))d.style.display=d.id===this.value?'block':'none'"
                + "\">");
        var charts = new StringBuilder();
        boolean first = true;
        for (int a = 0; a < parties.size(); a++) {
            for (int b = a + 1; b < parties.size(); b++) {
                String x = parties.get(a);
                String y = parties.get(b);
                String id = prefix + "pair-" + x + "-" + y;
                out.append("<option value=\"").append(id).append("\">").append(escape(x + " × " + y))
                        .append("</option>");
                charts.append("<div class=\"chart pair\" id=\"").append(id).append("\" style=\"display:")
                        .append(first ? "block" : "none").append("\">")
                        .append(svg(frontierChart(s, x, y, parties, zone, frontier, sol, deal, a, b)))
                        .append("</div>\n");
                first = false;
            }
        }
        out.append("</select></p>\n").append(charts);
        return out.toString();
    }

    private static XYChart frontierChart(Scenario s, String x, String y, List<String> parties, List<double[]> zone,
            List<FrontierPoint> frontier, Map<SolutionKind, Solution> sol, Optional<Outcome> deal, int a, int b) {
        XYChart chart = new XYChartBuilder().width(700).height(600).xAxisTitle("utility of " + x)
                .yAxisTitle("utility of " + y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        if (zone != null && !zone.isEmpty()) {
            var seen = new LinkedHashSet<Long>();
            var px = new ArrayList<Double>();
            var py = new ArrayList<Double>();
            for (double[] u : zone) {
                // One dot per 0.005 × 0.005 cell: finer than a marker, so nothing visible is lost.
                long key = Math.round(u[a] * 200) * 100_000L + Math.round(u[b] * 200);
                if (seen.add(key)) {
                    px.add(u[a]);
                    py.add(u[b]);
                }
            }
            series(chart, "zone", px, py, new Color(200, 200, 200), SeriesMarkers.CIRCLE);
        }
        if (!frontier.isEmpty()) {
            series(chart, "frontier", frontier.stream().map(f -> f.utilities().get(x)).toList(),
                    frontier.stream().map(f -> f.utilities().get(y)).toList(), new Color(40, 90, 200),
                    SeriesMarkers.CIRCLE);
        }
        // XChart has no per-series marker size: the reference points are drawn as outlined shapes, big enough to see.
        double span = Math.max(0.02, frontier.stream().mapToDouble(f -> f.utilities().get(x)).max().orElse(1)
                - frontier.stream().mapToDouble(f -> f.utilities().get(x)).min().orElse(0));
        double r = span * 0.025;
        Optional.ofNullable(sol.get(SolutionKind.NASH)).ifPresent(n -> shape(chart, "Nash", n.utilities().get(x),
                n.utilities().get(y), r, new double[][]{{-1, 0}, {0, 1}, {1, 0}, {0, -1}, {-1, 0}},
                new Color(0, 150, 80)));
        Optional.ofNullable(sol.get(SolutionKind.KALAI_SMORODINSKY)).ifPresent(k -> shape(chart, "Kalai-Smorodinsky",
                k.utilities().get(x), k.utilities().get(y), r,
                new double[][]{{-1, -1}, {-1, 1}, {1, 1}, {1, -1}, {-1, -1}}, new Color(230, 150, 0)));
        deal.ifPresent(d -> shape(chart, "deal", UtilityTable.of(s.space(), s.profiles().get(x)).utility(d.toArray()),
                UtilityTable.of(s.space(), s.profiles().get(y)).utility(d.toArray()), r * 1.3,
                new double[][]{{-1, -0.8}, {0, 1}, {1, -0.8}, {-1, -0.8}}, new Color(210, 30, 30)));
        return chart;
    }

    /** A closed outline (unit-shape {@code corners} scaled by {@code r}) around (x, y), as a thick line. */
    private static void shape(XYChart chart, String name, double x, double y, double r, double[][] corners,
            Color color) {
        double[] xs = new double[corners.length];
        double[] ys = new double[corners.length];
        for (int i = 0; i < corners.length; i++) {
            xs[i] = x + r * corners[i][0];
            ys[i] = y + r * corners[i][1];
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(3f);
    }

    private static void series(XYChart chart, String name, List<Double> x, List<Double> y, Color color,
            Marker marker) {
        XYSeries series = chart.addSeries(name, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    public static String svg(XYChart chart) throws IOException {
        var bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start >= 0 ? svg.substring(start) : svg;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
