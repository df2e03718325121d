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
 * first, and the option the party wants on each (its best); a vote says whether it could sign the text. The losses of
 * the options are fitted to the order of the criticism and to the votes ({@link #estimate}). Used by the {@code
 * learning} mediator. Stateless.
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
                        : estimate(v.issues(), asked.get(p.id()), content, Reservations.neverSigned(v, p.id(), heard));
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

    /** How many gradient steps fit the losses to what the critiques rank. */
    private static final int STEPS = 400;
    /** The size of each gradient step. */
    private static final double RATE = 0.05;
    /** How strongly an option's loss is drawn toward its prior (a straight fall from the peak). */
    private static final double PRIOR = 0.1;

    /**
     * A profile from what a party said, fitted to the order of its criticism and to its votes. Each critique names the
     * issues where the text costs the party something, costliest first ({@link Moves#criticism}), and the option it
     * wants on each (its best there). The loss of each option against that peak is fitted, by gradient steps on
     * squared shortfalls, so that:
     * <ul>
     * <li>for every critique, the loss on each named issue exceeds the loss on the next by a margin, and the last
     * named exceeds nothing (each such pair counted once, however often heard);</li>
     * <li>an issue a critique shorter than the party's longest leaves out costs nothing;</li>
     * <li>a text it accepted costs it at most a budget (its best less its reservation) and one it rejected more,
     * unless the rejected text has an option in {@code red} (taken as its red lines);</li>
     * <li>an option nothing constrains keeps a loss growing with its distance from the peak (a weak pull toward that
     * prior keeps the fit unique).</li>
     * </ul>
     * A red line or a condition counts before any loss, so the first {@value #RED_LEAD} issues of a rejected text's
     * critique are not ranked. Values and weights follow from the losses (an issue's weight is its largest loss),
     * scaled so the best package is worth 1 and the worst 0; the reservation is 1 less the budget on that scale (the
     * mediator sets its own from the votes on the fitted scale, {@link Reservations}; the budget is fitted for what it
     * does to the losses). Null when it said nothing.
     */
    static Profile estimate(List<Issue> issues, List<Critique> said, Outcome content,
            java.util.Set<List<Integer>> red) {
        if (said == null || said.isEmpty()) {
            return null;
        }
        int n = issues.size();
        int[] peak = peaks(issues, said, content);
        int[] offset = new int[n + 1]; // option o of issue i is cell offset[i] + o
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + issues.get(i).size();
        }
        // the prior's scale: each issue's options spread over the mean number of non-peak options an issue has, so
        // that a chain of ranked options spaced a margin apart fits within it
        double unit = Math.max(1, offset[n] - n) / (double) n;
        double[] prior = new double[offset[n]];
        for (int i = 0; i < n; i++) {
            int k = issues.get(i).size();
            for (int o = 0; o < k; o++) {
                prior[offset[i] + o] = unit * Math.abs(o - peak[i]) / (k - 1);
            }
        }
        var votes = new java.util.ArrayList<Critique>();
        for (Critique c : said) {
            if (c.accepted() || !hasRed(c.text(), red)) {
                votes.add(c);
            }
        }
        double[] fit = fit(offset, peak, rankedPairs(said, offset, peak), votes, prior, n * unit / 2);
        return profile(issues, offset, fit);
    }

    /**
     * The pairs (above, below) of options the critiques rank, each packed by {@link #pair} and counted once however
     * often heard; -1 stands for no loss. A rejected text's first {@value #RED_LEAD} issues are left out; what a
     * critique shorter than the party's longest leaves out costs nothing.
     */
    private static long[] rankedPairs(List<Critique> said, int[] offset, int[] peak) {
        int longest = 0;
        for (Critique c : said) {
            longest = Math.max(longest, c.issues().length);
        }
        var pairs = new java.util.LinkedHashSet<Long>();
        for (Critique c : said) {
            int[] named = c.issues();
            for (int k = c.accepted() ? 0 : Math.min(RED_LEAD, named.length); k < named.length; k++) {
                int a = offset[named[k]] + c.text()[named[k]];
                int b = k + 1 < named.length ? offset[named[k + 1]] + c.text()[named[k + 1]] : -1;
                pairs.add(pair(a, b));
            }
            if (named.length < longest) {
                for (int i = 0; i < peak.length; i++) {
                    if (!named(c, i) && c.text()[i] != peak[i]) {
                        pairs.add(pair(-1, offset[i] + c.text()[i]));
                    }
                }
            }
        }
        return pairs.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The losses, one per option (0 at each peak, never below 0), after {@value #STEPS} gradient steps from the prior
     * on the squared shortfalls of the ranked pairs and the votes, with the budget (the party's best less its
     * reservation) fitted beside them from {@code budget}; the budget is the array's last element.
     */
    private static double[] fit(int[] offset, int[] peak, long[] pairs, List<Critique> votes, double[] prior,
            double budget) {
        int n = peak.length;
        int cells = prior.length;
        double[] d = java.util.Arrays.copyOf(prior, cells + 1);
        d[cells] = budget;
        double[] grad = new double[cells];
        for (int step = 0; step < STEPS; step++) {
            java.util.Arrays.fill(grad, 0);
            double gradBudget = 0;
            for (Critique c : votes) { // signed: costs at most the budget; refused: more
                double cost = 0;
                for (int i = 0; i < n; i++) {
                    cost += d[offset[i] + c.text()[i]];
                }
                double over = VOTE_MARGIN + (c.accepted() ? cost - d[cells] : d[cells] - cost);
                if (over > 0) {
                    double g = VOTES * over * (c.accepted() ? 1 : -1) / n;
                    for (int i = 0; i < n; i++) {
                        grad[offset[i] + c.text()[i]] += g;
                    }
                    gradBudget -= g;
                }
            }
            d[cells] = Math.max(0, d[cells] - clip(RATE * gradBudget));
            for (long pr : pairs) { // each above the next by the margin
                int a = (int) (pr >> 32) - 1;
                int b = (int) pr - 1;
                double shortfall = MARGIN + (b < 0 ? 0 : d[b]) - (a < 0 ? 0 : d[a]);
                if (shortfall > 0) {
                    if (a >= 0) {
                        grad[a] -= shortfall;
                    }
                    if (b >= 0) {
                        grad[b] += shortfall;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int x = offset[i]; x < offset[i + 1]; x++) {
                    double g = grad[x] + PRIOR * (d[x] - prior[x]);
                    d[x] = x - offset[i] == peak[i] ? 0 : Math.max(0, d[x] - clip(RATE * g));
                }
            }
        }
        return d;
    }

    /**
     * The profile of fitted losses {@code fit} (one per option, then the budget): an issue's weight is its largest
     * loss, values fall from 1 by the loss over that weight, all scaled so the best package is worth 1 and the worst
     * 0; the reservation is 1 less the budget on that scale.
     */
    private static Profile profile(List<Issue> issues, int[] offset, double[] fit) {
        int n = issues.size();
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int x = offset[i]; x < offset[i + 1]; x++) {
                w[i] = Math.max(w[i], fit[x]);
            }
            sum += w[i];
        }
        double[][] values = new double[n][];
        boolean[][] none = new boolean[n][];
        for (int i = 0; i < n; i++) {
            int k = issues.get(i).size();
            values[i] = new double[k];
            none[i] = new boolean[k];
            for (int o = 0; o < k; o++) {
                values[i][o] = w[i] == 0 ? 1 : Math.min(1, Math.max(0, 1 - fit[offset[i] + o] / w[i]));
            }
        }
        for (int i = 0; i < n; i++) {
            w[i] = sum == 0 ? 1.0 / n : w[i] / sum;
        }
        double budget = fit[fit.length - 1];
        return Profile.of(issues, w, values, sum == 0 ? 0 : Math.min(1, Math.max(0, 1 - budget / sum)), none);
    }

    /** How much further each named issue must cost than the next, in the fit's own unit. */
    private static final double MARGIN = 1;
    /** How clearly a vote's text must fall on its side of the budget, in the fit's unit. */
    private static final double VOTE_MARGIN = 0.1;
    /** How much a vote counts beside a pair of ranked options (spread over the text's issues). */
    private static final double VOTES = 1;

    private static boolean hasRed(int[] text, java.util.Set<List<Integer>> red) {
        for (int i = 0; i < text.length; i++) {
            if (red.contains(List.of(i, text[i]))) {
                return true;
            }
        }
        return false;
    }

    /** How many issues lead a rejected text's criticism where its red lines and conditions may be. */
    private static final int RED_LEAD = 2;

    /** The largest change one step makes to a loss or the budget, in the fit's unit. */
    private static final double MOST = 0.5;

    /**
     * A step held to at most {@value #MOST} either way: many votes on one side can make the budget's gradient large
     * enough for a plain step to overshoot and grow without bound; held, it can only circle the fit.
     */
    private static double clip(double step) {
        return Math.max(-MOST, Math.min(MOST, step));
    }

    /** A pair of cells, each shifted by one so that no loss (-1) packs as 0. */
    private static long pair(int above, int below) {
        return ((long) (above + 1) << 32) | (below + 1);
    }

    /**
     * The option the party wants on each issue: the one it asked for most when it accepted (its criticism of an
     * acceptable text points to its best), else when it did not, else the option of {@code content}.
     */
    private static int[] peaks(List<Issue> issues, List<Critique> said, Outcome content) {
        int n = issues.size();
        int[] peak = new int[n];
        for (int i = 0; i < n; i++) {
            int[] counts = new int[issues.get(i).size()];
            int want = -1;
            for (Critique c : said) {
                for (int k = 0; k < c.issues().length; k++) {
                    if (c.issues()[k] == i) {
                        int o = c.wanted()[k];
                        counts[o] += c.accepted() ? said.size() + 1 : 1; // any signed text outweighs all refused
                        want = want < 0 || counts[o] > counts[want] ? o : want;
                    }
                }
            }
            peak[i] = want < 0 ? content.option(i) : want; // never named: content with it
        }
        return peak;
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
