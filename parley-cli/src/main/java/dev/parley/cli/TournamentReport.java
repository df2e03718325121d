package dev.parley.cli;

import dev.parley.server.ReportPage;

import dev.parley.engine.tournament.RankSum;
import dev.parley.engine.tournament.Standings;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.wire.TournamentJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A tournament's {@code report.html}: one self-contained page (no script, nothing fetched) with the leaderboard and
 * each agent's interval drawn to scale, the distribution of each agent's advantage, the agreement rate per protocol,
 * and a heat map of agent against agent. Stateless.
 */
final class TournamentReport {
    private TournamentReport() {
    }

    static String html(String title, Tournament t, Standings s) {
        var out = new StringBuilder();
        out.append("<h1>Tournament: ").append(ReportPage.escape(title)).append("</h1>\n<p>").append(s.sessions())
                .append(
                        " sessions: ")
                .append(t.scenarios().size()).append(" scenario(s) × ").append(t.protocols().size())
                .append(" protocol(s), ").append(t.repetitions()).append(" repetition(s), self-play ").append(t
                        .selfPlay() ? "on" : "off")
                .append(", seed ").append(t.seed()).append(". Agreed ").append(s
                        .agreed())
                .append(", errors ").append(s.errors()).append(", timed out ").append(s
                        .timeouts())
                .append(".</p>\n");
        out.append("<h2>Leaderboard</h2>\n<p class=\"note\">Score: ").append(ReportPage.escape(TournamentJson.SCORE))
                .append(". Interval: ").append(ReportPage.escape(Standings.INTERVAL)).append(
                        ". The scale runs from 0 to 1.</p>\n");
        out.append("<table id=\"leaderboard\"><tr><th>rank</th><th>agent</th><th class=\"n\">plays</th><th class=\"n\">"
                + "advantage</th><th>95% interval</th><th class=\"n\">utility</th><th class=\"n\">agreed</th>"
                + "<th class=\"n\">NPS</th><th class=\"n\">errors</th><th class=\"n\">timeouts</th><th>"
                + "distribution of advantage (0 … 1)</th></tr>\n");
        for (Standings.Row r : s.agents()) {
            out.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>")
                    .append(ReportPage.escape(r.agent()))
                    .append("</td><td class=\"n\">").append(r.plays()).append("</td><td class=\"n\">").append(
                            TournamentText.f(r.score()))
                    .append("</td><td>").append(scale(r)).append(
                            "</td><td class=\"n\">")
                    .append(TournamentText.f(r.utility())).append(
                            "</td><td class=\"n\">")
                    .append(TournamentText.pct(r.agreement())).append(
                            "</td><td class=\"n\">")
                    .append(TournamentText.f(r.nps())).append(
                            "</td><td class=\"n\">")
                    .append(r.errors()).append(
                            "</td><td class=\"n\">")
                    .append(r.timeouts())
                    .append("</td><td>").append(histogram(r.bins())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (!s.mediators().isEmpty()) {
            out.append("<h2>Mediators</h2>\n<p class=\"note\">Score: the mean NPS of their sessions.</p>\n<table "
                    + "id=\"mediators\"><tr><th>rank</th><th>mediator</th><th class=\"n\">sessions</th><th "
                    + "class=\"n\">NPS</th><th>95% interval</th><th class=\"n\">agreed</th></tr>\n");
            for (Standings.Row r : s.mediators()) {
                out.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>").append(ReportPage.escape(r
                        .agent())).append("</td><td class=\"n\">").append(r.plays()).append("</td><td class=\"n\">")
                        .append(TournamentText.f(r.score())).append("</td><td>").append(scale(r)).append(
                                "</td><td class=\"n\">")
                        .append(TournamentText.pct(r.agreement())).append(
                                "</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("<h2>Agreement rate per protocol</h2>\n<table id=\"protocols\"><tr><th>protocol</th><th "
                + "class=\"n\">sessions</th><th class=\"n\">agreed</th><th class=\"n\">failed</th><th></th><th "
                + "class=\"n\">rate</th><th class=\"n\">NPS</th></tr>\n");
        for (Standings.Rate r : s.protocols()) {
            out.append("<tr><td>").append(ReportPage.escape(r.protocol())).append("</td><td class=\"n\">").append(r
                    .sessions()).append("</td><td class=\"n\">").append(r.agreed()).append("</td><td class=\"n\">")
                    .append(r.failed()).append("</td><td><span class=\"bar\" style=\"width:").append(em(r.rate(), 12))
                    .append("em\"></span></td><td class=\"n\">").append(TournamentText.pct(r.rate())).append(
                            "</td><td class=\"n\">")
                    .append(TournamentText.f(r.nps())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        heat(out, s.pairs());
        out.append("<h2>Which agents differ</h2>\n<p class=\"note\">").append(ReportPage.escape(RankSum.METHOD))
                .append(
                        ".</p>\n<table id=\"comparisons\"><tr><th>agent</th><th>agent</th><th class=\"n\">z</th><th "
                                + "class=\"n\">p</th><th class=\"n\">p (Holm)</th><th>at 5%</th></tr>\n");
        for (Standings.Comparison c : s.comparisons()) {
            out.append("<tr><td>").append(ReportPage.escape(c.a())).append("</td><td>")
                    .append(ReportPage.escape(c.b()))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", c.z())).append(
                            "</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.4f", c.p())).append(
                            "</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.4f", c.adjusted()))
                    .append("</td><td>").append(c.significant() ? (c.z() > 0 ? c.a() : c.b()) + " higher" : "no")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        return ReportPage.page("Parley tournament: " + title, STYLE, out.toString());
    }

    /** The tournament's own style, after the one every report shares. */
    private static final String STYLE = "td,th{font-size:14px}th{border-bottom:1px solid #999}.n{text-align:right;"
            + "font-variant-numeric:tabular-nums;white-space:nowrap}.scale{position:relative;width:16em;height:1em;"
            + "background:#f0f0f0}.ci{position:absolute;top:.35em;height:.3em;background:#4a78b5}.mean{position:"
            + "absolute;top:0;width:2px;height:1em;background:#222}.bar{display:inline-block;height:.8em;background:"
            + "#4a78b5}.hist{display:flex;align-items:flex-end;height:2.5em;gap:1px}.hist span{display:inline-block;"
            + "width:.9em;background:#4a78b5}.heat td.c{text-align:center;min-width:3.5em}.note{color:#555;"
            + "font-size:13px}";

    /** The interval and the mean drawn on a 0–1 scale. */
    private static String scale(Standings.Row r) {
        if (Double.isNaN(r.score())) {
            return "";
        }
        double lo = Double.isNaN(r.low()) ? r.score() : clamp(r.low());
        double hi = Double.isNaN(r.high()) ? r.score() : clamp(r.high());
        return "<div class=\"scale\" title=\"" + TournamentText.f(r.low()) + " – " + TournamentText.f(r.high())
                + "\"><span class=\"ci\" style=\"left:" + em(lo, 16) + "em;width:" + em(Math.max(hi - lo, 0.005), 16)
                + "em\"></span><span class=\"mean\" style=\"left:" + em(clamp(r.score()), 16) + "em\"></span></div>";
    }

    private static String histogram(List<Integer> bins) {
        int max = bins.stream().mapToInt(Integer::intValue).max().orElse(0);
        var b = new StringBuilder("<div class=\"hist\">");
        for (int k = 0; k < bins.size(); k++) {
            double h = max == 0 ? 0 : 2.5 * bins.get(k) / max;
            b.append("<span title=\"").append(String.format(Locale.ROOT, "%.1f–%.1f: %d", k / 10.0, (k + 1) / 10.0,
                    bins.get(k))).append("\" style=\"height:").append(String.format(Locale.ROOT, "%.2f", h)).append(
                            "em\"></span>");
        }
        return b.append("</div>").toString();
    }

    private static void heat(StringBuilder out, List<Standings.Cell> cells) {
        var agents = new TreeSet<String>();
        Map<String, Map<String, Standings.Cell>> grid = new TreeMap<>();
        for (Standings.Cell c : cells) {
            agents.add(c.agent());
            agents.add(c.opponent());
            grid.computeIfAbsent(c.agent(), a -> new TreeMap<>()).put(c.opponent(), c);
        }
        if (agents.isEmpty()) {
            return;
        }
        out.append("<h2>Agent against agent</h2>\n<p class=\"note\">Each cell: the mean advantage of the row's agent "
                + "in sessions where the column's agent held another principal's seat; darker is higher.</p>\n<table "
                + "class=\"heat\" id=\"heat\"><tr><th></th>");
        for (String a : agents) {
            out.append("<th>").append(ReportPage.escape(a)).append("</th>");
        }
        out.append("</tr>\n");
        for (String row : agents) {
            out.append("<tr><th>").append(ReportPage.escape(row)).append("</th>");
            for (String col : agents) {
                Standings.Cell c = grid.getOrDefault(row, Map.of()).get(col);
                if (c == null) {
                    out.append("<td class=\"c\"></td>");
                } else {
                    double v = clamp(c.advantage());
                    int light = (int) Math.round(95 - 55 * v);
                    out.append("<td class=\"c\" style=\"background:hsl(215,50%,").append(light).append("%);color:")
                            .append(light < 60 ? "#fff" : "#222").append("\" title=\"").append(c.plays()).append(
                                    " plays\">")
                            .append(TournamentText.f(c.advantage())).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static String em(double share, double em) {
        return String.format(Locale.ROOT, "%.2f", clamp(share) * em);
    }
}
