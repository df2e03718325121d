package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Propose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single negotiating text (Fisher's one-text procedure, as used at Camp David in 1978; automated by Klein,
 * Faratin, Sayama and Bar-Yam, "Negotiating complex contracts", 2003).
 * <p>
 * Rules: the mediator holds one text. Each round it proposes a change to the last text everyone accepted; every
 * ratifying party (the mediator too, when it ratifies) votes accept or reject, privately; a unanimous accept makes
 * the proposal the new text. The talks end when {@code stallLimit} proposals in a row are not adopted, when the
 * mediator ends them, or at the deadline; then every ratifying party votes once more on the final text, and it is a
 * deal only if all accept. A vote on a proposal may carry criticism (issues objected to, the option wanted on each);
 * the mediator hears each vote on a proposal with its criticism, as a mediator hears each side in private (Raiffa),
 * all of them once every vote is in (sent as they came, they would tell who had voted while the vote is open). The
 * other parties never learn another's vote; the final vote is secret from everyone, the mediator learning only how
 * many rejected.
 * <p>
 * The opening text, unless given, is the middle option of each issue among the options no ratifying party rules
 * out: a neutral start that breaks no red line.
 */
public final class SingleText extends Rules implements Protocol {
    /** Immutable. {@code votes} holds the votes of the current vote, in party order. Change it with its withers. */
    public record State(Phase phase, String mediator, int round, int deadline, Outcome current,
            Optional<Outcome> proposal, Map<String, Boolean> votes, int stall, Optional<Outcome> agreement,
            List<Event.Criticised> criticism)
            implements
                Protocol.State {
        public State {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(current, "current");
            votes = Votes.frozen(votes);
            criticism = List.copyOf(criticism);
        }

        @Override
        public Optional<Outcome> onTable() {
            return phase == Phase.VOTE ? proposal : phase == Phase.RATIFY ? Optional.of(current) : Optional.empty();
        }

        /** The mediator, while its proposal is being voted on. */
        @Override
        public Optional<String> tabledBy() {
            return phase == Phase.VOTE ? Optional.of(mediator) : Optional.empty();
        }

        @Override
        public Optional<Outcome> currentText() {
            return Optional.of(current);
        }

        State with(Phase p) {
            return new State(p, mediator, round, deadline, current, proposal, votes, stall, agreement, criticism);
        }

        State withRound(int r) {
            return new State(phase, mediator, r, deadline, current, proposal, votes, stall, agreement, criticism);
        }

        State withCurrent(Outcome text) {
            return new State(phase, mediator, round, deadline, text, proposal, votes, stall, agreement, criticism);
        }

        State withProposal(Optional<Outcome> p) {
            return new State(phase, mediator, round, deadline, current, p, votes, stall, agreement, criticism);
        }

        State withVotes(Map<String, Boolean> v) {
            return new State(phase, mediator, round, deadline, current, proposal, v, stall, agreement, criticism);
        }

        State withStall(int n) {
            return new State(phase, mediator, round, deadline, current, proposal, votes, n, agreement, criticism);
        }

        /** Criticism of the proposal being voted on, held back until every vote is in. */
        State withCriticism(List<Event.Criticised> c) {
            return new State(phase, mediator, round, deadline, current, proposal, votes, stall, agreement, c);
        }

        State withAgreement(Optional<Outcome> deal) {
            return new State(phase, mediator, round, deadline, current, proposal, votes, stall, deal, criticism);
        }
    }

    /**
     * A state's votes, in the order cast, frozen: a state made from another with the same votes shares them rather
     * than copying them (a session makes several states a move). Immutable.
     */
    private static final class Votes extends java.util.AbstractMap<String, Boolean> {
        private final Map<String, Boolean> votes;

        private Votes(Map<String, Boolean> votes) {
            this.votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        }

        static Map<String, Boolean> frozen(Map<String, Boolean> votes) {
            return votes instanceof Votes ? votes : new Votes(votes);
        }

        @Override
        public java.util.Set<Entry<String, Boolean>> entrySet() {
            return votes.entrySet();
        }

        @Override
        public Boolean get(Object key) {
            return votes.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return votes.containsKey(key);
        }

