package dev.parley.engine.agent;

import dev.parley.engine.analysis.Stance;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A single-text mediator that learns the parties from what it hears (Raiffa's single negotiating text: the mediator
 * drafts, each party criticises the draft and says whether it could sign it, the mediator redrafts).
 * <p>
 * From each party's criticism it estimates a profile ({@link PartyEstimates}); its own it knows. Each vote it hears is
 * taken as an answer to "could you sign this?" (as {@code could-sign} voters give it), an inequality on that party's
 * reservation in the estimated utility ({@link Reservations}); voters who answer "is it no worse than the current
 * text?" mislead it there, one reason it is experimental. Until some text has been accepted by every party it drafts the package its {@code stance} aims at in
 * the zone of its estimates (each reservation the middle of what the votes allow, lower while that leaves no
 * package): {@code neutral}, the Nash package; {@code interested}, the package best for itself. From then on it
 * redrafts from the best text every party accepted: of the aim and every one-step change or two-issue trade of that
 * text, the one its stance scores highest (the estimated Nash product, each reservation at the least the votes allow;
 * or its own utility), if above that text and not rejected by anyone. When nothing ranks higher it explores like
 * {@code hill-climb} for a while (which draws more criticism and votes), then, or near the deadline, proposes the
 * best text accepted again if the text has moved from it and ends the talks on it. Not thread-safe: one per seat.
 */
final class LearningMediator extends TextMediator {
    /** One vote heard: a party accepted or rejected a proposed text. */
    record Heard(String party, Outcome text, boolean accept, List<String> objections, List<String> toward) {
        Heard {
            objections = List.copyOf(objections);
            toward = List.copyOf(toward);
        }
    }

    /** How far between its bounds a reservation is taken: the middle first, lower while that leaves no package. */
    private static final double[] LEANS = {0.5, 0.25, 0};
    /** How many explorations in a row, with nothing new to aim at, before it closes on the best text accepted. */
    private static final int PATIENCE = 12;
    /** The share of the deadline spent bisecting the reservations, at most. */
    private static final double LEARNING = 0.6;
    /** Bounds on a reservation this far apart, or more, are worth a probe. */
    private static final double WIDE = 0.02;
    /** Where in its bounds a probed party's reservation is taken, tried in turn. */
    private static final double[] PROBES = {0.25, 0.1, 0};

    private final Stance stance;
    private final HillClimbMediator explore;
    private final List<Heard> heard = new ArrayList<>();
    private final Map<Integer, Outcome> proposedIn = new HashMap<>();
    /** What was proposed at the current text and not adopted. */
    private final Set<Outcome> rejectedHere = new HashSet<>();
    private int seen;
    /** Proposals in a row that were not its aim. */
    private int idle;
    private Outcome base;
    private Outcome lastProposed;

    LearningMediator(RandomGenerator random, Stance stance) {
        this.explore = new HillClimbMediator(random);
        this.stance = stance;
    }

    @Override
    Action propose(AgentView v) {
        listen(v);
        Outcome text = v.currentText().orElseThrow();
        if (!text.equals(base)) {
            base = text;
            rejectedHere.clear();
        } else if (lastProposed != null) {
            rejectedHere.add(lastProposed); // the text did not move: not adopted
        }
        lastProposed = null;
        Optional<Map<String, Profile>> estimates = PartyEstimates.of(v, heard, text);
        if (estimates.isEmpty()) {
            return explore.propose(v);
        }
        Map<String, Reservations.Bounds> bounds = Reservations.bounds(v, estimates.get(), heard);
        Map<String, Profile> model = Map.of();
        Optional<Outcome> aim = Optional.empty();
        for (double lean : LEANS) {
            model = Reservations.fit(v, estimates.get(), bounds, lean);
            aim = aim(v, model);
            if (aim.isPresent()) {
                break;
            }
        }
        Set<Outcome> down = turnedDown();
        if (v.round() < LEARNING * v.deadline()) { // bisect the reservations: draft the aim, or ask who could
            // sign for less, while some party's bounds are wide
            Optional<Outcome> ask = fresh(aim, text, down).or(() -> probe(v, estimates.get(), bounds, text, down));
            if (ask.isPresent()) {
                idle = 0;
                return proposing(ask.get());
            }
        }
        Optional<Outcome> keep = bestAccepted(v, model);
        boolean closing = v.round() + 2 >= v.deadline() || idle >= PATIENCE;
        if (keep.isEmpty()) { // nothing every party could sign yet: draft the aim, else explore
            if (!closing && aim.isPresent() && !aim.get().equals(text) && !down.contains(aim.get())) {
                return proposing(aim.get());
            }
            idle++;
            return explore.propose(v);
        }
        if (!closing) { // redraft from the best text accepted: the step its estimates rank first, scored with each
            // reservation at the least its votes allow (the vote itself tells whether a step can be signed)
            Optional<Outcome> step = step(v, Reservations.fit(v, estimates.get(), bounds, 0), keep.get(), aim);
            if (step.isPresent()) {
                idle = 0;
                return proposing(step.get());
            }
        }
        if (!closing) {
            idle++; // nothing ranks above the best text accepted: explore, which draws more criticism and votes
            return explore.propose(v);
        }
        if (!keep.get().equals(text) && !rejectedHere.contains(keep.get())) {
            return proposing(keep.get());
        }
        return new Action.End("the text is the " + (stance == Stance.NEUTRAL ? "fairest" : "best")
                + " package every party has said it could sign, as far as the mediator can tell");
    }

