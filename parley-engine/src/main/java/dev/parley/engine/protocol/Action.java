package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a seat does when the protocol reaches it. Which actions are legal depends on the protocol and its state. */
public sealed interface Action permits Action.Offer, Action.Accept, Action.Reject, Action.End, Action.Propose,
        Action.Vote, Action.Present, Action.Message {

    /** Puts a package on the table (saop, alternating). */
    record Offer(Outcome outcome) implements Action {
        public Offer {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Accepts the standing offer. */
    record Accept() implements Action {
    }

    /**
     * Rejects what is on the table without a counter-offer; in shuttle, naming the issues it objects to most and,
     * for each, the option it wants movement toward (its own feedback: never a reservation).
     */
    record Reject(List<String> objections, List<String> toward) implements Action {
        public Reject {
            objections = List.copyOf(objections);
            toward = List.copyOf(toward);
            if (objections.size() != toward.size()) {
                throw new IllegalArgumentException("one option to move toward per objection");
            }
        }
    }

    /** Walks away: the session ends without agreement. */
    record End(String reason) implements Action {
        public End {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The mediator proposes a new single negotiating text (single-text). */
    record Propose(Outcome text) implements Action {
        public Propose {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A party's private vote on the mediator's proposal (single-text), or on a deal (ratification). In single-text
     * a vote may carry criticism, private to the mediator: the issues the party objects to and, for each, the option
     * it wants (its own feedback, never its reservation).
     */
    record Vote(boolean accept, List<String> objections, List<String> toward) implements Action {
        public Vote {
            objections = List.copyOf(objections);
            toward = List.copyOf(toward);
            if (objections.size() != toward.size()) {
                throw new IllegalArgumentException("one option wanted per issue criticised");
            }
        }

        /** A bare vote, without criticism. */
        public Vote(boolean accept) {
            this(accept, List.of(), List.of());
        }
    }

    /**
     * Shuttle: the mediator presents a package to one party in a private meeting, optionally relaying what another
     * party said.
     */
    record Present(String to, Outcome outcome, Optional<Relay> relay) implements Action {
        public Present {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(relay, "relay");
        }
    }

    /**
     * A relay: always linked to what it passes on ({@code original}, the number of that event in the session, from 1:
     * a party's words or its objections) and labelled verbatim (the party's own words, unchanged) or reframed.
     */
    record Relay(int original, boolean verbatim, String text) {
        public Relay {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Shuttle: a party's words to the mediator in its private meeting, before it answers the package; the meeting
     * goes on. Only the mediator and the party see them; the mediator may relay them, labelled and linked.
     */
    record Message(String text) implements Action {
        /** The longest message, in characters. */
        public static final int MAX_LENGTH = 4_000;

        public Message {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The action in a few words, for messages: "an offer", "a vote". */
    static String describe(Action a) {
        return switch (a) {
            case Offer o -> "an offer";
            case Accept x -> "an accept";
            case Reject x -> "a reject";
            case End x -> "ending the talks";
            case Propose x -> "a proposal";
            case Vote x -> "a vote";
            case Present x -> "presenting a package";
            case Message x -> "a message";
        };
    }
}
