package dev.parley.cli;

import dev.parley.server.ReportPage;

import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import java.util.List;
import java.util.Locale;

/**
 * {@code forecast.html}: one self-contained page (no script, nothing fetched) with the forecast's figures and charts:
 * the share of draws agreed by each round (with its 95% band, drawn as every report draws), the likeliest deals, the options
 * agreed per issue, what blocks, and the sensitivity as a tornado (bars drawn in CSS). Stateless.
 */
final class ForecastReport {
    private ForecastReport() {
    }

    static String html(Scenario s, Settings settings, int runs, long seed, Summary x,
            dev.parley.scenario.wire.ForecastJson.Calendar calendar) {
        var out = new StringBuilder();
        out.append("<h1>Forecast: ").append(ReportPage.escape(s.title())).append("</h1>\n");
        out.append("<p>Scenario <code>").append(ReportPage.escape(s.id())).append("</code>, ").append(runs).append(
                " draws of the uncertain profiles (").append(
                        ReportPage.escape(String.join(", ", s.uncertainty()
                                .keySet())))
                .append("), seed ").append(seed).append(", ").append(ReportPage.escape(settings
                        .kind().id()))
                .append(
                        ". Every share with its 95% Wilson interval. Numbers are the scenario's, and "
                                + "for ceasefire-2025 illustrative modelling assumptions.</p>\n");
        out.append("<table>\n");
        row(out, "Deal reached", x.agreement());
        row(out, "Zone empty (no package every ratifying party accepts)", x.zoneEmpty());
        row(out, "Deal is the fair (Nash) package of its draw", x.dealIsNash());
        out.append("<tr><td>Mean Nash product share of the deal</td><td class=\"n\">").append(fmt(x.meanNashShare()))
                .append("</td><td></td></tr>\n");
        if (x.rounds().median().isPresent()) {
            int median = x.rounds().median().getAsInt();
            int p80 = x.rounds().p80().getAsInt();
            out.append("<tr><td>Rounds to a deal: median, 80%</td><td class=\"n\">").append(median).append(", ")
                    .append(p80).append("</td><td>").append(calendar.round().isPresent()
                            ? ReportPage.escape(calendar.text(median) + "; " + calendar.text(p80))
                            : "")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");

        out.append("<h2>Share of draws agreed by each round</h2>\n").append(agreedByChart(x));

        if (!x.deals().isEmpty()) {
            out.append("<h2>The likeliest deals</h2>\n<table><tr><th>share</th><th></th><th>package</th></tr>\n");
            for (Summary.Frequency f : x.deals()) {
                out.append("<tr><td class=\"n\">").append(pct(f.share())).append("</td><td>").append(bar(f.share()
                        .share(), 10)).append("</td><td class=\"pkg\">").append(ReportPage.escape(f.outcome().format(s
                                .issues())))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n<h2>Per issue, the options agreed</h2>\n<table>\n");
            for (int i = 0; i < s.issues().size(); i++) {
                Issue issue = s.issues().get(i);
                out.append("<tr><th colspan=\"3\">").append(ReportPage.escape(issue.id() + ": " + issue.name()))
                        .append(
                                "</th></tr>\n");
                for (Summary.OptionShare o : x.options().get(i)) {
                    out.append("<tr><td>").append(ReportPage.escape(issue.option(o.option()).label())).append(
                            "</td><td class=\"n\">").append(pct(o.share())).append("</td><td>").append(bar(o.share()
                                    .share(), 10))
                            .append("</td></tr>\n");
                }
            }
            out.append("</table>\n");
        }
        if (!x.nash().isEmpty()) {
            out.append("<h2>How often each package is the fair (Nash) package</h2>\n<table>\n");
            for (Summary.Frequency f : x.nash()) {
                out.append("<tr><td class=\"n\">").append(pct(f.share())).append("</td><td class=\"pkg\">").append(
                        ReportPage.escape(f.outcome().format(s.issues()))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        blockers(out, "What leaves no zone (relaxing it would open one)", x.blocking());
        blockers(out, "Who rejected the final text, when the talks ended without a deal", x.refusals());
        List<Summary.Effect> effects = x.sensitivity().stream().limit(15).toList();
        if (!effects.isEmpty()) {
            out.append("<h2>What moves the chance of a deal most</h2>\n<p>P(deal) among the draws with the figure "
                    + "below its point figure, the best estimate (left), and at or above it (right); the bar is the difference. Marked ~ where "
                    + "the difference is within the 95% margin of chance.</p>\n<table id=\"tornado\">\n");
            for (Summary.Effect e : effects) {
                double d = e.difference();
                out.append("<tr><td>").append(ReportPage.escape(e.parameter())).append("</td><td class=\"n\">").append(
                        fmt(e.low().share())).append(" → ").append(fmt(e.high().share())).append(
                                "</td><td><span class=\"half left\">")
                        .append(d < 0
                                ? "<span class=\"bar neg\" style=\"width:" + width(-d, 12) + "em\"></span>"
                                : "")
                        .append("</span><span class=\"half\">").append(d > 0
                                ? "<span class=\"bar\" style=\"width:" + width(d, 12) + "em\"></span>"
                                : "")
                        .append("</span></td><td class=\"n\">").append(String.format(
                                Locale.ROOT, "%+.1f", 100 * d))
                        .append(Math.abs(d) <= e
                                .margin() ? " ~" : "")
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("<p><small>Made by Parley (Monte Carlo over the profiles' uncertainty).</small></p>\n");
        return ReportPage.page("Parley forecast: " + s.id(), STYLE, out.toString());
    }

    /** The forecast's own style, after the one every report shares. */
    private static final String STYLE = "td,th{vertical-align:top;font-size:14px}th{border-bottom:1px solid #999}"
            + ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.bar{display:inline-block;"
            + "height:.8em;background:#4a78b5}.neg{background:#c0504d}.half{display:inline-block;width:12em}"
            + ".left{text-align:right}.pkg{font-family:monospace;font-size:12px}";

    /** The share of draws agreed by each round, with its 95% band: the charts of every report's page. */
    private static String agreedByChart(Summary x) {
        var labels = new java.util.ArrayList<Object>(List.of(0));
        var share = new java.util.ArrayList<Double>(List.of(0.0));
        var low = new java.util.ArrayList<Double>(List.of(0.0));
        var high = new java.util.ArrayList<Double>(List.of(0.0));
        for (Summary.Step step : x.agreedBy()) {
            labels.add(step.round());
            share.add(step.agreed().share());
            low.add(step.agreed().low());
            high.add(step.agreed().high());
        }
        return ReportPage.lineChart("agreed-by", "The share of draws agreed by each round, with its 95% interval",
                labels, "round", "share of draws agreed", 0.0, 1.0, List.of(java.util.Map.of("label", "agreed", "data",
                        share), java.util.Map.of("label", "95% low", "data", low, "dashed", true),
                        java.util.Map.of(
                                "label", "95% high", "data", high, "dashed", true)));
    }

    private static void blockers(StringBuilder out, String title, List<Summary.Blocker> list) {
        if (list.isEmpty()) {
            return;
        }
        out.append("<h2>").append(ReportPage.escape(title)).append("</h2>\n<table>\n");
        for (Summary.Blocker b : list.subList(0, Math.min(10, list.size()))) {
            out.append("<tr><td class=\"n\">").append(pct(b.share())).append("</td><td>").append(bar(b.share()
                    .share(), 10)).append("</td><td>").append(ReportPage.escape(b.relaxation()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String what, Summary.Share share) {
        out.append("<tr><td>").append(ReportPage.escape(what)).append("</td><td class=\"n\">").append(pct(share))
                .append(
                        "</td><td>")
                .append(bar(share.share(), 10)).append("</td></tr>\n");
    }

    private static String bar(double share, double em) {
        return "<span class=\"bar\" style=\"width:" + width(share, em) + "em\"></span>";
    }

    private static String width(double share, double em) {
        return String.format(Locale.ROOT, "%.2f", Math.max(0, Math.min(1, share)) * em);
    }

    private static String pct(Summary.Share x) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]", 100 * x.share(), 100 * x.low(), 100 * x.high());
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
