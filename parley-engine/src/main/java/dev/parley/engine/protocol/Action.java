package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import java.util.Objects;

/** What a seat does when the protocol reaches it. Which actions are legal depends on the protocol and its state. */
public sealed interface Action permits Action.Offer, Action.Accept, Action.Reject, Action.End, Action.Propose,
        Action.Vote {

    /** Puts a package on the table (saop, alternating). */
    record Offer(Outcome outcome) implements Action {
        public Offer {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Accepts the standing offer. */
    record Accept() implements Action {
    }

    /** Rejects the standing offer without a counter-offer. */
    record Reject() implements Action {
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

    /** A party's private vote on the mediator's proposal (single-text). */
    record Vote(boolean accept) implements Action {
    }
}
