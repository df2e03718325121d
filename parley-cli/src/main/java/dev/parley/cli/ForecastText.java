package dev.parley.cli;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import dev.parley.scenario.wire.ForecastJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code parley forecast}'s Monte Carlo forecast as text: the figures, the deals, what blocks, the tornado. */
final class ForecastText {
    private ForecastText() {
    }

    static String text(Scenario s, Settings settings, Forecast.Plan plan, Summary x,
            ForecastJson.Calendar calendar) {
        var b = new StringBuilder();
        b.append("Forecast of ").append(s.title()).append(" (").append(s.id()).append("): ").append(x.runs())
                .append(" draws, seed ").append(plan.seed()).append(", ").append(plan.talks()
                        ? settings.kind().id() + " with " + seatsText(plan.seats())
                        : "each only analysed (no talks)")
                .append('\n');
        b.append(s.uncertainty().isEmpty()
                ? "No profile carries uncertainty: every draw is the point scenario.\n"
                : "Uncertain profiles: " + String.join(", ", s.uncertainty().keySet()) + "\n");
        b.append('\n');
        if (!plan.talks()) {
            b.append("Zone empty:     ").append(pct(x.zoneEmpty())).append("  (no package every ratifying party "
                    + "accepts)\n\n");
            nashAndBlockers(b, s, x);
            sensitivity(b, x, "a zone most (P(zone open)");
            b.append("Shares with 95% Wilson intervals. Every other command uses the point profiles.\n");
            return b.toString();
        }
        b.append("Deal reached:   ").append(pct(x.agreement())).append('\n');
        b.append("Zone empty:     ").append(pct(x.zoneEmpty())).append("  (no package every ratifying party "
                + "accepts)\n");
        b.append("Deal is the fair (Nash) package of its draw: ").append(pct(x.dealIsNash())).append(
                "; mean Nash product share ").append(String.format(Locale.ROOT, "%.2f", x.meanNashShare())).append(
                        '\n');
        if (x.rounds().median().isPresent()) {
            b.append("Rounds to a deal: median ").append(x.rounds().median().getAsInt()).append(", 80% by ").append(x
                    .rounds().p80().getAsInt()).append(", latest ").append(x.rounds().max().getAsInt()).append(
                            " (deadline ")
                    .append(settings.rounds()).append(")\n");
            if (calendar.round().isPresent()) {
                b.append("Time to a deal:   median ").append(calendar.text(x.rounds().median().getAsInt())).append(
                        ", 80% by ").append(calendar.text(x.rounds().p80().getAsInt())).append(" (a round lasts ")
                        .append(dev.parley.engine.model.ProtocolDefaults.iso(calendar.round().get())).append(
                                calendar.start().map(d -> ", talks from " + d).orElse(""))
                        .append(")\n");
            }
        }
        b.append('\n');
        if (!x.deals().isEmpty()) {
            b.append("Most likely deals:\n");
            for (Summary.Frequency f : x.deals()) {
                b.append("  ").append(pct(f.share())).append("  ").append(f.outcome().format(s.issues())).append(
                        '\n');
            }
            b.append('\n');
            b.append("Per issue, the options agreed (share of all draws):\n");
            for (int i = 0; i < s.issues().size(); i++) {
                Issue issue = s.issues().get(i);
                var parts = new ArrayList<String>();
                for (Summary.OptionShare o : x.options().get(i)) {
                    parts.add(issue.option(o.option()).id() + " " + String.format(Locale.ROOT, "%.0f%%", 100 * o
                            .share().share()));
                }
                b.append("  ").append(issue.id()).append(": ").append(String.join(", ", parts)).append('\n');
            }
            b.append('\n');
        }
        nashAndBlockers(b, s, x);
        if (!x.refusals().isEmpty()) {
            b.append("Who rejected the final text, when the talks ended without a deal:\n");
            for (Summary.Blocker bl : x.refusals().subList(0, Math.min(5, x.refusals().size()))) {
                b.append("  ").append(pct(bl.share())).append("  ").append(bl.relaxation()).append('\n');
            }
            b.append('\n');
        }
        sensitivity(b, x, "a deal most (P(deal)");
        b.append("Shares with 95% Wilson intervals. Every other command uses the point profiles.\n");
        return b.toString();
    }

    /** How often each package is the Nash package, and what leaves no zone. */
    private static void nashAndBlockers(StringBuilder b, Scenario s, Summary x) {
        if (!x.nash().isEmpty()) {
            b.append("Most often the fair (Nash) package:\n");
            for (Summary.Frequency f : x.nash().subList(0, Math.min(3, x.nash().size()))) {
                b.append("  ").append(pct(f.share())).append("  ").append(f.outcome().format(s.issues())).append(
                        '\n');
            }
            b.append('\n');
        }
        if (!x.blocking().isEmpty()) {
            b.append("What most often leaves no zone (relaxing it would open one):\n");
            for (Summary.Blocker bl : x.blocking().subList(0, Math.min(5, x.blocking().size()))) {
                b.append("  ").append(pct(bl.share())).append("  ").append(bl.relaxation()).append('\n');
            }
            b.append('\n');
        }
    }

    /** The tornado's strongest rows; {@code what} names the chance it is about. */
    private static void sensitivity(StringBuilder b, Summary x, String what) {
        List<Summary.Effect> strong = x.sensitivity().stream().limit(8).toList();
        if (!strong.isEmpty()) {
            b.append("What moves the chance of ").append(what).append(" when the figure is drawn below / above its "
                    + "point figure):\n");
            int width = strong.stream().mapToInt(e -> e.parameter().length()).max().orElse(0);
            for (Summary.Effect e : strong) {
                b.append(String.format(Locale.ROOT, "  %-" + width + "s  %5.1f%% / %5.1f%%  %+6.1f points%s%n", e
                        .parameter(), 100 * e.low().share(), 100 * e.high().share(), 100 * e.difference(),
                        Math.abs(e
                                .difference()) <= e.margin() ? "  (within chance)" : ""));
            }
            b.append('\n');
        }
    }

    private static String seatsText(Map<String, String> seats) {
        var parts = new ArrayList<String>();
        seats.forEach((party, agent) -> parts.add(party + "=" + agent));
        return String.join(", ", parts);
    }

    private static String pct(Summary.Share x) {
        return String.format(Locale.ROOT, "%5.1f%% [%.1f–%.1f]", 100 * x.share(), 100 * x.low(), 100 * x.high());
    }
}
