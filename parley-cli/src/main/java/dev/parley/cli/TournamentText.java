package dev.parley.cli;

import dev.parley.scenario.report.TextTable;

import dev.parley.engine.tournament.RankSum;
import dev.parley.engine.tournament.Standings;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.wire.TournamentJson;
import java.util.Locale;

/** {@code parley tournament}'s standings as text: what was played, the leaderboard, mediators, protocols, tests. */
final class TournamentText {
    private TournamentText() {
    }

    static String text(String title, Tournament t, Standings s) {
        var b = new StringBuilder();
        b.append(title).append(": ").append(s.sessions()).append(" sessions (").append(t.scenarios().size()).append(
                " scenario").append(t.scenarios().size() == 1 ? "" : "s").append(" × ").append(t.protocols().size())
                .append(" protocol").append(t.protocols().size() == 1 ? "" : "s").append(", ").append(t
                        .repetitions())
                .append(" repetition").append(t.repetitions() == 1 ? "" : "s").append(
                        ", self-play ")
                .append(t.selfPlay() ? "on" : "off").append(", seed ").append(t.seed())
                .append(")\n");
        b.append("Agreed ").append(s.agreed()).append(", errors ").append(s.errors()).append(", timed out ").append(s
                .timeouts()).append('\n');
        var skipped = new java.util.LinkedHashMap<String, java.util.List<Tournament.Skipped>>();
        t.skipped().forEach(k -> skipped.computeIfAbsent(k.protocol(), x -> new java.util.ArrayList<>()).add(k));
        skipped.forEach((protocol, list) -> b.append("Skipped ").append(protocol).append(" on ")
                .append(list.size() == 1
                        ? list.get(0).scenario()
                        : list.size() + " scenarios (" + list.get(0).scenario() + " … " + list
                                .get(list.size() - 1).scenario() + ")")
                .append(": ").append(list.get(0).reason()).append(list
                        .size() > 1 ? " (and alike)" : "")
                .append('\n'));
        b.append("\nLeaderboard (score: ").append(TournamentJson.SCORE).append("; ").append(Standings.INTERVAL)
                .append(")\n");
        var table = new TextTable("  ", ">rank", "agent", ">plays", ">advantage", ">95% interval", ">utility",
                ">agreed", ">NPS", ">errors", ">timeouts");
        for (Standings.Row r : s.agents()) {
            table.row(r.rank(), r.agent(), r.plays(), f(r.score()), interval(r), f(r.utility()), pct(r.agreement()),
                    f(r.nps()), r.errors(), r.timeouts());
        }
        b.append(table.render());
        if (!s.mediators().isEmpty()) {
            b.append("\nMediators (score: mean NPS of their sessions)\n");
            var m = new TextTable("  ", ">rank", "mediator", ">sessions", ">NPS", ">95% interval", ">agreed",
                    ">errors", ">timeouts");
            for (Standings.Row r : s.mediators()) {
                m.row(r.rank(), r.agent(), r.plays(), f(r.score()), interval(r), pct(r.agreement()), r.errors(), r
                        .timeouts());
            }
            b.append(m.render());
        }
        b.append("\nBy protocol\n");
        var p = new TextTable("  ", "protocol", ">sessions", ">agreed", ">failed", ">agreement", ">NPS");
        for (Standings.Rate r : s.protocols()) {
            p.row(r.protocol(), r.sessions(), r.agreed(), r.failed(), pct(r.rate()), f(r.nps()));
        }
        b.append(p.render());
        long significant = s.comparisons().stream().filter(Standings.Comparison::significant).count();
        if (!s.comparisons().isEmpty()) {
            b.append("\nPairs that differ at 5% (").append(RankSum.METHOD).append("): ").append(significant).append(
                    " of ").append(s.comparisons().size()).append('\n');
            var c = new TextTable("  ", "agent", "agent", ">p", ">p (Holm)", "");
            s.comparisons().stream().filter(Standings.Comparison::significant).limit(20).forEach(x -> c.row(x.a(), x
                    .b(), p(x.p()), p(x.adjusted()), x.z() > 0 ? x.a() + " higher" : x.b() + " higher"));
            if (significant > 0) {
                b.append(c.render());
            }
        }
        return b.toString();
    }

    private static String interval(Standings.Row r) {
        return Double.isNaN(r.low()) ? "" : "[" + f(r.low()) + ", " + f(r.high()) + "]";
    }

    static String f(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.3f", x);
    }

    static String pct(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    private static String p(double x) {
        return x < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", x);
    }
}
