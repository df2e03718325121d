package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.Accept;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Offer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Offers in turn, in two settings.
 * <ul>
 * <li>{@code saop}, the stacked alternating offers protocol (Aydoğan, Festen, Hindriks and Jonker, "Alternating
 * offers protocols for multilateral negotiation", 2017): the ratifying parties move in a fixed order; each offers,
 * accepts the standing offer, or ends the talks; the standing offer is a deal once every other party has accepted
 * it in turn.
 * <li>{@code alternating}, Rubinstein's bilateral alternating offers (1982) between the first two principals, with an
 * optional discount factor δ (a deal in round t is worth δ^t of its utility); the other ratifying parties then
 * ratify the bilateral deal by vote.
 * </ul>
 * A round is one turn of every negotiator; at the deadline the talks end without agreement.
 */
public final class StackedOffers implements Protocol<StackedOffers.State> {
    /** Immutable. */
    public record State(String phase, int round, int deadline, int turn, Optional<Outcome> standing,
            Optional<String> offerer, Set<String> accepted, Map<String, Boolean> votes, Optional<Outcome> agreement)
            implements
                Protocol.State {
        public State {
            accepted = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(accepted));
            votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        }

        @Override
        public Optional<Outcome> onTable() {
            return standing;
        }

        @Override
        public Optional<String> tabledBy() {
            return offerer;
        }

    }

    private final String name;
    private final List<String> negotiators;
    private final List<String> ratifiers;
    private final int rounds;
    private final double discount;

    private StackedOffers(String name, List<String> negotiators, List<String> ratifiers, int rounds,
            double discount) {
        if (negotiators.size() < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 negotiating parties");
        }
        if (rounds < 1 || !(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("rounds must be at least 1 and the discount in (0, 1]");
        }
        this.name = name;
        this.negotiators = List.copyOf(negotiators);
        this.ratifiers = List.copyOf(ratifiers);
        this.rounds = rounds;
        this.discount = discount;
    }

    /** SAOP among all ratifying parties, in party order. */
    public static StackedOffers saop(Scenario s, int rounds) {
        return new StackedOffers("saop", s.ratifyingParties().stream().map(Party::id).toList(), List.of(), rounds, 1);
    }

    /** Alternating offers between the first two principals; the other ratifying parties ratify. */
    public static StackedOffers alternating(Scenario s, int rounds, double discount) {
        List<String> principals = s.parties().stream().filter(p -> p.role() == Role.PRINCIPAL).map(Party::id)
                .limit(2).toList();
        if (principals.size() < 2) {
            throw new IllegalArgumentException("alternating offers needs two principals; " + s.id() + " has "
                    + principals.size());
        }
        List<String> others = s.ratifyingParties().stream().map(Party::id).filter(p -> !principals.contains(p))
                .toList();
        return new StackedOffers("alternating", principals, others, rounds, discount);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> participants() {
        var all = new ArrayList<>(negotiators);
        all.addAll(ratifiers);
        return all;
    }

    /** The parties that make and accept offers, in turn order. */
    public List<String> negotiators() {
        return negotiators;
    }

    /** δ: what a deal is worth per round of delay (1 for none). */
    public double discount() {
        return discount;
    }

    @Override
    public Transition<State> start() {
        return new Transition<>(new State("offer", 0, rounds, 0, Optional.empty(), Optional.empty(), Set.of(),
                Map.of(), Optional.empty()), List.of());
    }

    @Override
    public List<String> toMove(State s) {
        return switch (s.phase()) {
            case "offer" -> List.of(negotiators.get(s.turn()));
            case "ratify" -> ratifiers.stream().filter(r -> !s.votes().containsKey(r)).toList();
            default -> List.of();
        };
    }

    @Override
    public Transition<State> next(State s, String party, Action action) {
        ProtocolException.requireTurn(toMove(s), s.ended(), party);
        if (s.phase().equals("ratify")) {
            return ratify(s, party, action);
        }
        return switch (action) {
            case Offer o -> advance(new State("offer", s.round(), s.deadline(), s.turn(), Optional.of(o.outcome()),
                    Optional.of(party), Set.of(), Map.of(), Optional.empty()),
                    new Event.Offered(s.round(), party, o.outcome()));
            case Accept a -> accept(s, party);
            case End e -> new Transition<>(ended(s, Optional.empty(), party + " ended the talks: " + e.reason(),
                    Map.of()),
                    List.of(new Event.Ended(s.round(), Optional.empty(), party + " ended the talks: "
                            + e.reason(), Map.of())));
            default -> throw new ProtocolException(party + " may offer, accept or end, not "
                    + SingleText.describe(action));
        };
    }

    private Transition<State> accept(State s, String party) {
        if (s.standing().isEmpty()) {
            throw new ProtocolException("there is no offer to accept yet");
        }
        if (s.offerer().orElseThrow().equals(party)) {
            throw new ProtocolException(party + " cannot accept its own offer");
        }
        Outcome offer = s.standing().orElseThrow();
        var accepted = new LinkedHashSet<>(s.accepted());
        accepted.add(party);
        Event event = new Event.Accepted(s.round(), party, offer);
        if (accepted.size() < negotiators.size() - 1) {
            return advance(new State("offer", s.round(), s.deadline(), s.turn(), s.standing(), s.offerer(), accepted,
                    Map.of(), Optional.empty()), event);
        }
        if (ratifiers.isEmpty()) {
            String why = "every party accepted " + s.offerer().orElseThrow() + "'s offer";
            return new Transition<>(ended(s, Optional.of(offer), why, Map.of()), List.of(event,
                    new Event.Ended(s.round(), Optional.of(offer), why, Map.of())));
        }
        return new Transition<>(new State("ratify", s.round(), s.deadline(), s.turn(), s.standing(), s.offerer(),
                accepted, Map.of(), Optional.empty()), List.of(event));
    }

    private Transition<State> ratify(State s, String party, Action action) {
        Ballot b = Ballot.cast(s.votes(), ratifiers.size(), party, action, s.round(), "the deal");
        if (!b.complete()) {
            return new Transition<>(new State("ratify", s.round(), s.deadline(), s.turn(), s.standing(), s.offerer(),
                    s.accepted(), b.votes(), Optional.empty()), b.events());
        }
        Optional<Outcome> deal = b.against().isEmpty() ? s.standing() : Optional.empty();
        String why = b.against().isEmpty()
                ? "the negotiators agreed and every other ratifying party ratified"
                : String.join(", ", b.against()) + " refused to ratify the deal";
        b.events().add(new Event.Ended(s.round(), deal, why, b.votes()));
        return new Transition<>(ended(s, deal, why, b.votes()), b.events());
    }

    /** Passes the turn; past the last negotiator a new round starts, and past the deadline the talks end. */
    private Transition<State> advance(State s, Event event) {
        int turn = s.turn() + 1;
        int round = s.round();
        if (turn == negotiators.size()) {
            turn = 0;
            round++;
        }
        if (round >= s.deadline()) {
            String why = "deadline: no deal within " + s.deadline() + " rounds";
            return new Transition<>(ended(s, Optional.empty(), why, Map.of()), List.of(event,
                    new Event.Ended(s.round(), Optional.empty(), why, Map.of())));
        }
        return new Transition<>(new State("offer", round, s.deadline(), turn, s.standing(), s.offerer(), s.accepted(),
                Map.of(), Optional.empty()), List.of(event));
    }

    private static State ended(State s, Optional<Outcome> deal, String why, Map<String, Boolean> votes) {
        return new State("ended", s.round(), s.deadline(), s.turn(), s.standing(), s.offerer(), s.accepted(), votes,
                deal);
    }
}
