package dev.parley.engine.protocol;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.Accept;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Present;
import dev.parley.engine.protocol.Action.Reject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shuttle diplomacy (Kissinger's Middle East shuttles of 1973–74; modelled after Hopmann, "The Negotiation Process
 * and the Resolution of International Conflicts", 1996).
 * <p>
 * Rules: the parties never talk to each other. Each round the mediator meets every ratifying party in turn, in
 * private, and presents a package; the party accepts it, or rejects it naming the issues it objects to most. With a
 * package the mediator may relay what another party said, labelled verbatim or reframed and linked to the event it
 * passes on. A party's words are its objections (issue ids) and what it says to the mediator in its meeting (a
 * message, which leaves the meeting open); a relay whose text states a party's reservation value is refused. A deal
 * needs every ratifying party to have accepted the identical package (the mediator, when it ratifies, consents by
 * presenting it). At the end of each round, when the parties have accepted different packages, the mediator gets a
 * divergence check naming the issues on which they differ. Each party sees only its own meetings; the mediator sees
 * all of them. At the deadline, or when the mediator or a party ends the talks, there is no deal.
 */
public final class Shuttle extends Rules implements Protocol {
    /**
     * Immutable; change it with its withers.
     *
     * @param meeting the index, in {@code parties}, of the party the mediator meets next (or is meeting)
     * @param presented what the mediator presented in the current meeting
     * @param openingPackage the opening package, a public setting of the talks
     * @param accepted the last package each party accepted
     */
    public record State(Phase phase, int round, int deadline, int meeting, String meetingWith,
            Optional<Outcome> presented, Outcome openingPackage, Map<String, Outcome> accepted,
            Optional<Outcome> agreement) implements Protocol.State {
        public State {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(openingPackage, "openingPackage");
            accepted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
        }

        @Override
        public Optional<Outcome> onTable() {
            return phase == Phase.RESPOND ? presented : Optional.empty();
        }

        /** The party the mediator is meeting, or meets next. */
        @Override
        public Optional<String> counterpart() {
            return ended() ? Optional.empty() : Optional.of(meetingWith);
        }

        @Override
        public Optional<Outcome> opening() {
            return Optional.of(openingPackage);
        }

        State with(Phase p) {
            return new State(p, round, deadline, meeting, meetingWith, presented, openingPackage, accepted,
                    agreement);
        }

        /** The meeting with the {@code index}-th party, {@code with}, in round {@code r}. */
        State meeting(int r, int index, String with) {
            return new State(phase, r, deadline, index, with, presented, openingPackage, accepted, agreement);
        }

        State withPresented(Optional<Outcome> p) {
            return new State(phase, round, deadline, meeting, meetingWith, p, openingPackage, accepted, agreement);
        }

        State withAccepted(Map<String, Outcome> a) {
            return new State(phase, round, deadline, meeting, meetingWith, presented, openingPackage, a, agreement);
        }

        State withAgreement(Optional<Outcome> deal) {
            return new State(phase, round, deadline, meeting, meetingWith, presented, openingPackage, accepted,
                    deal);
        }
    }

    private final String mediator;
    private final List<String> parties;
    private final List<Issue> issues;
    private final int rounds;
    private final Outcome opening;
    private final List<Double> reservations = new ArrayList<>();