    /** The package, if it is not the text and nobody has rejected it. */
    private static Optional<Outcome> fresh(Optional<Outcome> o, Outcome text, Set<Outcome> down) {
        return o.filter(x -> !x.equals(text) && !down.contains(x));
    }

    /**
     * The aim again with one party's reservation taken low in its bounds, for the party whose bounds are widest
     * among those still wide where that gives a new package: whether it accepts or rejects, its bounds close in.
     */
    private Optional<Outcome> probe(AgentView v, Map<String, Profile> estimates,
            Map<String, Reservations.Bounds> bounds,
            Outcome text, Set<Outcome> down) {
        var wide = new ArrayList<String>();
        bounds.forEach((p, b) -> {
            if (b.width() > WIDE) {
                wide.add(p);
            }
        });
        wide.sort(java.util.Comparator.comparingDouble(p -> -bounds.get(p).width()));
        for (String p : wide) {
            for (double low : PROBES) {
                Optional<Outcome> o = fresh(aim(v, Reservations.fit(v, estimates, bounds, LEANS[0], p, low)), text,
                        down);
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /** Every text some party rejected. */
    private Set<Outcome> turnedDown() {
        var out = new HashSet<Outcome>();
        for (Heard h : heard) {
            if (!h.accept()) {
                out.add(h.text());
            }
        }
        return out;
    }

    /**
     * Of the aim and every one-step change or two-issue trade of {@code from}, the one the stance scores highest by
     * the estimates, above {@code from} itself, among those nobody has rejected, not yet accepted by all, and
     * acceptable to the mediator.
     */
    private Optional<Outcome> step(AgentView v, Map<String, Profile> model, Outcome from, Optional<Outcome> aim) {
        Set<Outcome> down = turnedDown();
        var candidates = new ArrayList<Outcome>();
        aim.ifPresent(candidates::add);
        candidates
                .addAll(LocalSearch.neighboursOf(from, v.issues().stream().mapToInt(dev.parley.engine.model.Issue::size)
                        .toArray()));
        Outcome best = null;
        double bestScore = score(v, model, from) + Moves.EPS;
        for (Outcome c : candidates) {
            if (down.contains(c) || acceptedByAll(c, model, v.party()) || !Moves.acceptable(v, c)) {
                continue;
            }
            double sc = score(v, model, c);
            if (sc > bestScore) {
                best = c;
                bestScore = sc;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean acceptedByAll(Outcome t, Map<String, Profile> model, String self) {
        Set<String> by = new HashSet<>();
        for (Heard h : heard) {
            if (h.accept() && h.text().equals(t)) {
                by.add(h.party());
            }
        }
        return by.containsAll(others(model, self));
    }

    /** What the stance maximises: the estimated Nash product (neutral) or the mediator's own utility (interested). */
    private double score(AgentView v, Map<String, Profile> model, Outcome t) {
        return stance == Stance.INTERESTED ? v.utility(t) : nashProduct(v, model, t);
    }

    private Action proposing(Outcome o) {
        lastProposed = o;
        return new Action.Propose(o);
    }

    /** Takes in the proposals and the votes heard since the last call. */
    private void listen(AgentView v) {
        for (NumberedEvent n : v.numberedEvents(seen)) {
            seen = n.seq();
            switch (n.event()) {
                case Event.Proposed p -> proposedIn.put(p.round(), p.text());
                case Event.Criticised c when proposedIn.containsKey(c.round()) ->
                    heard.add(new Heard(c.party(), proposedIn.get(c.round()), c.accept(), c.objections(), c.toward()));
                default -> {
                }
            }
        }
    }

    /** The package the stance aims at in the estimated zone, if the estimates admit one. */
    private Optional<Outcome> aim(AgentView v, Map<String, Profile> model) {
        return PartyEstimates.aim(v, model, stance);
    }

    /** The text every party accepted that the stance ranks first by the estimates. */
    private Optional<Outcome> bestAccepted(AgentView v, Map<String, Profile> model) {
        Map<Outcome, Set<String>> acceptedBy = new HashMap<>();
        for (Heard h : heard) {
            if (h.accept()) {
                acceptedBy.computeIfAbsent(h.text(), t -> new HashSet<>()).add(h.party());
            }
        }
        Outcome best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : acceptedBy.entrySet()) {
            Outcome t = e.getKey();
            if (!e.getValue().containsAll(others(model, v.party())) || !Moves.acceptable(v, t)) {
                continue;
            }
            double score = score(v, model, t);
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> others(Map<String, Profile> model, String self) {
        var out = new HashSet<>(model.keySet());
        out.remove(self);
        return out;
    }

    /** The estimated Nash product of a text: each party's estimated gain over its estimated reservation. */
    private static double nashProduct(AgentView v, Map<String, Profile> model, Outcome t) {
        boolean ratifies = v.parties().stream().anyMatch(p -> p.id().equals(v.party()) && p.ratifies());
        double product = 1;
        for (var e : model.entrySet()) {
            if (e.getKey().equals(v.party()) && !ratifies) {
                continue; // a mediator that does not sign is not in the product
            }
            Profile p = e.getValue();
            double u = e.getKey().equals(v.party()) ? v.utility(t) : p.utility(t.toArray());
            product *= Math.max(1e-6, u - p.reservation() + 1e-6);
        }
        return product;
    }
}
