package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Propose;
import dev.parley.engine.protocol.Action.Vote;
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
 * deal only if all accept. The mediator learns how many rejected, never who.
 * <p>
 * The opening text, unless given, is the middle option of each issue among the options no ratifying party rules
 * out: a neutral start that breaks no red line.
 */
public final class SingleText implements Protocol<SingleText.State> {
    /** Phases of a round. */
    public enum Phase {
        PROPOSE, VOTE, RATIFY, ENDED
    }

    /** Immutable. {@code votes} holds the votes of the current vote, in party order. */
    public record State(Phase stage, String mediator, int round, int deadline, Outcome current,
            Optional<Outcome> proposal, Map<String, Boolean> votes, int stall, Optional<Outcome> agreement)
            implements
                Protocol.State {
        public State {
            Objects.requireNonNull(current, "current");
            votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        }

        @Override
        public String phase() {
            return stage.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Optional<Outcome> onTable() {
            return stage == Phase.VOTE ? proposal : stage == Phase.RATIFY ? Optional.of(current) : Optional.empty();
        }

        /** The mediator, while its proposal is being voted on. */
        @Override
        public Optional<String> tabledBy() {
            return stage == Phase.VOTE ? Optional.of(mediator) : Optional.empty();
        }

        @Override
        public Optional<Outcome> text() {
            return Optional.of(current);
        }
    }

    private final String mediator;
    private final List<String> voters;
    private final int rounds;
    private final int stallLimit;
    private final Outcome opening;

    /**
     * @param mediator the mediator's party id
     * @param rounds the deadline, in proposals
     * @param stallLimit how many proposals in a row may fail before the talks end
     * @param opening the opening text, or empty for the default above
     */
    public SingleText(Scenario scenario, String mediator, int rounds, int stallLimit, Optional<Outcome> opening) {
        if (scenario.party(mediator).isEmpty()) {
            throw new IllegalArgumentException("no party " + mediator);
        }
        if (rounds < 1 || stallLimit < 1) {
            throw new IllegalArgumentException("rounds and stall limit must be at least 1");
        }
        this.mediator = mediator;
        this.voters = scenario.ratifyingParties().stream().map(Party::id).toList();
        this.rounds = rounds;
        this.stallLimit = stallLimit;
        this.opening = opening.orElseGet(() -> defaultOpening(scenario));
    }

    /** The middle option of each issue among those no ratifying party has as a red line. */
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

    @Override
    public String name() {
        return "single-text";
    }

    @Override
    public List<String> participants() {
        var all = new ArrayList<String>();
        all.add(mediator);
        voters.stream().filter(v -> !v.equals(mediator)).forEach(all::add);
        return all;
    }

    public String mediator() {
        return mediator;
    }

    @Override
    public Transition<State> start() {
        return new Transition<>(new State(Phase.PROPOSE, mediator, 0, rounds, opening, Optional.empty(), Map.of(), 0,
                Optional.empty()), List.of(new Event.TextAdopted(0, opening)));
    }

    @Override
    public List<String> toMove(State s) {
        return switch (s.stage()) {
            case PROPOSE -> List.of(mediator);
            case VOTE, RATIFY -> voters.stream().filter(v -> !s.votes().containsKey(v)).toList();
            case ENDED -> List.of();
        };
    }

    @Override
    public Transition<State> next(State s, String party, Action action) {
        ProtocolException.requireTurn(toMove(s), s.ended(), party);
        return switch (s.stage()) {
            case PROPOSE -> propose(s, party, action);
            case VOTE, RATIFY -> vote(s, party, action);
            case ENDED -> throw new IllegalStateException("unreachable: nobody moves after the end");
        };
    }

    private Transition<State> propose(State s, String party, Action action) {
        return switch (action) {
            case Propose p when p.text().equals(s.current()) -> throw new ProtocolException(
                    "a proposal must change the current text");
            case Propose p when p.text().issueCount() != s.current().issueCount() -> throw new ProtocolException(
                    "a proposal needs one option per issue");
            case Propose p -> new Transition<>(new State(Phase.VOTE, s.mediator(), s.round(), s.deadline(), s.current(),
                    Optional.of(p.text()), Map.of(), s.stall(), Optional.empty()),
                    List.of(new Event.Proposed(s.round(), party, p.text())));
            case End e -> new Transition<>(ratifyPhase(s), List.of());
            default -> throw new ProtocolException("the mediator may propose a text or end the talks, not "
                    + describe(action));
        };
    }

    /** A vote on the proposal or, in the ratify phase, on the final text; the last vote decides. */
    private Transition<State> vote(State s, String party, Action action) {
        Ballot b = Ballot.cast(s.votes(), voters.size(), party, action, s.round(),
                s.stage() == Phase.VOTE ? "the proposal" : "the final text");
        if (!b.complete()) {
            return new Transition<>(new State(s.stage(), s.mediator(), s.round(), s.deadline(), s.current(),
                    s.proposal(), b.votes(), s.stall(), Optional.empty()), b.events());
        }
        return s.stage() == Phase.VOTE ? decide(s, b) : ratified(s, b);
    }

    /** Every vote on a proposal is in: adopt it if unanimous, then go on, or to the final vote. */
    private Transition<State> decide(State s, Ballot b) {
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
        var after = new State(Phase.PROPOSE, s.mediator(), round, s.deadline(), text, Optional.empty(), Map.of(),
                stall, Optional.empty());
        if (round >= s.deadline() || stall >= stallLimit) {
            after = ratifyPhase(after);
        }
        return new Transition<>(after, events);
    }

    private State ratifyPhase(State s) {
        return new State(Phase.RATIFY, s.mediator(), s.round(), s.deadline(), s.current(), Optional.empty(), Map.of(),
                s.stall(),
                Optional.empty());
    }

    /** Every vote on the final text is in: a deal only if all accepted. */
    private Transition<State> ratified(State s, Ballot b) {
        List<String> against = b.against();
        Map<String, Boolean> votes = b.votes();
        List<Event> events = b.events();
        Optional<Outcome> deal = against.isEmpty() ? Optional.of(s.current()) : Optional.empty();
        String why = against.isEmpty()
                ? "every ratifying party accepted the final text"
                : String.join(", ", against) + " rejected the final text";
        events.add(new Event.Ended(s.round(), deal, why, votes));
        return new Transition<>(
                new State(Phase.ENDED, s.mediator(), s.round(), s.deadline(), s.current(), Optional.empty(), votes,
                        s.stall(), deal),
                events);
    }

    static String describe(Action a) {
        return switch (a) {
            case Action.Offer o -> "an offer";
            case Action.Accept x -> "an accept";
            case Action.Reject x -> "a reject";
            case Action.End x -> "ending the talks";
            case Propose x -> "a proposal";
            case Vote x -> "a vote";
            case Action.Present x -> "presenting a package";
            case Action.Message x -> "a message";
        };
    }
}