    Shuttle(Scenario scenario, Settings settings) {
        super(settings);
        this.mediator = settings.mediator().orElseThrow();
        if (scenario.party(mediator).isEmpty()) {
            throw new dev.parley.engine.InvalidInput("mediator", "no party " + mediator + " to mediate");
        }
        this.parties = scenario.ratifyingParties().stream().map(Party::id).filter(p -> !p.equals(mediator)).toList();
        if (parties.isEmpty()) {
            throw new dev.parley.engine.InvalidInput("protocol", "shuttle needs at least one ratifying party besides "
                    + "the mediator");
        }
        seat(new Seats().add(mediator, SeatRole.SHUTTLE_MEDIATOR).add(parties, SeatRole.RESPONDENT));
        this.issues = scenario.issues();
        this.rounds = settings.rounds();
        this.opening = settings.opening().orElseGet(() -> SingleText.defaultOpening(scenario));
        scenario.profiles().values().forEach(profile -> reservations.add(profile.reservation()));
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(\\d*[.,]\\d+|\\d+)\\s*(%|per ?cent)?");

    /**
     * Whether the text states a party's reservation value, as a fraction (0.45, .45, 0,45) or a percentage (45%, 45
     * per cent). A guard against the plain slip, not against a mediator set on leaking; it never says whose.
     */
    private boolean statesReservation(String text) {
        var m = NUMBER.matcher(text);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1).replace(',', '.'));
            double value = m.group(2) != null ? x / 100 : x;
            for (double r : reservations) {
                if (Math.abs(value - r) < 1e-9 && r > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    public String mediator() {
        return mediator;
    }

    @Override
    public Transition start() {
        return new Transition(new State(Phase.PRESENT, 0, rounds, 0, parties.get(0), Optional.empty(), opening, Map
                .of(), Optional.empty()), List.of());
    }

    @Override
    public List<String> toMove(Protocol.State state) {
        State s = own(state);
        return switch (s.phase()) {
            case PRESENT -> List.of(mediator);
            case RESPOND -> List.of(parties.get(s.meeting()));
            case ENDED -> List.of();
            case PROPOSE, VOTE, RATIFY, OFFER, CONCEDE -> throw Protocol.foreign(s, kind());
        };
    }

    private State own(Protocol.State state) {
        return Protocol.own(state, State.class, kind());
    }

    /** The package on the table is the business of the meeting: the mediator's and the party's in it, no one else's. */
    @Override
    public Optional<Outcome> onTableFor(Protocol.State state, String party) {
        State s = own(state);
        return party.equals(mediator) || party.equals(s.meetingWith()) ? s.onTable() : Optional.empty();
    }

    /** The mediator sees everything; a party sees its own meetings and the end. */
    @Override
    public boolean visibleTo(Event e, String party) {
        if (party.equals(mediator)) {
            return true;
        }
        return switch (e) {
            case Event.Presented p -> p.to().equals(party);
            case Event.Accepted a -> a.party().equals(party);
            case Event.Rejected r -> r.party().equals(party);
            case Event.Said x -> x.party().equals(party);
            case Event.Diverged d -> false;
            default -> true;
        };
    }

    @Override
    public Transition next(Protocol.State state, String party, Action action) {
        State s = own(state);
        ProtocolException.requireTurn(toMove(s), s.ended(), party);
        return s.phase() == Phase.PRESENT ? present(s, action) : respond(s, party, action);
    }

    private Transition present(State s, Action action) {
        String to = parties.get(s.meeting());
        return switch (action) {
            case Present p when !p.to().equals(to) -> throw ProtocolException.illegal("the mediator meets " + to
                    + " now, not " + p.to());
            case Present p when p.outcome().issueCount() != issues.size() -> throw ProtocolException.illegal(
                    "a package needs one option per issue");
            case Present p -> {
                p.relay().ifPresent(r -> {
                    if (r.text().isBlank() || r.text().length() > Action.Message.MAX_LENGTH) {
                        throw ProtocolException.illegal("a relay needs words, at most " + Action.Message.MAX_LENGTH
                                + " characters");
                    }
                    if (r.original() < 1) {
                        throw ProtocolException.illegal("a relay must link to the event it passes on");
                    }
                    if (statesReservation(r.text())) {
                        throw ProtocolException.illegal("a relay never passes on a reservation value");
                    }
                });
                yield new Transition(s.with(Phase.RESPOND).withPresented(p.outcome().optional()),
                        List.of(new Event.Presented(s.round(), to, p.outcome(),
                                p.relay().map(Action.Relay::original), p.relay().map(Action.Relay::verbatim),
                                p.relay().map(Action.Relay::text))));
            }
            case End e -> ended(s, Optional.empty(), mediator + " ended the talks: " + e.reason(), List.of());
            default -> throw ProtocolException.illegal("the mediator presents a package or ends the talks, not "
                    + Action.describe(action));
        };
    }

    private Transition respond(State s, String party, Action action) {
        Outcome pkg = s.presented().orElseThrow();
        var events = new ArrayList<Event>();
        var accepted = new LinkedHashMap<>(s.accepted());
        switch (action) {
            case Action.Message m -> {
                if (m.text().isBlank() || m.text().length() > Action.Message.MAX_LENGTH) {
                    throw ProtocolException.illegal("a message needs words, at most " + Action.Message.MAX_LENGTH
                            + " characters");
                }
                return new Transition(s, List.of(new Event.Said(s.round(), party, m.text())));
            }
            case Accept a -> {
                accepted.put(party, pkg);
                events.add(new Event.Accepted(s.round(), party, pkg));
            }
            case Reject r -> {
                Rules.requireOptions(issues, r.objections(), r.toward());
                accepted.remove(party); // a party that rejects the package now stands by no earlier one
                events.add(new Event.Rejected(s.round(), party, pkg, r.objections(), r.toward()));
            }
            case End e -> {
                return ended(s, Optional.empty(), party + " walked out: " + e.reason(), List.of());
            }
            default -> throw ProtocolException.illegal(party + " accepts or rejects the package (or says something "
                    + "to the mediator), not " + Action.describe(action));
        }
        if (accepted.size() == parties.size() && accepted.values().stream().distinct().count() == 1) {
            Outcome deal = accepted.values().iterator().next();
            return ended(s.withAccepted(accepted), Optional.of(deal), "every party accepted the identical package",
                    events);
        }
        int meeting = s.meeting() + 1;
        int round = s.round();
        if (meeting == parties.size()) {
            meeting = 0;
            round++;
            divergence(s.round(), accepted).ifPresent(events::add);
            if (round >= s.deadline()) {
                State state = s.with(Phase.PRESENT).meeting(round, meeting, parties.get(meeting)).withPresented(
                        Optional.empty()).withAccepted(accepted);
                // Who accepted what, and where it differs, is the mediator's to know (its Diverged event): the end
                // every seat sees names nobody.
                return ended(state, Optional.empty(), "deadline: no package every party accepted within "
                        + s.deadline() + " rounds", events);
            }
        }
        return new Transition(s.with(Phase.PRESENT).meeting(round, meeting, parties.get(meeting)).withPresented(
                Optional.empty()).withAccepted(accepted), events);
    }

    /** The divergence check: the issues on which the packages the parties accepted differ. */
    private Optional<Event> divergence(int round, Map<String, Outcome> accepted) {
        List<String> differ = differingIssues(accepted);
        return differ.isEmpty() ? Optional.empty() : Optional.of(new Event.Diverged(round, accepted, differ));
    }

    private List<String> differingIssues(Map<String, Outcome> accepted) {
        var differ = new ArrayList<String>();
        if (accepted.size() < 2) {
            return differ;
        }
        for (int i = 0; i < issues.size(); i++) {
            final int issue = i;
            if (accepted.values().stream().map(o -> o.option(issue)).distinct().count() > 1) {
                differ.add(issues.get(i).id());
            }
        }
        return differ;
    }

    private Transition ended(State s, Optional<Outcome> deal, String why, List<Event> before) {
        var events = new ArrayList<>(before);
        events.add(new Event.Ended(s.round(), deal, why, Map.of()));
        return new Transition(s.with(Phase.ENDED).withPresented(Optional.empty()).withAgreement(deal), events);
    }
}