        @Override
        public int size() {
            return votes.size();
        }
    }

    private final String mediator;
    private final List<String> voters;
    private final List<dev.parley.engine.model.Issue> issues;
    private final int rounds;
    private final int stallLimit;
    private final Outcome opening;

    /**
     * The settings give the mediator, the deadline in proposals, how many proposals in a row may fail before the
     * talks end, and the opening text (by default the one below).
     */
    SingleText(Scenario scenario, Settings settings) {
        super(settings);
        this.mediator = settings.mediator().orElseThrow();
        if (scenario.party(mediator).isEmpty()) {
            throw new dev.parley.engine.InvalidInput("mediator", "no party " + mediator + " to mediate");
        }
        this.voters = scenario.ratifyingParties().stream().map(Party::id).toList();
        this.issues = scenario.issues();
        seat(new Seats().add(mediator, SeatRole.TEXT_MEDIATOR).add(voters, SeatRole.VOTER));
        this.rounds = settings.rounds();
        this.stallLimit = settings.stallLimit();
        this.opening = settings.opening().orElseGet(() -> defaultOpening(scenario));
    }

    /**
     * The middle option of each issue: an opening drawn from public facts only (the issues and their options), which
     * says nothing of anyone's profile. Live talks open with it unless the organiser gives one: the
     * {@link #defaultOpening} avoids every red line, so a party that saw it could learn the others' red lines.
     */
    public static Outcome publicOpening(Scenario s) {
        return Outcome.of(s.issues().stream().mapToInt(i -> (i.size() - 1) / 2).toArray());
    }

    /**
     * The middle option of each issue among those no ratifying party has as a red line: the opening a simulation
     * uses, where whoever runs it holds every profile.
     */
    public static Outcome defaultOpening(Scenario s) {
        int[] choice = new int[s.issues().size()];
        for (int i = 0; i < choice.length; i++) {
            var allowed = new ArrayList<Integer>();
            for (int k = 0; k < s.issues().get(i).size(); k++) {
                boolean red = false;
                for (Party p : s.ratifyingParties()) {
                    Profile profile = s.profiles().get(p.id());
                    red |= profile.isRedLine(i, k);
                }
                if (!red) {
                    allowed.add(k);
                }
            }
            int mid = (s.issues().get(i).size() - 1) / 2;
            choice[i] = allowed.isEmpty() ? mid : allowed.get((allowed.size() - 1) / 2);
        }
        return Outcome.of(choice);
    }

    public String mediator() {
        return mediator;
    }

    /** Another party's vote is secret; a party's criticism goes to the mediator alone. */
    @Override
    public boolean visibleTo(Event event, String party) {
        if (event instanceof Event.Criticised c) {
            return c.party().equals(party) || party.equals(mediator);
        }
        return Protocol.super.visibleTo(event, party);
    }

    @Override
    public Transition start() {
        return new Transition(new State(Phase.PROPOSE, mediator, 0, rounds, opening, Optional.empty(), Map.of(), 0,
                Optional.empty(), List.of()), List.of(new Event.TextAdopted(0, opening)));
    }

    @Override
    public List<String> toMove(Protocol.State state) {
        State s = own(state);
        return switch (s.phase()) {
            case PROPOSE -> List.of(mediator);
            case VOTE, RATIFY -> Ballot.waiting(voters, s.votes());
            case ENDED -> List.of();
            case OFFER, PRESENT, RESPOND, CONCEDE -> throw Protocol.foreign(s, kind());
        };
    }

    @Override
    public Transition next(Protocol.State state, String party, Action action) {
        State s = own(state);
        ProtocolException.requireTurn(toMove(s), s.ended(), party, s.phase().isBallot());
        return switch (s.phase()) {
            case PROPOSE -> propose(s, party, action);
            case VOTE, RATIFY -> vote(s, party, action);
            case ENDED, OFFER, PRESENT, RESPOND, CONCEDE -> throw new IllegalStateException(
                    "unreachable: nobody moves in " + s.phase().id());
        };
    }

    private State own(Protocol.State state) {
        return Protocol.own(state, State.class, kind());
    }

