package dev.parley.engine.forecast;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected-utility model and its baselines on a scenario, issue by issue. Each issue's options, in their order,
 * are placed evenly on 0–100 (option k of K at 100·k/(K − 1)); a party's position is the option it values most,
 * red lines aside (the first of equals); its salience its weight on the issue over its largest weight, so its most
 * important issue has salience 1; its capability the scenario's, or 1 for every party when none is given. Every party
 * with a profile takes part. Stateless.
 */
public final class IssueModels {
    /**
     * One issue's forecast.
     *
     * @param rounds the model's start and rounds, as {@link ExpectedUtility#run} gives them
     * @param forecast the option nearest the weighted median after the last round (the lower of two as near)
     * @param median the option nearest the weighted median at the start (the baseline)
     * @param mean the option nearest the weighted mean at the start (the compromise model)
     */
    public record IssueForecast(Issue issue, List<ExpectedUtility.Actor> actors, List<ExpectedUtility.Round> rounds,
            int forecast, int median, int mean) {
        public IssueForecast {
            actors = List.copyOf(actors);
            rounds = List.copyOf(rounds);
        }
    }

    private IssueModels() {
    }

    /** Whether the scenario gives every party's capability (otherwise every party counts 1). */
    public static boolean capabilitiesGiven(Scenario s) {
        return !s.capabilities().isEmpty();
    }

    /** The model on every issue some party with capability weighs, in issue order. */
    public static List<IssueForecast> of(Scenario s, int rounds, ExpectedUtility.Readings readings) {
        var out = new ArrayList<IssueForecast>();
        for (int i = 0; i < s.issues().size(); i++) {
            List<ExpectedUtility.Actor> actors = actors(s, i);
            if (actors.size() < 2 || actors.stream().mapToDouble(a -> a.capability() * a.salience()).sum() <= 0) {
                continue; // no one who can sway it weighs it
            }
            Issue issue = s.issues().get(i);
            List<ExpectedUtility.Round> run = ExpectedUtility.run(actors, rounds, readings);
            out.add(new IssueForecast(issue, actors, run, nearest(issue, run.get(run.size() - 1).median()), nearest(
                    issue, ExpectedUtility.weightedMedian(actors)),
                    nearest(issue, ExpectedUtility.weightedMean(
                            actors))));
        }
        return out;
    }

    /** The actors of issue {@code i}: every profiled party, placed as the class comment says. */
    static List<ExpectedUtility.Actor> actors(Scenario s, int i) {
        Issue issue = s.issues().get(i);
        var out = new ArrayList<ExpectedUtility.Actor>();
        s.profiles().forEach((party, p) -> {
            double largest = 0;
            for (int k = 0; k < p.issueCount(); k++) {
                largest = Math.max(largest, p.weight(k));
            }
            double capability = s.capabilities().isEmpty() ? 1 : s.capabilities().getOrDefault(party, 0.0);
            out.add(new ExpectedUtility.Actor(party, capability, position(issue, best(p, i)), largest == 0
                    ? 0
                    : p.weight(i) / largest));
        });
        return out;
    }

    /** Option k of an issue on 0–100. */
    public static double position(Issue issue, int option) {
        return issue.size() == 1 ? 50 : 100.0 * option / (issue.size() - 1);
    }

    /** The option nearest a point of 0–100 (the lower of two as near). */
    public static int nearest(Issue issue, double position) {
        int best = 0;
        for (int k = 1; k < issue.size(); k++) {
            if (Math.abs(position(issue, k) - position) < Math.abs(position(issue, best) - position) - 1e-9) {
                best = k;
            }
        }
        return best;
    }

    /** The option the party values most on issue {@code i}, red lines aside (the first of equals). */
    private static int best(Profile p, int i) {
        int best = -1;
        for (int k = 0; k < p.optionCount(i); k++) {
            if (!p.isRedLine(i, k) && (best < 0 || p.value(i, k) > p.value(i, best))) {
                best = k;
            }
        }
        return Math.max(best, 0);
    }
}
