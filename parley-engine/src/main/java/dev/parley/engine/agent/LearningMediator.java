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
 * It drafts in three stages:
 * <ol>
 * <li><b>Exploring.</b> For the first fifth of the deadline (at most {@value #EXPLORE_MAX} drafts) it proposes texts
 * drawn at random from the seat's seeded generator: scattered texts draw criticism of every option, which one text
 * and its neighbours never would.</li>
 * <li><b>Searching.</b> From each party's criticism and votes it estimates a profile ({@link PartyEstimates}); its own
 * it knows. Each vote is taken as an answer to "could you sign this?" (as {@code could-sign} voters give it), an
 * inequality on that party's reservation in the estimated utility ({@link Reservations}); an option that led the
 * criticism of texts the party refused and was never in one it signed is taken as its red line ({@link
 * Reservations#neverSigned}). It drafts the package its {@code stance} aims at in the zone of its estimates ({@code
 * neutral}, the Nash package; {@code interested}, the package best for itself), once; then, of the one-step changes
 * and two-issue trades of that package and of the best text every party signed, the one its stance scores highest
 * and not yet proposed; when none is left, a text a few random changes from the best text signed; when no such text
 * is found, any text not yet proposed. While no text has been signed by every party it goes on drafting to the
 * deadline, and ends the talks only when every text has been drafted.</li>
 * <li><b>Closing.</b> It ranks the texts every party signed by its stance, each reservation taken at the least the
 * votes allow (every signer is at least there). When {@value #SEARCH} drafts in a row have not changed which it ranks
 * first, or at the deadline, or when the search finds nothing new, it proposes that text again (every party has said
 * it could sign it) and ends the talks on it; if it is turned down, it ends them on the text as it stands.</li>
 * </ol>
 * No text is proposed twice, except the one it closes on. Voters who answer "is it no worse than the current text?"
 * mislead it about reservations, and may turn down the text it closes on. Not thread-safe: one per seat.
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
    /** The share of the deadline spent drafting texts at random, for the criticism they draw. */
    private static final double EXPLORING = 0.2;
    /** How many random drafts at most. */
    static final int EXPLORE_MAX = 40;
    /** Drafts in a row that leave the best accepted text as it was, before it closes on that text. */
    private static final int SEARCH = 30;
    /** How many random draws it tries for a new text near the best accepted one. */
    private static final int DRAWS = 200;

    private final Stance stance;
    private final RandomGenerator random;
    private final List<Heard> heard = new ArrayList<>();
    private final Map<Integer, Outcome> proposedIn = new HashMap<>();
    private final Set<Outcome> proposed = new HashSet<>();
    private int seen;
    /** Drafts in a row that left the best accepted text as it was. */
    private int idle;
    private Outcome lastBest;
    /** The texts put again to close on them. */
    private final Set<Outcome> closedOn = new HashSet<>();

    LearningMediator(RandomGenerator random, Stance stance) {
        this.random = random;
        this.stance = stance;
    }

    @Override
    Action propose(AgentView v) {
        listen(v);
        Outcome text = v.currentText().orElseThrow();
        int[] radices = v.issues().stream().mapToInt(dev.parley.engine.model.Issue::size).toArray();
        Outcome draft = v.round() < Math.min(EXPLORE_MAX, EXPLORING * v.deadline()) ? randomText(radices, text) : null;
        if (draft != null) {
            return proposing(draft);
        }
        Optional<Map<String, Profile>> estimates = PartyEstimates.of(v, heard, text);
        if (estimates.isEmpty()) { // some party has not yet criticised anything
            draft = randomText(radices, text);
            return draft != null
                    ? proposing(draft)
                    : new Action.End("every text has been drafted and some party has criticised none");
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
        // signed texts ranked with each reservation at the least the votes allow: each signer is at least there
        Optional<Outcome> keep = bestAccepted(v, Reservations.fit(v, estimates.get(), bounds, 0));
        if (keep.isPresent() && !keep.get().equals(lastBest)) {
            lastBest = keep.get();
            idle = 0;
        } else if (keep.isPresent()) {
            idle++;
        }
        boolean closing = keep.isPresent() && (v.round() + 2 >= v.deadline() || idle > SEARCH);
        if (!closing) {
            Optional<Outcome> next = search(v, model, radices, text, aim, keep).or(() -> Optional.ofNullable(
                    randomText(radices, text)));
            if (next.isPresent()) {
                return proposing(next.get());
            }
            if (keep.isEmpty()) {
                return new Action.End("every text has been drafted and none was signed by every party");
            }
        }
        if (keep.get().equals(text)) {
            return new Action.End("the text is the " + (stance == Stance.NEUTRAL ? "fairest" : "best")
                    + " package every party has said it could sign, as far as the mediator can tell");
        }
        if (closedOn.add(keep.get())) {
            return proposing(keep.get()); // every party has said it could sign it: the final draft
        }
        return new Action.End("the " + (stance == Stance.NEUTRAL ? "fairest" : "best") + " text every party had "
                + "signed was turned down when put again: the talks end on the text as it stands");
    }

    /**
     * The aim if not yet proposed; else, of the one-step changes and two-issue trades of the aim and of the best text
     * accepted, the one the stance scores highest, not yet proposed and acceptable to the mediator; else a text a few
     * random changes from the best text accepted (or the aim).
     */
    private Optional<Outcome> search(AgentView v, Map<String, Profile> model, int[] radices, Outcome text,
            Optional<Outcome> aim, Optional<Outcome> keep) {
        if (aim.isPresent() && fresh(aim.get(), text)) {
            return aim;
        }
        var candidates = new ArrayList<Outcome>();
        aim.ifPresent(a -> candidates.addAll(LocalSearch.neighboursOf(a, radices)));
        keep.ifPresent(k -> candidates.addAll(LocalSearch.neighboursOf(k, radices)));
        Outcome best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Outcome c : candidates) {
            if (!fresh(c, text) || !Moves.acceptable(v, c)) {
                continue;
            }
            double sc = score(v, model, c, true);
            if (sc > bestScore) {
                best = c;
                bestScore = sc;
            }
        }
        return best != null
                ? Optional.of(best)
                : Optional.ofNullable(nearText(v, radices, keep.isPresent() ? keep.get() : aim.orElse(text), text));
    }

    /** Whether the package is neither the text nor proposed before. */
    private boolean fresh(Outcome o, Outcome text) {
        return !o.equals(text) && !proposed.contains(o);
    }

    /**
     * A text one to three random changes from {@code around}, acceptable to the mediator, neither the current text
     * nor proposed before; null when {@value #DRAWS} draws find none.
     */
    private Outcome nearText(AgentView v, int[] radices, Outcome around, Outcome text) {
        for (int draw = 0; draw < DRAWS; draw++) {
            int[] c = around.toArray();
            int changes = 1 + random.nextInt(Math.min(3, c.length));
            for (int k = 0; k < changes; k++) {
                int i = random.nextInt(c.length);
                c[i] = random.nextInt(radices[i]);
            }
            Outcome o = Outcome.of(c);
            if (fresh(o, text) && Moves.acceptable(v, o)) {
                return o;
            }
        }
        return null;
    }

    /**
     * A text drawn at random, option by option, neither the current text nor proposed before; after {@value #DRAWS}
     * draws that find none, the first such text in odometer order from the last draw (of that many and two more texts
     * one must be fresh, unless the space has no more); null when every text has been proposed.
     */
    private Outcome randomText(int[] radices, Outcome text) {
        int[] c = new int[radices.length];
        for (int draw = 0; draw < DRAWS; draw++) {
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextInt(radices[i]);
            }
            Outcome o = Outcome.of(c);
            if (fresh(o, text)) {
                return o;
            }
        }
        for (int step = 0; step < proposed.size() + 2; step++) {
            for (int i = c.length - 1; i >= 0 && ++c[i] == radices[i]; i--) {
                c[i] = 0;
            }
            Outcome o = Outcome.of(c);
            if (fresh(o, text)) {
                return o;
            }
        }
        return null;
    }

    /**
     * What the stance maximises: the estimated Nash product (neutral) or the mediator's own utility (interested).
     * With {@code redLines} the estimates' red lines count: a text breaking one scores 0 (neutral), and a text some
     * estimate puts below its reservation or across a red line scores below every text all of them accept
     * (interested). Without, for a text every party signed: it breaks none of their red lines, whatever the estimates
     * hold.
     */
    private double score(AgentView v, Map<String, Profile> model, Outcome t, boolean redLines) {
        if (stance == Stance.NEUTRAL) {
            return nashProduct(v, model, t, redLines);
        }
        return redLines && !estimatedAcceptable(v, model, t) ? v.utility(t) - 1 : v.utility(t);
    }

    /** Whether every estimate but the mediator's own reaches its reservation at {@code t} and breaks no red line. */
    private static boolean estimatedAcceptable(AgentView v, Map<String, Profile> model, Outcome t) {
        int[] c = t.toArray();
        for (var e : model.entrySet()) {
            if (!e.getKey().equals(v.party()) && (!e.getValue().accepts(c) || e.getValue().utility(c) < e.getValue()
                    .reservation())) {
                return false;
            }
        }
        return true;
    }

    private Action proposing(Outcome o) {
        proposed.add(o);
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
            double score = score(v, model, t, false);
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

    /**
     * The estimated Nash product of a text: each party's estimated gain over its estimated reservation; 0 when, with
     * {@code redLines}, the text breaks a red line an estimate holds.
     */
    private static double nashProduct(AgentView v, Map<String, Profile> model, Outcome t, boolean redLines) {
        boolean ratifies = v.parties().stream().anyMatch(p -> p.id().equals(v.party()) && p.ratifies());
        double product = 1;
        for (var e : model.entrySet()) {
            boolean self = e.getKey().equals(v.party());
            if (self && !ratifies) {
                continue; // a mediator that does not sign is not in the product
            }
            Profile p = e.getValue();
            if (redLines && !self && !p.accepts(t.toArray())) {
                return 0;
            }
            double u = self ? v.utility(t) : p.utility(t.toArray());
            product *= Math.max(1e-6, u - p.reservation() + 1e-6);
        }
        return product;
    }
}
