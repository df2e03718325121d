package dev.parley.engine.agent;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mediator's estimates of the parties, from what they said: single-text criticism and shuttle objections each
 * name an issue and the option the party wants there (its best). Options are taken as ordered and preferences as
 * single-peaked; an issue named more often weighs more. Used by the {@code learning} mediator. Stateless.
 */
final class PartyEstimates {
    private PartyEstimates() {
    }

    /**
     * Every ratifying party's estimated profile (the mediator's own as it is), once every one has said something;
     * an issue a party never named is taken as one it is content with as it stands in {@code content}.
     */
    static Optional<Map<String, Profile>> of(AgentView v, Outcome content) {
        Map<String, int[][]> asked = asked(v);
        var out = new LinkedHashMap<String, Profile>();
        for (Party p : v.parties()) {
            if (p.ratifies()) {
                Profile estimate = p.id().equals(v.party())
                        ? v.profile()
                        : estimate(v.issues(), asked.get(p.id()), content);
                if (estimate == null) {
                    return Optional.empty(); // this party has said nothing yet
                }
                out.put(p.id(), estimate);
            }
        }
        return Optional.of(out);
    }

    /**
     * The Nash package of the estimated profiles, worked out exactly by the analysis: the mediator's fallback is its
     * reservation, the others' their estimated utility of {@code fallback} (nothing when empty).
     */
    static Optional<Outcome> nash(AgentView v, Optional<Outcome> fallback, Map<String, Profile> model) {
        var profiles = new LinkedHashMap<String, Profile>();
        var parties = new java.util.ArrayList<Party>();
        for (Party p : v.parties()) {
            Profile estimate = model.get(p.id());
            if (estimate == null) {
                continue;
            }
            double floor = p.id().equals(v.party())
                    ? estimate.reservation()
                    : fallback.map(t -> estimate.utility(t
                            .toArray())).orElse(0.0);
            profiles.put(p.id(), estimate.withReservation(Math.min(1, Math.max(0, floor))));
            parties.add(new Party(p.id(), p.name(), p.role(), p.ratifies(), p.representatives())); // no allies: the
            // estimate holds only the ratifying parties, whom an ally may not be among
        }
        Scenario s = Scenario.of("estimate", "The mediator's estimate", "", parties, v.issues(), profiles,
                Optional.empty());
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        return Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(Solution::outcome);
    }

    /** Per party that criticised or objected: [issue][option] how often it asked for that option there. */
    private static Map<String, int[][]> asked(AgentView v) {
        var out = new LinkedHashMap<String, int[][]>();
        for (Event e : v.events()) {
            switch (e) {
                case Event.Criticised c -> count(v, out, c.party(), c.objections(), c.toward());
                case Event.Rejected r -> count(v, out, r.party(), r.objections(), r.toward());
                default -> {
                }
            }
        }
        return out;
    }

    private static void count(AgentView v, Map<String, int[][]> out, String party, List<String> issues,
            List<String> toward) {
        int[][] counts = out.computeIfAbsent(party, p -> new int[v.issues().size()][]);
        for (int k = 0; k < issues.size(); k++) {
            int i = Issue.indexIn(v.issues(), issues.get(k));
            if (counts[i] == null) {
                counts[i] = new int[v.issues().get(i).size()];
            }
            counts[i][v.issues().get(i).indexOf(toward.get(k))]++;
        }
    }

    /**
     * A profile from what a party asked for: on each issue it named, value 1 at the option it asked for most and
     * falling linearly with the distance from it; elsewhere the same around the option of {@code content}; weights
     * 1 + times named, normalised.
     * Null when it asked for nothing.
     */
    static Profile estimate(List<Issue> issues, int[][] asked, Outcome content) {
        if (asked == null) {
            return null;
        }
        int n = issues.size();
        double[] w = new double[n];
        double[][] values = new double[n][];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = issues.get(i).size();
            values[i] = new double[k];
            int named = 0;
            int want = -1;
            for (int o = 0; asked[i] != null && o < k; o++) {
                named += asked[i][o];
                want = asked[i][o] > 0 && (want < 0 || asked[i][o] > asked[i][want]) ? o : want;
            }
            for (int o = 0; o < k; o++) {
                int peak = want < 0 ? content.option(i) : want; // never criticised there: content with it
                values[i][o] = 1 - Math.abs(o - peak) / (double) (k - 1);
            }
            w[i] = 1 + named;
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        boolean[][] none = new boolean[n][];
        for (int i = 0; i < n; i++) {
            none[i] = new boolean[issues.get(i).size()];
        }
        return Profile.of(issues, w, values, 0, none);
    }
}
