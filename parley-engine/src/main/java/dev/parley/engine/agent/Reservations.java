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
 * reservation: the option of the first issue it criticised there is taken as a red line (or a condition it needs) and
 * kept out of its estimate. Stateless.
 */
final class Reservations {
    private Reservations() {
    }

    /**
     * Every party's estimate with its inferred reservation and red lines; the mediator's own profile (the seat's)
     * unchanged.
     */
    static Map<String, Profile> fit(AgentView v, Map<String, Profile> estimates, List<LearningMediator.Heard> heard,
            double lean) {
        var out = new LinkedHashMap<String, Profile>();
        for (var e : estimates.entrySet()) {
            String party = e.getKey();
            Profile est = e.getValue();
            if (party.equals(v.party())) {
                out.put(party, est);
                continue;
            }
            double hi = 1; // an estimate's best package is worth 1
            for (LearningMediator.Heard h : heard) {
                if (h.party().equals(party) && h.accept()) {
                    hi = Math.min(hi, est.utility(h.text().toArray()));
                }
            }
            double lo = 0;
            boolean[][] red = new boolean[v.issues().size()][];
            for (int i = 0; i < red.length; i++) {
                red[i] = new boolean[v.issues().get(i).size()];
            }
            boolean anyRed = false;
            for (LearningMediator.Heard h : heard) {
                if (!h.party().equals(party) || h.accept()) {
                    continue;
                }
                double u = est.utility(h.text().toArray());
                if (u >= hi - Moves.EPS && !h.objections().isEmpty()) {
                    int i = Issue.indexIn(v.issues(), h.objections().get(0));
                    red[i][h.text().option(i)] = true;
                    anyRed = true;
                } else {
                    lo = Math.max(lo, u);
                }
            }
            double r = lo >= hi ? hi : lo + lean * (hi - lo);
            out.put(party, anyRed ? withRedLines(v.issues(), est, red, r) : est.withReservation(r));
        }
        return out;
    }

    private static Profile withRedLines(List<Issue> issues, Profile est, boolean[][] red, double reservation) {
        int n = issues.size();
        double[] w = new double[n];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = est.weight(i);
            values[i] = new double[issues.get(i).size()];
            for (int o = 0; o < values[i].length; o++) {
                values[i][o] = est.value(i, o);
                red[i][o] &= values[i][o] < 1; // never its own best option there
            }
        }
        return Profile.of(issues, w, values, reservation, red);
    }
}
