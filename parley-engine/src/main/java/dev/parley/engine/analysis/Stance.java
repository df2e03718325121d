package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.util.Optional;

/**
 * What a mediator aims at (DESIGN's stance): {@code neutral}, the fair package (the Nash package of the zone);
 * {@code interested}, its own profile pursued within what the parties accept (the zone's best package for it, ties to
 * the larger sum of utilities, then the first in the frontier's order). Used by the learning mediator on its estimates and by
 * the console's assistant on the shared profiles.
 */
public enum Stance {
    NEUTRAL("neutral"), INTERESTED("interested");

    private final String id;

    Stance(String id) {
        this.id = id;
    }

    /** As in files, options and the API. */
    public String id() {
        return id;
    }

    /** The stance named {@code id}. */
    public static Optional<Stance> of(String id) {
        for (Stance s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The package this stance aims at in the analysis' zone, for the mediator {@code mediator}; nothing when the zone
     * is empty (or, interested, when the mediator has no profile). A mediator that does not ratify is counted, for
     * its own aim, as one that ratifies with nothing to lose (reservation 0), so that the zone is the parties' and
     * the frontier searched is also over its utility.
     */
    public Optional<Outcome> aim(Analysis a, String mediator) {
        if (this == NEUTRAL) {
            return Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(Solution::outcome);
        }
        Scenario s = a.scenario();
        if (!s.profiles().containsKey(mediator)) {
            return Optional.empty();
        }
        Analysis over = a;
        if (!a.ratifying().contains(mediator)) {
            var parties = new java.util.ArrayList<Party>();
            for (Party p : s.parties()) {
                parties.add(p.id().equals(mediator)
                        ? new Party(p.id(), p.name(), p.role(), true, p
                                .representatives())
                        : p);
            }
            var profiles = new java.util.LinkedHashMap<>(s.profiles());
            profiles.put(mediator, s.profiles().get(mediator).withReservation(0));
            over = Analyzer.analyze(Scenario.of(s.id(), s.title(), s.description(), parties, s.issues(), profiles,
                    Optional.empty()),
                    AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(false)
                            .withFrontier(FrontierScope.ZONE));
        }
        Outcome best = null;
        double bestU = Double.NEGATIVE_INFINITY;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (FrontierPoint point : over.frontier(Integer.MAX_VALUE)) {
            Double u = point.utilities().get(mediator);
            if (!point.inZone() || u == null) {
                continue;
            }
            double sum = point.utilities().values().stream().mapToDouble(Double::doubleValue).sum();
            if (u > bestU + TIE || (u > bestU - TIE && sum > bestSum + TIE)) {
                best = point.outcome();
                bestU = u;
                bestSum = sum;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Utilities this close are equal (the analysis' ties). */
    private static final double TIE = 1e-12;

    /**
     * The next text a single-text mediator of this stance would propose to parties who accept only a text no worse for
     * them: the stance's aim among the packages of the zone that every ratifying party values at least as much as
     * {@code current} (each reservation raised to its utility of the current text). Nothing when that is the current
     * text itself, or when no package of the zone is that good for all.
     */
    public Optional<Outcome> step(Scenario s, Outcome current, String mediator, AnalysisOptions options) {
        Scenario raised = s;
        for (Party p : s.ratifyingParties()) {
            Profile profile = s.profiles().get(p.id());
            double u = profile.utility(current.toArray());
            if (u > profile.reservation()) {
                raised = raised.withProfile(p.id(), profile.withReservation(Math.min(1, u - TIE))); // the text
                // itself stays in
            }
        }
        return aim(Analyzer.analyze(raised, options), mediator).filter(o -> !o.equals(current));
    }
}
