package dev.parley.engine.agent;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Stance;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mediator's estimates of the parties, from what it heard them say: single-text criticism names issues, costliest
 * first, and the option the party wants on each (its best). Options are taken as ordered and preferences as
 * single-peaked; the weights are fitted to the order of the criticism. Used by the {@code learning} mediator.
 * Stateless.
 */
final class PartyEstimates {
    private PartyEstimates() {
    }

    /**
     * Every ratifying party's estimated profile, and the mediator's own as it is (whether or not it ratifies), once
     * every one has said something; an issue a party never named is taken as one it is content with as it stands in
     * {@code content}.
     */
    static Optional<Map<String, Profile>> of(AgentView v, List<LearningMediator.Heard> heard, Outcome content) {
        Map<String, List<Critique>> asked = critiques(v, heard);
        var out = new LinkedHashMap<String, Profile>();
        for (Party p : v.parties()) {
            if (p.ratifies() || p.id().equals(v.party())) {
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
     * The package the stance aims at in the zone of the estimated profiles, each at the reservation it carries, worked
     * out exactly by the analysis; nothing when the estimates admit no package.
     */
    static Optional<Outcome> aim(AgentView v, Map<String, Profile> model, Stance stance) {
        AnalysisOptions options = AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(false);
        return stance.aim(analyse(v, model, stance == Stance.NEUTRAL
                ? options
                : options.withFrontier(
                        dev.parley.engine.analysis.FrontierScope.ZONE)),
                v.party());
    }

    private static Analysis analyse(AgentView v, Map<String, Profile> model, AnalysisOptions options) {
        var parties = new java.util.ArrayList<Party>();
        for (Party p : v.parties()) {
            if (model.containsKey(p.id())) {
                parties.add(new Party(p.id(), p.name(), p.role(), p.ratifies(), p.representatives())); // no allies:
                // the estimate holds only the ratifying parties, whom an ally may not be among
            }
        }
        Scenario s = Scenario.of("estimate", "The mediator's estimate", "", parties, v.issues(), model,
                Optional.empty());
        return Analyzer.analyze(s, options);
    }

    /** One criticism or objection: the package it was about, the issues named in order, the option wanted on each. */
    /**
     * One criticism, as indices: the text it was about, the issues named in order, the option wanted on each, and
     * whether the party accepted the text. Immutable (its arrays are never changed after it is made).
     */
    private static final class Critique {
        private final int[] text;
        private final int[] issues;
        private final int[] wanted;
        private final boolean accepted;

        private Critique(List<Issue> all, LearningMediator.Heard h) {
            this.text = h.text().toArray();
            this.issues = new int[h.objections().size()];
            this.wanted = new int[issues.length];
            for (int k = 0; k < issues.length; k++) {
                issues[k] = Issue.indexIn(all, h.objections().get(k));
                wanted[k] = all.get(issues[k]).indexOf(h.toward().get(k));
            }
            this.accepted = h.accept();
        }

        int[] text() {
            return text;
        }

        int[] issues() {
            return issues;
        }

        int[] wanted() {
            return wanted;
        }

        boolean accepted() {
            return accepted;
        }
    }

    /** Per party that criticised: what it said, oldest first (a vote without criticism says nothing here). */
    private static Map<String, List<Critique>> critiques(AgentView v, List<LearningMediator.Heard> heard) {
        var out = new LinkedHashMap<String, List<Critique>>();
        for (LearningMediator.Heard h : heard) {
            if (!h.objections().isEmpty()) {
                out.computeIfAbsent(h.party(), p -> new java.util.ArrayList<>()).add(new Critique(v.issues(), h));
            }
        }
        return out;
    }

    /** How many multiplicative passes fit the weights to what the critiques rank. */
    private static final int PASSES = 30;
    /** The step of each multiplicative correction. */
    private static final double STEP = 0.1;

    /**
     * A profile from what a party said. Values: on each issue it named, 1 at the option it asked for most, falling
     * linearly with the distance from it; elsewhere the same around the option of {@code content}. Weights: a
     * critique names the issues costing the party most, costliest first (as {@link Moves#criticism} does), so the
     * estimated loss on the first is at least that on the second, and on each named issue at least that on any issue
     * not named; the weights start equal and are corrected, multiplicatively, where they break one of those
     * inequalities (of the critiques of texts it accepted, when there are any), then normalised. Null when it said
     * nothing.
     */
    static Profile estimate(List<Issue> issues, List<Critique> said, Outcome content) {
        if (said == null || said.isEmpty()) {
            return null;
        }
        int n = issues.size();
        int[] peak = new int[n];
        for (int i = 0; i < n; i++) {
            int[] counts = new int[issues.get(i).size()];
            int want = -1;
            for (Critique c : said) {
                for (int k = 0; k < c.issues().length; k++) {
                    if (c.issues()[k] == i) {
                        int o = c.wanted()[k];
                        counts[o]++;
                        want = want < 0 || counts[o] > counts[want] ? o : want;
                    }
                }
            }
            peak[i] = want < 0 ? content.option(i) : want; // never named: content with it
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        double[] loss = new double[n];
        // A text the party accepted broke none of its red lines or conditions, so its criticism ranks plain losses;
        // a rejected one may put a red line first whatever it costs. Fit to the accepted ones when there are any.
        List<Critique> ranked = said.stream().filter(Critique::accepted).toList();
        ranked = ranked.isEmpty() ? said : ranked;
        for (int pass = 0; pass < PASSES; pass++) {
            boolean broken = false;
            for (Critique c : ranked) {
                for (int i = 0; i < n; i++) {
                    loss[i] = Math.abs(c.text()[i] - peak[i]) / (double) (issues.get(i).size() - 1);
                }
                for (int k = 0; k < c.issues().length; k++) {
                    int a = c.issues()[k];
                    for (int b = 0; b < n; b++) {
                        boolean below = k + 1 < c.issues().length ? b == c.issues()[k + 1] : !named(c, b);
                        if (below && b != a && w[a] * loss[a] < w[b] * loss[b]) {
                            w[a] *= 1 + STEP;
                            w[b] /= 1 + STEP;
                            broken = true;
                        }
                    }
                }
            }
            if (!broken) {
                break;
            }
        }
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double[][] values = new double[n][];
        boolean[][] none = new boolean[n][];
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
            int k = issues.get(i).size();
            values[i] = new double[k];
            none[i] = new boolean[k];
            for (int o = 0; o < k; o++) {
                values[i][o] = 1 - Math.abs(o - peak[i]) / (double) (k - 1);
            }
        }
        return Profile.of(issues, w, values, 0, none);
    }

    private static boolean named(Critique c, int issue) {
        for (int i : c.issues()) {
            if (i == issue) {
                return true;
            }
        }
        return false;
    }
}
