package dev.parley.scenario.wire;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forecast as JSON, for {@code parley forecast --format json}, its {@code forecast.json} and the server's forecast
 * route: one document, every share with its count and 95% interval as numbers, packages as issue → option.
 * Stateless.
 */
public final class ForecastJson {
    private ForecastJson() {
    }

    /** Rounds in calendar time: each round lasts {@code round}; round 0 begins on {@code start}. */
    public record Calendar(java.util.Optional<java.time.Duration> round,
            java.util.Optional<java.time.LocalDate> start) {
        public double days(int rounds) {
            return round.orElseThrow().toSeconds() * (double) rounds / 86_400;
        }

        /** The day the round {@code rounds} ends, counting from the start. */
        public java.util.Optional<java.time.LocalDate> date(int rounds) {
            return start.map(d -> d.atStartOfDay().plus(round.orElseThrow().multipliedBy(rounds)).toLocalDate());
        }

        public Map<String, Object> json(int rounds) {
            var m = new LinkedHashMap<String, Object>();
            m.put("rounds", rounds);
            m.put("days", ForecastJson.round(days(rounds)));
            date(rounds).ifPresent(d -> m.put("date", d.toString()));
            return m;
        }

        public String text(int rounds) {
            String days = String.format(Locale.ROOT, days(rounds) == Math.rint(days(rounds)) ? "%.0f" : "%.1f", days(
                    rounds));
            return "day " + days + date(rounds).map(d -> " (" + d + ")").orElse("");
        }
    }

    /** The forecast as one JSON document: every figure a number, every package issue → option. */
    public static Map<String, Object> of(Scenario s, Settings settings, Forecast.Plan plan, Summary x,
            Calendar calendar) {
        var m = new LinkedHashMap<String, Object>();
        m.put("scenario", s.id());
        m.put("protocol", settings.kind().id());
        m.put("rounds", settings.rounds());
        m.put("seats", plan.seats());
        m.put("runs", x.runs());
        m.put("seed", plan.seed());
        m.put("uncertain", List.copyOf(s.uncertainty().keySet()));
        m.put("agreement", share(x.agreement()));
        m.put("zoneEmpty", share(x.zoneEmpty()));
        m.put("meanNashShare", round(x.meanNashShare()));
        m.put("deals", x.deals().stream().map(f -> frequency(s, f)).toList());
        var options = new LinkedHashMap<String, Object>();
        for (int i = 0; i < s.issues().size(); i++) {
            Issue issue = s.issues().get(i);
            options.put(issue.id(), x.options().get(i).stream().map(o -> {
                var e = new LinkedHashMap<String, Object>();
                e.put("option", issue.option(o.option()).id());
                e.putAll(share(o.share()));
                return e;
            }).toList());
        }
        m.put("options", options);
        var rounds = new LinkedHashMap<String, Object>();
        x.rounds().median().ifPresent(r -> rounds.put("median", r));
        x.rounds().p80().ifPresent(r -> rounds.put("p80", r));
        x.rounds().max().ifPresent(r -> rounds.put("max", r));
        m.put("roundsToAgreement", rounds);
        if (calendar.round().isPresent()) {
            var time = new LinkedHashMap<String, Object>();
            time.put("roundDuration", dev.parley.engine.model.ProtocolDefaults.iso(calendar.round().get()));
            calendar.start().ifPresent(d -> time.put("start", d.toString()));
            x.rounds().median().ifPresent(r -> time.put("median", calendar.json(r)));
            x.rounds().p80().ifPresent(r -> time.put("p80", calendar.json(r)));
            x.rounds().max().ifPresent(r -> time.put("max", calendar.json(r)));
            m.put("timeToAgreement", time);
        }
        m.put("agreedBy", x.agreedBy().stream().map(step -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("round", step.round());
            e.putAll(share(step.agreed()));
            return e;
        }).toList());
        m.put("nash", x.nash().stream().map(f -> frequency(s, f)).toList());
        m.put("dealIsNash", share(x.dealIsNash()));
        m.put("blocking", x.blocking().stream().map(b -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("relaxation", b.relaxation());
            e.putAll(share(b.share()));
            return e;
        }).toList());
        m.put("refusals", x.refusals().stream().map(b -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("refusal", b.relaxation());
            e.putAll(share(b.share()));
            return e;
        }).toList());
        m.put("sensitivity", x.sensitivity().stream().map(f -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("parameter", f.parameter());
            e.put("point", round(f.point()));
            e.put("agreementBelow", round(f.low().share()));
            e.put("agreementAbove", round(f.high().share()));
            e.put("difference", round(f.difference()));
            e.put("margin", round(f.margin()));
            return e;
        }).toList());
        m.put("talks", plan.talks());
        m.put("method", "Monte Carlo over the profiles' uncertainty; 95% Wilson score intervals; sensitivity: "
                + (plan.talks() ? "P(agreement)" : "P(the zone is open)") + " in the runs that drew each figure "
                + "below and above its point figure (the best estimate), with the 95% margin of the difference");
        if (!plan.talks()) { // only analysed: nothing was agreed, so no figure of the talks means anything
            List.of("protocol", "rounds", "seats", "agreement", "meanNashShare", "deals", "options",
                    "roundsToAgreement", "timeToAgreement", "agreedBy", "dealIsNash", "refusals").forEach(m::remove);
        }
        return m;
    }

    private static Map<String, Object> frequency(Scenario s, Summary.Frequency f) {
        var e = new LinkedHashMap<String, Object>();
        e.put("package", PackageJson.write(f.outcome(), s.issues()));
        e.putAll(share(f.share()));
        return e;
    }

    private static Map<String, Object> share(Summary.Share x) {
        var e = new LinkedHashMap<String, Object>();
        e.put("count", x.count());
        e.put("share", round(x.share()));
        e.put("low", round(x.low()));
        e.put("high", round(x.high()));
        return e;
    }

    /** Four decimals: the intervals are far wider than that. */
    public static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

}
