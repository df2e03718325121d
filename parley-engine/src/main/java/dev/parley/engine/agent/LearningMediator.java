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
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A neutral single-text mediator that learns the parties from their criticism (Raiffa's single negotiating text:
 * the mediator drafts, the parties criticise, the mediator redrafts). From each party's criticism it estimates a
 * profile: the option it asks for on an issue is its best there, the others worth less the farther they lie (issues'
 * options are ordered), and an issue it names more often weighs more; its own profile it knows. Each round it
 * proposes, of the estimated Nash package (the text as the others' fallback, its reservation as its own, worked out
 * exactly by the analysis) and every one-step change or two-issue trade of the text, the one not yet rejected at
 * this text whose estimated gains for the others multiply to the most, leaving out any the estimates say costs one
 * of them. Until everyone has criticised, and when no candidate is left, it explores like {@code hill-climb} (which
 * also draws criticism) and ends the talks when that has nothing left either. Not thread-safe: one per seat.
 */
final class LearningMediator extends TextMediator {
    private final HillClimbMediator explore;
    /** What was proposed at the current text and not adopted. */
    private final Set<Outcome> rejectedHere = new HashSet<>();
    private Outcome base;
    private Outcome lastProposed;

    LearningMediator(RandomGenerator random) {
        this.explore = new HillClimbMediator(random);
    }

    @Override
    Action propose(AgentView v) {
        Outcome text = v.currentText().orElseThrow();
        if (!text.equals(base)) {
            base = text;
            rejectedHere.clear();
        } else if (lastProposed != null) {
            rejectedHere.add(lastProposed); // the text did not move: not adopted
        }
        lastProposed = null;
        Optional<Map<String, Profile>> model = estimates(v);
        if (model.isPresent()) {
            Optional<Outcome> best = best(v, text, model.get());
            if (best.isPresent()) {
                lastProposed = best.get();
                return new Action.Propose(best.get());
            }
        }
        return explore.propose(v);
    }

    /**
     * The candidate the estimates rank first among those not rejected at this text: the estimated Nash package and
     * every one-step change or two-issue trade, each scored by the product of the estimated gains over the text of
     * the parties other than the mediator (a candidate that costs one of them, by the estimates, is left out; so is
     * one below the mediator's own reservation).
     */
    private Optional<Outcome> best(AgentView v, Outcome text, Map<String, Profile> model) {
        var candidates = new java.util.ArrayList<Outcome>();
        estimatedNash(v, text, model).ifPresent(candidates::add);
        candidates.addAll(LocalSearch.neighboursOf(text, v.issues().stream().mapToInt(Issue::size).toArray()));
        Outcome best = null;
        double bestScore = 0;
        for (Outcome c : candidates) {
            if (c.equals(text) || rejectedHere.contains(c) || v.utility(c) < v.profile().reservation() || v
                    .utilities().forbids(c.toArray())) {
                continue;
            }
            double score = 1;
            for (var e : model.entrySet()) {
                if (!e.getKey().equals(v.party())) {
                    double gain = e.getValue().utility(c.toArray()) - e.getValue().utility(text.toArray());
                    score = gain < -1e-9 ? -1 : score * (gain + 1e-3);
                }
                if (score < 0) {
                    break;
                }
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every ratifying party's estimated profile (the mediator's own as it is), once every one has criticised. */
    private static Optional<Map<String, Profile>> estimates(AgentView v) {
        Map<String, int[][]> asked = asked(v);
        var out = new LinkedHashMap<String, Profile>();
        for (Party p : v.parties()) {
            if (p.ratifies()) {
                Profile estimate = p.id().equals(v.party())
                        ? v.profile()
                        : estimate(v.issues(), asked.get(p.id()),
                                v.currentText().orElseThrow());
                if (estimate == null) {
                    return Optional.empty(); // this voter has not criticised yet
                }
                out.put(p.id(), estimate);
            }
        }
        return Optional.of(out);
    }

    /** The Nash package of the estimated profiles, the text as the others' fallback and its reservation as its own. */
    static Optional<Outcome> estimatedNash(AgentView v, Outcome text, Map<String, Profile> model) {
        var profiles = new LinkedHashMap<String, Profile>();
        var parties = new java.util.ArrayList<Party>();
        for (Party p : v.parties()) {
            Profile estimate = model.get(p.id());
            if (estimate == null) {
                continue;
            }
            double fallback = p.id().equals(v.party()) ? estimate.reservation() : estimate.utility(text.toArray());
            profiles.put(p.id(), withReservation(v.issues(), estimate, fallback));
            parties.add(p);
        }
        Scenario s = Scenario.of("estimate", "The mediator's estimate", "", parties, v.issues(), profiles,
                Optional.empty());
        Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
        return Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(Solution::outcome);
    }

    /** Per party that criticised: [issue][option] how often it asked for that option there. */
    private static Map<String, int[][]> asked(AgentView v) {
        var out = new LinkedHashMap<String, int[][]>();
        for (Event e : v.events()) {
            if (e instanceof Event.Criticised c) {
                int[][] counts = out.computeIfAbsent(c.party(), p -> new int[v.issues().size()][]);
                for (int k = 0; k < c.objections().size(); k++) {
                    int i = Issue.indexIn(v.issues(), c.objections().get(k));
                    if (counts[i] == null) {
                        counts[i] = new int[v.issues().get(i).size()];
                    }
                    counts[i][v.issues().get(i).indexOf(c.toward().get(k))]++;
                }
            }
        }
        return out;
    }

    /**
     * A profile from what a party asked for: on each issue it named, value 1 at the option it asked for most and
     * falling linearly with the distance from it; 0.5 throughout elsewhere; weights 1 + times named, normalised.
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

    private static Profile withReservation(List<Issue> issues, Profile p, double reservation) {
        double[] w = new double[issues.size()];
        double[][] values = new double[issues.size()][];
        boolean[][] red = new boolean[issues.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.weight(i);
            values[i] = new double[issues.get(i).size()];
            red[i] = new boolean[issues.get(i).size()];
            for (int o = 0; o < values[i].length; o++) {
                values[i][o] = p.value(i, o);
                red[i][o] = p.isRedLine(i, o);
            }
        }
        return Profile.of(issues, w, values, Math.min(1, Math.max(0, reservation)), red).withConditions(p
                .conditions()).withInteractions(p.interactions());
    }
}
