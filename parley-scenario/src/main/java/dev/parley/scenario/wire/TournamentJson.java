package dev.parley.scenario.wire;

import dev.parley.engine.tournament.RankSum;
import dev.parley.engine.tournament.Standings;
import dev.parley.engine.tournament.Tournament;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tournament's {@code summary.json}: what was played, the leaderboard and the other standings, every figure a
 * number (exact to 12 decimals; null where it does not apply). Stateless.
 */
public final class TournamentJson {
    /** How an agent's score is defined, in words. */
    public static final String SCORE = "mean advantage (u - r) / (max - r): the share of what the agent could gain "
            + "above its reservation r that it got, max its best utility over every package; 0 without a deal";

    private TournamentJson() {
    }

    public static Map<String, Object> of(String title, Tournament t, Standings s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("title", title);
        m.put("seed", t.seed());
        m.put("sessions", s.sessions());
        m.put("agreed", s.agreed());
        m.put("errors", s.errors());
        m.put("timeouts", s.timeouts());
        m.put("scenarios", t.scenarios().stream().map(Tournament.Entry::name).toList());
        m.put("protocols", t.protocols().stream().map(p -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("name", p.name());
            x.put("type", p.kind().id());
            x.put("rounds", p.rounds());
            p.discount().ifPresent(d -> x.put("discount", d));
            return x;
        }).toList());
        m.put("repetitions", t.repetitions());
        m.put("selfPlay", t.selfPlay());
        m.put("skipped", t.skipped().stream().map(k -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("scenario", k.scenario());
            x.put("protocol", k.protocol());
            x.put("reason", k.reason());
            return x;
        }).toList());
        m.put("score", SCORE);
        m.put("interval", s.interval());
        m.put("significance", RankSum.METHOD);
        m.put("leaderboard", rows(s.agents(), "advantage"));
        m.put("mediators", rows(s.mediators(), "nps"));
        m.put("byProtocol", s.protocols().stream().map(r -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("protocol", r.protocol());
            x.put("sessions", r.sessions());
            x.put("agreed", r.agreed());
            x.put("failed", r.failed());
            x.put("agreementRate", number(r.rate()));
            x.put("nps", number(r.nps()));
            return x;
        }).toList());
        m.put("pairs", s.pairs().stream().map(c -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("agent", c.agent());
            x.put("opponent", c.opponent());
            x.put("plays", c.plays());
            x.put("advantage", number(c.advantage()));
            return x;
        }).toList());
        m.put("comparisons", s.comparisons().stream().map(c -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("a", c.a());
            x.put("b", c.b());
            x.put("u", number(c.u()));
            x.put("z", number(c.z()));
            x.put("p", number(c.p()));
            x.put("pHolm", number(c.adjusted()));
            x.put("significant", c.significant());
            return x;
        }).toList());
        return m;
    }

    private static List<Map<String, Object>> rows(List<Standings.Row> rows, String scoreName) {
        return rows.stream().map(r -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("rank", r.rank());
            x.put("agent", r.agent());
            x.put("plays", r.plays());
            x.put(scoreName, number(r.score()));
            x.put("low", number(r.low()));
            x.put("high", number(r.high()));
            if (scoreName.equals("advantage")) {
                x.put("utility", number(r.utility()));
                x.put("nps", number(r.nps()));
            }
            x.put("agreementRate", number(r.agreement()));
            x.put("paretoDistance", number(r.figures().paretoDistance()));
            x.put("nashDistance", number(r.figures().nashDistance()));
            x.put("welfare", number(r.figures().welfare()));
            x.put("rounds", number(r.figures().rounds()));
            if (scoreName.equals("advantage")) {
                x.put("victoryIndex", number(r.figures().victory()));
            }
            x.put("errors", r.errors());
            x.put("timeouts", r.timeouts());
            return (Map<String, Object>) x;
        }).toList();
    }

    private static Double number(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? null : Json.exact(x);
    }
}
