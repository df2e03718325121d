package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.Accept;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Offer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
public final class StackedOffers extends Rules implements Protocol {
    /** Immutable; change it with its withers. */
    public record State(Phase phase, int round, int deadline, int turn, Optional<Outcome> standing,
            Optional<String> offerer, Set<String> accepted, Map<String, Boolean> votes, Optional<Outcome> agreement)
            implements
                Protocol.State {
        public State {
            Objects.requireNonNull(phase, "phase");
            // empty most of the time (an offer resets both): no copy to make then, on the hot path of long talks
            accepted = accepted.isEmpty()
                    ? Set.of()
                    : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(
                            accepted));
            votes = votes.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        }

        @Override
        public Optional<Outcome> onTable() {
            return standing;
        }

        @Override
        public Optional<String> tabledBy() {
            return offerer;
        }

        State with(Phase p) {
            return new State(p, round, deadline, turn, standing, offerer, accepted, votes, agreement);
        }

        State withAccepted(Set<String> a) {
            return new State(phase, round, deadline, turn, standing, offerer, a, votes, agreement);
        }

        State withVotes(Map<String, Boolean> v) {
            return new State(phase, round, deadline, turn, standing, offerer, accepted, v, agreement);
        }

        State withAgreement(Optional<Outcome> deal) {
            return new State(phase, round, deadline, turn, standing, offerer, accepted, votes, deal);
        }
    }

    private final List<String> negotiators;
    /** Each negotiator alone, in turn order: who is to move in the offer phase, made once. */
    private final List<List<String>> alone;
    /** Each negotiator as the offerer, in turn order, made once. */
    private final List<Optional<String>> offerers;
    private final List<String> ratifiers;
    private final int rounds;
    private final double discount;

    private StackedOffers(Settings settings, List<String> negotiators, List<String> ratifiers) {
        super(settings);
        if (negotiators.size() < 2) {
            throw new dev.parley.engine.InvalidInput("protocol", settings.kind().id() + " needs at least 2 "
                    + "negotiating parties");
        }
        this.negotiators = List.copyOf(negotiators);
        this.alone = this.negotiators.stream().map(List::of).toList();
        this.offerers = this.negotiators.stream().map(Optional::of).toList();
        this.ratifiers = List.copyOf(ratifiers);
        seat(new Seats().add(negotiators, SeatRole.NEGOTIATOR).add(ratifiers, SeatRole.RATIFIER));
        this.rounds = settings.rounds();
        this.discount = settings.kind() == ProtocolKind.ALTERNATING ? settings.discount() : 1;
    }

    /** SAOP among all ratifying parties, in party order. */
    static StackedOffers saop(Scenario s, Settings settings) {
        return new StackedOffers(settings, s.ratifyingParties().stream().map(Party::id).toList(),
                List.of());
    }

    /** Alternating offers between the first two principals; the other ratifying parties ratify. */
    static StackedOffers alternating(Scenario s, Settings settings) {
        List<String> principals = s.principals();
        if (principals.size() < 2) {
            throw new dev.parley.engine.InvalidInput("protocol", "alternating offers needs two principals; " + s.id()
                    + " has " + principals.size());
        }
        List<String> others = s.ratifyingParties().stream().map(Party::id).filter(p -> !principals.contains(p))
                .toList();
        return new StackedOffers(settings, principals, others);
    }

    /** The parties that make and accept offers, in turn order. */
    public List<String> negotiators() {
        return negotiators;
    }

    /** δ: alternating's, from its settings; 1 in saop. */
    @Override
    public double discount() {
        return discount;
    }

    @Override
    public Transition start() {
        return new Transition(new State(Phase.OFFER, 0, rounds, 0, Optional.empty(), Optional.empty(), Set.of(),
                Map.of(), Optional.empty()), List.of());
    }

    @Override
    public List<String> toMove(Protocol.State state) {
        State s = own(state);
        return switch (s.phase()) {
            case OFFER -> alone.get(s.turn());
            case RATIFY -> Ballot.waiting(ratifiers, s.votes());
            case ENDED -> List.of();
            case PROPOSE, VOTE, PRESENT, RESPOND, CONCEDE -> throw Protocol.foreign(s, kind());
        };
    }

    private State own(Protocol.State state) {
        return Protocol.own(state, State.class, kind());
    }

    @Override
    public Transition next(Protocol.State state, String party, Action action) {
        var events = new ArrayList<Event>(2);
        return new Transition(apply(state, party, action, events), events);
    }

    /** Made natively: the protocol of long talks, whose every move is one of these. */
    @Override
    public State apply(Protocol.State state, String party, Action action, List<Event> into) {
        State s = own(state);
        ProtocolException.requireTurn(toMove(s), s.ended(), party, s.phase().isBallot());
        return s.phase() == Phase.RATIFY ? ratify(s, party, action, into) : offer(s, party, action, into);
    }

    private State offer(State s, String party, Action action, List<Event> into) {
        return switch (action) {
            case Offer o -> advance(s, o.outcome().optional(), offerers.get(s.turn()), Set.of(), new Event.Offered(
                    s.round(), party, o.outcome()), into);
            case Accept a -> accept(s, party, into);
            case End e -> {
                into.add(new Event.Ended(s.round(), Optional.empty(), party + " ended the talks: " + e.reason(), Map
                        .of()));
                yield ended(s, Optional.empty(), Map.of());
            }
            default -> throw ProtocolException.illegal(party + " may offer, accept or end, not "
                    + Action.describe(action));
        };
    }

    private State accept(State s, String party, List<Event> into) {
        if (s.standing().isEmpty()) {
            throw ProtocolException.illegal("there is no offer to accept yet");
        }
        if (s.offerer().orElseThrow().equals(party)) {
            throw ProtocolException.illegal(party + " cannot accept its own offer");
        }
        Outcome offer = s.standing().orElseThrow();
        var accepted = new LinkedHashSet<>(s.accepted());
        accepted.add(party);
        Event event = new Event.Accepted(s.round(), party, offer);
        if (accepted.size() < negotiators.size() - 1) {
            return advance(s, s.standing(), s.offerer(), accepted, event, into);
        }
        into.add(event);
        if (ratifiers.isEmpty()) {
            String why = "every party accepted " + s.offerer().orElseThrow() + "'s offer";
            into.add(new Event.Ended(s.round(), Optional.of(offer), why, Map.of()));
            return ended(s, Optional.of(offer), Map.of());
        }
        return s.with(Phase.RATIFY).withAccepted(accepted).withVotes(Map.of());
    }

    private State ratify(State s, String party, Action action, List<Event> into) {
        Ballot b = Ballot.cast(s.votes(), ratifiers.size(), party, action, s.round(), "the deal");
        into.addAll(b.events());
        if (!b.complete()) {
            return s.withVotes(b.votes());
        }
        Optional<Outcome> deal = b.against().isEmpty() ? s.standing() : Optional.empty();
        String why = b.against().isEmpty()
                ? "the negotiators agreed and every other ratifying party ratified"
                : String.join(", ", b.against()) + " refused to ratify the deal";
        into.add(new Event.Ended(s.round(), deal, why, b.votes()));
        return ended(s, deal, b.votes());
    }

    /**
     * Passes the turn, with the standing offer, its offerer and who accepted it as given; past the last negotiator a
     * new round starts, and past the deadline the talks end. One state is made: this is every move of long talks.
     */
    private State advance(State s, Optional<Outcome> standing, Optional<String> offerer, Set<String> accepted,
            Event event, List<Event> into) {
        int turn = s.turn() + 1;
        int round = s.round();
        if (turn == negotiators.size()) {
            turn = 0;
            round++;
        }
        into.add(event);
        if (round >= s.deadline()) {
            into.add(new Event.Ended(s.round(), Optional.empty(), "deadline: no deal within " + s.deadline()
                    + " rounds", Map.of()));
            State last = new State(s.phase(), s.round(), s.deadline(), s.turn(), standing, offerer, accepted, Map
                    .of(), s.agreement());
            return ended(last, Optional.empty(), Map.of());
        }
        return new State(Phase.OFFER, round, s.deadline(), turn, standing, offerer, accepted, Map.of(), s
                .agreement());
    }

    private static State ended(State s, Optional<Outcome> deal, Map<String, Boolean> votes) {
        return s.with(Phase.ENDED).withVotes(votes).withAgreement(deal);
    }
}
