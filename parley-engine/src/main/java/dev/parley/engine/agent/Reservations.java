package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a single-text mediator infers of the parties' reservations from the votes it hears, on the scale of its
 * estimate of each party ({@link PartyEstimates}). Each vote is an inequality: an accept puts the reservation at or
 * below the text's estimated utility, a reject above it. The reservation is taken a share {@code lean} of the way from
 * the highest text rejected to the lowest text accepted (the middle, 0.5, bisects; a smaller share when the middle
 * leaves no package every estimate accepts). A reject of a text worth at least one the party accepted cannot be its
 * reservation, nor can one whose criticism puts first an issue the estimate says costs it clearly less than the one
 * it puts second: the option of that first issue is taken as a red line (or a condition it needs) and kept out of its
 * estimate. So is an option that leads the criticism of texts the party refused and is never in one it signed
 * ({@link #neverSigned}), whatever the estimate says. Stateless.
 */
final class Reservations {
    private Reservations() {
    }

    /**
     * What the votes say of one party's reservation, on its estimate's scale: at least {@code lo}, at most {@code hi}
     * (inconsistent, lo above hi, when the estimate is off), and the options taken as its red lines.
     */
    record Bounds(double lo, double hi, java.util.Set<List<Integer>> redLines) {
        Bounds {
            redLines = java.util.Set.copyOf(redLines);
        }

        /** Whether option {@code option} of issue {@code issue} is taken as a red line of the party. */
        boolean isRed(int issue, int option) {
            return redLines.contains(List.of(issue, option));
        }

        /** The reservation a share {@code lean} of the way from lo to hi (hi when they cross). */
        double at(double lean) {
            return lo >= hi ? hi : lo + lean * (hi - lo);
        }
    }

    /** How many issues may lead a criticism for its red lines and conditions: an option named after them is not one. */
    private static final int LEADING = 2;
    /** How many criticisms an option must lead before it is taken as a red line. */
    private static final int LEADS = 2;

    /**
     * The options taken as a party's red lines from what it said alone: each led the criticism of at least {@value
     * #LEADS} texts it rejected, was never named after the first {@value #LEADING} issues of one, and was never in a
     * text it accepted. A red line (or an option a condition rules out) counts before any loss in a criticism, so it
     * leads every criticism of a text that has it, however small the party's other losses; two broken at once take
     * the first two places.
     */
    static java.util.Set<List<Integer>> neverSigned(AgentView v, String party, List<LearningMediator.Heard> heard) {
        var accepted = new java.util.HashSet<List<Integer>>();
        var led = new java.util.HashMap<List<Integer>, Integer>();
        var spoiled = new java.util.HashSet<List<Integer>>();
        for (LearningMediator.Heard h : heard) {
            if (!h.party().equals(party)) {
                continue;
            }
            if (h.accept()) {
                for (int i = 0; i < v.issues().size(); i++) {
                    accepted.add(List.of(i, h.text().option(i)));
                }
                continue;
            }
            if (h.objections().isEmpty()) {
                continue;
            }
            int first = Issue.indexIn(v.issues(), h.objections().get(0));
            led.merge(List.of(first, h.text().option(first)), 1, Integer::sum);
            for (int k = LEADING; k < h.objections().size(); k++) {
                int i = Issue.indexIn(v.issues(), h.objections().get(k));
                spoiled.add(List.of(i, h.text().option(i)));
            }
        }
        var out = new java.util.HashSet<List<Integer>>();
        led.forEach((cell, n) -> {
            if (n >= LEADS && !accepted.contains(cell) && !spoiled.contains(cell)) {
                out.add(cell);
            }
        });
        return out;
    }

    /** The bounds of every party but the mediator. */
    static Map<String, Bounds> bounds(AgentView v, Map<String, Profile> estimates,
            List<LearningMediator.Heard> heard) {
        var out = new LinkedHashMap<String, Bounds>();
        for (var e : estimates.entrySet()) {
            String party = e.getKey();
            Profile est = e.getValue();
            if (party.equals(v.party())) {
                continue;
            }
            double hi = 1; // an estimate's best package is worth 1
            for (LearningMediator.Heard h : heard) {
                if (h.party().equals(party) && h.accept()) {
                    hi = Math.min(hi, est.utility(h.text().toArray()));
                }
            }
            double lo = 0;
            var red = new java.util.HashSet<List<Integer>>(neverSigned(v, party, heard));
            for (LearningMediator.Heard h : heard) {
                if (!h.party().equals(party) || h.accept()) {
                    continue;
                }
                double u = est.utility(h.text().toArray());
                if (!h.objections().isEmpty() && (u >= hi - Moves.EPS || outOfOrder(v, est, h))) {
                    int i = Issue.indexIn(v.issues(), h.objections().get(0));
                    red.add(List.of(i, h.text().option(i)));
                } else {
                    lo = Math.max(lo, u);
                }
            }
            out.put(party, new Bounds(lo, hi, red));
        }
        return out;
    }

    /**
     * Every party's estimate with its reservation a share {@code lean} of the way between its bounds, and its red
     * lines; the mediator's own profile (the seat's) unchanged.
     */
    static Map<String, Profile> fit(AgentView v, Map<String, Profile> estimates, Map<String, Bounds> bounds,
            double lean) {
        var out = new LinkedHashMap<String, Profile>();
        for (var e : estimates.entrySet()) {
            Bounds b = bounds.get(e.getKey());
            if (b == null) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            double r = b.at(lean);
            out.put(e.getKey(), !b.redLines().isEmpty()
                    ? withRedLines(v.issues(), e.getValue(), b, r)
                    : e.getValue().withReservation(r));
        }
        return out;
    }

    /**
     * Whether a rejection's criticism puts first an issue the estimate says costs the party less, by a clear margin,
     * than the one it names second: a red line or a condition, which counts before any loss, rather than a text below
     * its reservation.
     */
    private static boolean outOfOrder(AgentView v, Profile est, LearningMediator.Heard h) {
        if (h.objections().size() < 2) {
            return false;
        }
        int first = Issue.indexIn(v.issues(), h.objections().get(0));
        int second = Issue.indexIn(v.issues(), h.objections().get(1));
        return loss(est, first, h.text().option(first)) < loss(est, second, h.text().option(second)) - MARGIN;
    }

    /** How much a clear margin is, in estimated utility. */
    private static final double MARGIN = 0.01;

    private static double loss(Profile est, int issue, int option) {
        return est.weight(issue) * (1 - est.value(issue, option));
    }

    private static Profile withRedLines(List<Issue> issues, Profile est, Bounds b, double reservation) {
        int n = issues.size();
        double[] w = new double[n];
        double[][] values = new double[n][];
        boolean[][] red = new boolean[n][];
        for (int i = 0; i < n; i++) {
            w[i] = est.weight(i);
            values[i] = new double[issues.get(i).size()];
            red[i] = new boolean[values[i].length];
            for (int o = 0; o < values[i].length; o++) {
                values[i][o] = est.value(i, o);
                red[i][o] = b.isRed(i, o) && values[i][o] < 1; // never its own best option there
            }
        }
        return Profile.of(issues, w, values, reservation, red);
    }
}
