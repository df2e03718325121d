package dev.parley.cli;

import dev.parley.server.ReportPage;

import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * {@code forecast.html}: one self-contained page (no script, nothing fetched) with the forecast's figures and charts:
 * the share of draws agreed by each round (XChart SVG, inline, with its 95% band), the likeliest deals, the options
 * agreed per issue, what blocks, and the sensitivity as a tornado (bars drawn in CSS). Stateless.
 */
final class ForecastReport {
    private ForecastReport() {
    }

    static String html(Scenario s, Settings settings, int runs, long seed, Summary x,
            dev.parley.scenario.wire.ForecastJson.Calendar calendar)
            throws IOException {
        var out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(ReportPage.escape(
                        "Parley forecast: " + s.id()))
                .append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
                        + "color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}table{border-collapse:"
                        + "collapse}td,th{padding:.2em .6em;text-align:left;vertical-align:top;font-size:14px}"
                        + "th{border-bottom:1px solid #999}.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
                        + ".bar{display:inline-block;height:.8em;background:#4a78b5}.neg{background:#c0504d}"
                        + ".half{display:inline-block;width:12em}.left{text-align:right}"
                        + ".chart svg{max-width:100%;height:auto}.pkg{font-family:monospace;font-size:12px}"
                        + "</style>\n</head><body>\n");
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

        out.append("<h2>Share of draws agreed by each round</h2>\n<div class=\"chart\" id=\"agreed-by\">")
                .append(Svg.of(agreedByChart(x)))
                .append("</div>\n");

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
        out.append("<p><small>Made by Parley (Monte Carlo over the profiles' uncertainty). Charts: XChart."
                + "</small></p>\n</body></html>\n");
        return out.toString();
    }

    private static XYChart agreedByChart(Summary x) {
        XYChart chart = new XYChartBuilder().width(900).height(320).xAxisTitle("round").yAxisTitle(
                "share of draws agreed").build();
        double[] rounds = new double[x.agreedBy().size() + 1];
        double[] share = new double[rounds.length];
        double[] low = new double[rounds.length];
        double[] high = new double[rounds.length];
        for (int k = 0; k < x.agreedBy().size(); k++) {
            Summary.Step step = x.agreedBy().get(k);
            rounds[k + 1] = step.round();
            share[k + 1] = step.agreed().share();
            low[k + 1] = step.agreed().low();
            high[k + 1] = step.agreed().high();
        }
        chart.addSeries("agreed", rounds, share).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("95% low", rounds, low).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("95% high", rounds, high).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
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
