package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.protocol.Action;
import java.util.HashSet;
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
        Optional<Map<String, Profile>> model = PartyEstimates.of(v, text);
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
        PartyEstimates.nash(v, Optional.of(text), model).ifPresent(candidates::add);
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

}