    private Transition propose(State s, String party, Action action) {
        return switch (action) {
            case Propose p when p.text().equals(s.current()) -> throw ProtocolException.illegal(
                    "a proposal must change the current text");
            case Propose p when p.text().issueCount() != s.current().issueCount() -> throw ProtocolException.illegal(
                    "a proposal needs one option per issue");
            case Propose p -> new Transition(s.with(Phase.VOTE).withProposal(Optional.of(p.text())).withVotes(Map
                    .of()), List.of(new Event.Proposed(s.round(), party, p.text())));
            case End e -> new Transition(ratifyPhase(s), List.of());
            default -> throw ProtocolException.illegal("the mediator may propose a text or end the talks, not "
                    + Action.describe(action));
        };
    }

    /**
     * A vote on the proposal or, in the ratify phase, on the final text; the last vote decides. A vote on a proposal
     * (with the criticism it carries, checked against the issues) is passed to the mediator once every vote is in.
     */
    private Transition vote(State s, String party, Action action) {
        Ballot b = Ballot.cast(s.votes(), voters.size(), party, action, s.round(),
                s.phase() == Phase.VOTE ? "the proposal" : "the final text");
        List<Event.Criticised> criticism = s.criticism();
        if (action instanceof Action.Vote v && !v.objections().isEmpty() && s.phase() != Phase.VOTE) {
            throw ProtocolException.illegal("criticism goes with a vote on a proposal, not on the final text");
        }
        if (action instanceof Action.Vote v && s.phase() == Phase.VOTE) {
            Rules.requireOptions(issues, v.objections(), v.toward());
        }
        if (action instanceof Action.Vote v && s.phase() == Phase.VOTE && !party.equals(mediator)) {
            var more = new ArrayList<>(criticism); // held back: sent now it would tell who has voted
            more.add(new Event.Criticised(s.round(), party, v.accept(), v.objections(), v.toward()));
            criticism = more;
        }
        if (!b.complete()) { // the votes and the criticism so far, in one state
            return new Transition(new State(s.phase(), s.mediator(), s.round(), s.deadline(), s.current(), s
                    .proposal(), b.votes(), s.stall(), s.agreement(), criticism), b.events());
        }
        if (!criticism.isEmpty()) { // every vote is in: the mediator hears each, in vote order
            b.events().addAll(criticism);
            s = s.withCriticism(List.of());
        }
        return s.phase() == Phase.VOTE ? decide(s, b) : ratified(s, b);
    }

    /** Every vote on a proposal is in: adopt it if unanimous, then go on, or to the final vote. */
    private Transition decide(State s, Ballot b) {
        List<Event> events = b.events();
        int rejections = b.against().size();
        Outcome text = s.current();
        int stall = s.stall() + 1;
        if (rejections == 0) {
            text = s.proposal().orElseThrow();
            stall = 0;
            events.add(new Event.TextAdopted(s.round(), text));
        } else {
            events.add(new Event.TextKept(s.round(), rejections));
        }
        int round = s.round() + 1;
        State after = new State(Phase.PROPOSE, s.mediator(), round, s.deadline(), text, Optional.empty(), Map.of(),
                stall, s.agreement(), s.criticism());
        if (round >= s.deadline() || stall >= stallLimit) {
            after = ratifyPhase(after);
        }
        return new Transition(after, events);
    }

    private static State ratifyPhase(State s) {
        return s.with(Phase.RATIFY).withProposal(Optional.empty()).withVotes(Map.of());
    }

    /** Every vote on the final text is in: a deal only if all accepted. */
    private Transition ratified(State s, Ballot b) {
        List<String> against = b.against();
        Map<String, Boolean> votes = b.votes();
        List<Event> events = b.events();
        Optional<Outcome> deal = against.isEmpty() ? Optional.of(s.current()) : Optional.empty();
        String why = against.isEmpty()
                ? "every ratifying party accepted the final text"
                : String.join(", ", against) + " rejected the final text";
        events.add(new Event.Ended(s.round(), deal, why, votes));
        return new Transition(s.with(Phase.ENDED).withVotes(votes).withAgreement(deal), events);
    }
}
