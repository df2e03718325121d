package dev.parley.cli;

import dev.parley.server.ReportPage;

import dev.parley.scenario.report.TextTable;

import dev.parley.scenario.report.Text;

import dev.parley.engine.monitor.Dashboard;
import dev.parley.engine.monitor.Incident;
import dev.parley.engine.monitor.IncidentFilter;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.Violation;
import dev.parley.scenario.monitor.MonitorDocuments;
import dev.parley.scenario.wire.Csv;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley monitor report}: the dashboard, as text, JSON, CSV and a self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "The monitoring dashboard: incidents per day against the baseline before each clause started (the "
                + "--window days before its start against the days after), incidents alleged against each side "
                + "beside those verified, launched against destroyed per claimant, the violations of each clause, "
                + "and the places.",
        "With --out DIR it also writes dashboard.html (self-contained, no script, no network), dashboard.json, "
                + "incidents.csv and violations.csv."})
final class MonitorReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MonitorStore where;

    @Mixin
    MonitorArgs.Filter filter;

    @Option(names = "--window", defaultValue = "30", paramLabel = "DAYS", description = "The baseline's days before "
            + "and after a clause's start (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "What is printed: text, "
            + "json, or csv (the daily counts) (default: ${DEFAULT-VALUE}).")
    TableFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the dashboard's files into DIR.")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        if (window < 1 || window > 3660) { // checked before anything is read
            throw new UsageException("--window: give 1 to 3660 days, not " + window);
        }
        IncidentFilter f = filter.filter();
        Ledger ledger = MonitorQueries.read(where);
        List<Incident> incidents = ledger.select(f);
        Dashboard d = Dashboard.of(incidents, ledger.clauses(), window);
        List<Violation> violations = Violation.check(incidents, ledger.clauses());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(Json.pretty(MonitorDocuments.dashboard(d)));
            case CSV -> out.print(dailyCsv(d));
            case TEXT -> out.print(text(d));
        }
        if (outDir != null) {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new UsageException("--out: " + outDir + " is a file, not a folder");
            }
            Files.createDirectories(outDir);
            AtomicFiles.write(outDir.resolve("dashboard.json"), Json.pretty(MonitorDocuments.dashboard(d)) + "\n");
            var csv = new StringBuilder(Csv.row(MonitorQueries.INCIDENT_COLUMNS));
            incidents.forEach(i -> csv.append(Csv.row(MonitorQueries.row(i))));
            AtomicFiles.write(outDir.resolve("incidents.csv"), csv.toString());
            AtomicFiles.write(outDir.resolve("violations.csv"), MonitorQueries.violationsCsv(violations));
            AtomicFiles.write(outDir.resolve("dashboard.html"), html(d, incidents));
            if (format == TableFormat.TEXT) {
                out.println("Dashboard written to " + outDir.resolve("dashboard.html"));
            }
        }
        return ExitCodes.OK;
    }

    static String dailyCsv(Dashboard d) {
        var csv = new StringBuilder(Csv.row(List.of("day", "incidents", "attacks", "verified")));
        d.days().forEach(x -> csv.append(Csv.row(List.of(x.date(), x.incidents(), x.attacks(), x.verified()))));
        return csv.toString();
    }

    static String text(Dashboard d) {
        var s = new StringBuilder();
        s.append(Text.plural(d.incidents(), "incident")).append(", ").append(Text.plural(d.claims(), "claim"));
        if (!d.days().isEmpty()) {
            s.append(", ").append(d.days().get(0).date()).append(" to ").append(d.days().get(d.days().size() - 1)
                    .date());
        }
        s.append("\n\n");
        if (!d.baselines().isEmpty()) {
            s.append("Before and after each clause (incidents of the kind it forbids, per day):\n");
            var t = new TextTable("  ", "CLAUSE", "START", ">BEFORE/DAY", ">DAYS", ">AFTER/DAY", ">DAYS", ">CHANGE");
            d.baselines().forEach(b -> t.row(b.clause().id(), Dashboard.day(b.clause().from()), two(b.beforePerDay()),
                    days(b.beforeDays()), two(b.afterPerDay()), days(b.afterDays()), change(b)));
            s.append(t.render()).append('\n');
            s.append("Violations per clause:\n");
            var v = new TextTable("  ", "CLAUSE", ">ALLEGED", ">VERIFIED", "ALLEGED AGAINST", "FORBIDS");
            d.violations().forEach(c -> v.row(c.clause().id(), c.alleged(), c.verified(), c.allegedAgainst()
                    .toString(), c.clause().title()));
            s.append(v.render()).append('\n');
        } else {
            s.append("No clauses set, so no baseline and no violations (parley monitor clauses).\n\n");
        }
        s.append("Alleged against each side, and verified:\n");
        var sides = new TextTable("  ", "SIDE", ">ALLEGED", ">VERIFIED");
        d.sides().forEach(x -> sides.row(x.party(), x.alleged(), x.verified()));
        s.append(sides.render()).append('\n');
        s.append("What each claimant says was launched and destroyed (best figures):\n");
        var q = new TextTable("  ", "CLAIMANT", ">CLAIMS", ">LAUNCHED", ">DESTROYED", ">NOT REACHING", ">IMPACTED");
        d.quantities().forEach(x -> q.row(x.claimant(), x.claims(), x.launched(), x.destroyed(), x.notReached(), x
                .impacted()));
        s.append(q.render()).append('\n');
        s.append("Places (most incidents first):\n");
        var p = new TextTable("  ", "PLACE", ">INCIDENTS", ">CLAIMS", ">VERIFIED");
        d.places().stream().limit(15).forEach(x -> p.row(x.place(), x.incidents(), x.claims(), x.verified()));
        s.append(p.render());
        if (d.places().size() > 15) {
            s.append("  ... and ").append(d.places().size() - 15).append(" more places\n");
        }
        return s.toString();
    }

    /** Whole days as a whole number, a part of a day to two decimals. */
    private static String days(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : two(d);
    }

    private static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String change(Dashboard.Baseline b) {
        if (b.beforeDays() == 0 || b.afterDays() == 0) {
            return "n/a";
        }
        if (b.beforePerDay() == 0) {
            return b.afterPerDay() == 0 ? "0%" : "new";
        }
        return String.format(Locale.ROOT, "%+.0f%%", 100 * (b.afterPerDay() / b.beforePerDay() - 1));
    }

    /** The self-contained page: the figures first, then the daily chart, then the tables. */
    static String html(Dashboard d, List<Incident> incidents) throws IOException {
        var h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Ceasefire monitoring</title><style>body{font-family:system-ui,sans-serif;margin:2em;"
                + "max-width:1100px}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .6em;"
                + "border-bottom:1px solid #ddd;text-align:left}td.n,th.n{text-align:right}.chart svg{max-width:100%;"
                + "height:auto}.bar{display:inline-block;height:.8em;background:#4a7ab5}.bar.v{background:#c0392b}"
                + ".big{font-size:1.4em;font-weight:600}</style></head><body>\n<h1>Ceasefire monitoring</h1>\n");
        h.append("<p class=\"big\" id=\"summary\">").append(d.incidents()).append(" incidents, ").append(d.claims())
                .append(" claims");
        if (!d.days().isEmpty()) {
            h.append(", ").append(d.days().get(0).date()).append(" to ").append(d.days().get(d.days().size() - 1)
                    .date());
        }
        h.append("</p>\n");
        if (!d.baselines().isEmpty()) {
            h.append("<h2>Before and after each clause</h2>\n<p>Incidents of the kind the clause forbids, per day, in "
                    + "the days before it started against the days after.</p>\n<table id=\"baselines\"><tr><th>Clause"
                    + "</th><th>Start</th><th class=\"n\">Before, per day</th><th class=\"n\">Days</th><th class=\"n\">"
                    + "After, per day</th><th class=\"n\">Days</th><th class=\"n\">Change</th></tr>\n");
            for (Dashboard.Baseline b : d.baselines()) {
                h.append("<tr><td>").append(esc(b.clause().title())).append("</td><td>").append(Dashboard.day(b
                        .clause().from())).append("</td><td class=\"n\">").append(two(b.beforePerDay())).append(
                                "</td><td class=\"n\">")
                        .append(days(b.beforeDays())).append("</td><td class=\"n\">").append(
                                two(b.afterPerDay()))
                        .append("</td><td class=\"n\">").append(days(b.afterDays()))
                        .append("</td><td class=\"n\">").append(change(b)).append("</td></tr>\n");
            }
            h.append("</table>\n<h2>Violations per clause</h2>\n<table id=\"violations\"><tr><th>Clause</th><th>"
                    + "From</th><th>Until</th><th class=\"n\">Alleged</th><th class=\"n\">Verified</th><th>Alleged "
                    + "against</th></tr>\n");
            for (Dashboard.ClauseCount c : d.violations()) {
                h.append("<tr><td>").append(esc(c.clause().title())).append("</td><td>").append(Dashboard.day(c
                        .clause().from())).append("</td><td>").append(c.clause().until().map(
                                u -> Dashboard.day(u
                                        .minusSeconds(1)).toString())
                                .orElse("no end"))
                        .append("</td><td class=\"n\">").append(
                                c.alleged())
                        .append("</td><td class=\"n\">").append(c.verified()).append(
                                "</td><td>")
                        .append(esc(c.allegedAgainst().toString())).append(
                                "</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!d.days().isEmpty()) {
            h.append("<h2>Incidents per day</h2>\n<div class=\"chart\" id=\"daily\">").append(Svg.of(daily(d)))
                    .append("</div>\n");
        }
        h.append("<h2>Claimed and verified, per side</h2>\n<table id=\"sides\"><tr><th>Side</th><th class=\"n\">"
                + "Alleged</th><th class=\"n\">Verified</th><th></th></tr>\n");
        int most = d.sides().stream().mapToInt(Dashboard.Side::alleged).max().orElse(1);
        for (Dashboard.Side x : d.sides()) {
            h.append("<tr><td>").append(esc(x.party())).append("</td><td class=\"n\">").append(x.alleged()).append(
                    "</td><td class=\"n\">").append(x.verified()).append("</td><td>").append(bar(x.alleged(), most, ""))
                    .append("<br>").append(bar(x.verified(), most, " v")).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Launched and destroyed, per claimant</h2>\n<table id=\"quantities\"><tr><th>Claimant"
                + "</th><th class=\"n\">Claims</th><th class=\"n\">Launched</th><th class=\"n\">Destroyed</th><th "
                + "class=\"n\">Not reaching</th><th class=\"n\">Impacted</th><th class=\"n\">Intercepted</th></tr>\n");
        for (Dashboard.Quantities x : d.quantities()) {
            h.append("<tr><td>").append(esc(x.claimant())).append("</td><td class=\"n\">").append(x.claims()).append(
                    "</td><td class=\"n\">").append(x.launched()).append("</td><td class=\"n\">").append(x.destroyed())
                    .append("</td><td class=\"n\">").append(x.notReached()).append("</td><td class=\"n\">").append(x
                            .impacted())
                    .append("</td><td class=\"n\">").append(x.launched() == 0
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.0f%%", 100.0 * x.destroyed() / x.launched()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Places</h2>\n<table id=\"places\"><tr><th>Place</th><th class=\"n\">Incidents</th><th "
                + "class=\"n\">Claims</th><th class=\"n\">Verified</th></tr>\n");
        d.places().stream().limit(100).forEach(x -> h.append("<tr><td>").append(esc(x.place())).append(
                "</td><td class=\"n\">").append(x.incidents()).append("</td><td class=\"n\">").append(x.claims())
                .append("</td><td class=\"n\">").append(x.verified()).append("</td></tr>\n"));
        h.append("</table>\n<h2>Incidents</h2>\n<table id=\"incidents\"><tr><th>Incident</th><th>Day</th><th>Type</th>"
                + "<th>Place</th><th>Claimants</th><th>Alleged</th><th>Occurrence</th><th>Attribution</th></tr>\n");
        incidents.stream().limit(500).forEach(i -> {
            List<Object> r = MonitorQueries.row(i);
            h.append("<tr>");
            for (int k : new int[]{0, 1, 2, 3, 4, 5, 7, 8}) {
                h.append("<td>").append(esc(r.get(k).toString())).append("</td>");
            }
            h.append("</tr>\n");
        });
        h.append("</table>\n");
        if (incidents.size() > 500) {
            h.append("<p>The first 500 of ").append(incidents.size())
                    .append(" incidents; incidents.csv has all.</p>\n");
        }
        h.append("<p><small>Made by Parley. Days are UTC. Claims are never merged: alleged counts rest on any claim, "
                + "verified on monitors' assessments.</small></p>\n</body></html>\n");
        return h.toString();
    }

    private static XYChart daily(Dashboard d) {
        XYChart chart = new XYChartBuilder().width(900).height(320).xAxisTitle("days since " + d.days().get(0).date())
                .yAxisTitle("incidents").build();
        chart.getStyler().setMarkerSize(4);
        java.time.LocalDate first = d.days().get(0).date();
        double[] x = d.days().stream().mapToDouble(day -> java.time.temporal.ChronoUnit.DAYS.between(first, day
                .date())).toArray();
        chart.addSeries("incidents", x, d.days().stream().mapToDouble(Dashboard.Day::incidents).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("verified", x, d.days().stream().mapToDouble(Dashboard.Day::verified).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        double top = d.days().stream().mapToInt(Dashboard.Day::incidents).max().orElse(1);
        for (Dashboard.Baseline b : d.baselines()) {
            double at = java.time.temporal.ChronoUnit.DAYS.between(first, Dashboard.day(b.clause().from()));
            chart.addSeries("start: " + b.clause().id(), new double[]{at, at}, new double[]{0, top})
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }

    private static String bar(int n, int most, String kind) {
        return "<span class=\"bar" + kind + "\" style=\"width:" + Math.round(300.0 * n / Math.max(1, most))
                + "px\"></span>";
    }

    private static String esc(String s) {
        return ReportPage.escape(s);
    }
}
