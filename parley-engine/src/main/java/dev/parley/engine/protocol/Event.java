package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in a session. A session is the fold of its events; a transcript lists them. Each event
 * names its round and, where one acted, the party.
 */
public sealed interface Event permits Event.Offered, Event.Accepted, Event.Rejected, Event.Proposed, Event.Voted,
        Event.Criticised,
        Event.TextAdopted, Event.TextKept, Event.Presented, Event.Diverged, Event.Said, Event.Ended {
    int round();

    record Offered(int round, String party, Outcome outcome) implements Event {
    }

    record Accepted(int round, String party, Outcome outcome) implements Event {
    }

    /**
     * {@code objections}: the issues the party named (shuttle), else empty; {@code toward}: for each, the option it
     * wants movement toward.
     */
    record Rejected(int round, String party, Outcome outcome, List<String> objections, List<String> toward)
            implements
                Event {
        public Rejected {
            objections = List.copyOf(objections);
            toward = List.copyOf(toward);
        }
    }

    /**
     * Shuttle: the mediator presented {@code outcome} to {@code to} in a private meeting, with a relay if any.
     *
     * @param relayOf the number of the event the relay passes on (a party's words or objections)
     */
    record Presented(int round, String to, Outcome outcome, Optional<Integer> relayOf, Optional<Boolean> verbatim,
            Optional<String> relay) implements Event {
    }

    /**
     * Shuttle, for the mediator: the parties have accepted packages that differ, on these issues.
     */
    record Diverged(int round, Map<String, Outcome> accepted, List<String> issues) implements Event {
        public Diverged {
            accepted = Map.copyOf(accepted);
            issues = List.copyOf(issues);
        }
    }

    /** Shuttle: what a party said to the mediator in its private meeting. */
    record Said(int round, String party, String text) implements Event {
    }

    /** The mediator proposed a new text. */
    record Proposed(int round, String party, Outcome text) implements Event {
    }

    /**
     * Single-text: a party's vote on a proposal as the mediator hears it, for the mediator (and the party) alone:
     * whether it accepted and the criticism its vote carried (the issues it objects to in the proposal and the option
     * it wants on each; none when it criticised nothing). One per voter other than the mediator, released when every
     * vote on the proposal is in (in Raiffa's practice the mediator hears each side in private).
     */
    record Criticised(int round, String party, boolean accept, List<String> objections, List<String> toward)
            implements
                Event {
        public Criticised {
            objections = List.copyOf(objections);
            toward = List.copyOf(toward);
            if (objections.size() != toward.size()) {
                throw new IllegalArgumentException("one option wanted per issue criticised");
            }
        }
    }

    /**
     * A private vote, visible to the voter alone as it is cast; in single-text the mediator hears each vote on a
     * proposal (a {@link Criticised}) once every vote is in.
     */
    record Voted(int round, String party, boolean accept) implements Event {
    }

    /** Every ratifying party accepted: the proposal is the new single text. */
    record TextAdopted(int round, Outcome text) implements Event {
    }

    /** Not unanimous: the text stays; {@code rejections} parties said no (names kept private). */
    record TextKept(int round, int rejections) implements Event {
    }

    /**
     * The session is over.
     *
     * @param agreement the package agreed, if any
     * @param reason why it ended, in words
     * @param ratification for single-text's final vote: each ratifying party's verdict
     */
    record Ended(int round, Optional<Outcome> agreement, String reason, Map<String, Boolean> ratification)
            implements
                Event {
        public Ended {
            Objects.requireNonNull(agreement, "agreement");
            Objects.requireNonNull(reason, "reason");
            ratification = Map.copyOf(ratification);
        }
    }

}
