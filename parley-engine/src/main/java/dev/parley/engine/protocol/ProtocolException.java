package dev.parley.engine.protocol;

import dev.parley.engine.ParleyException;
import java.util.List;

/**
 * A move the protocol refuses; the state is unchanged. Two kinds, told apart by type: {@link OutOfTurn} (not this
 * party's turn, or the talks are over: try again later, or not at all) and {@link IllegalMove} (the move itself is
 * wrong where it stands).
 */
public abstract sealed class ProtocolException extends ParleyException permits ProtocolException.OutOfTurn,
        ProtocolException.IllegalMove {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }

    /** Not this party's turn, or nobody's: the talks are over (or closed). */
    public static final class OutOfTurn extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public OutOfTurn(String message) {
            super(message);
        }
    }

    /** The party may move, but not this move: the wrong kind for the phase, or content the rules refuse. */
    public static final class IllegalMove extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public IllegalMove(String message) {
            super(message);
        }
    }

    /** Refuses a move by {@code party} unless it is among those to move now. */
    static void requireTurn(List<String> toMove, boolean ended, String party) {
        requireTurn(toMove, ended, party, false);
    }

    /** As above; in a secret ballot the refusal does not say who has yet to vote. */
    static void requireTurn(List<String> toMove, boolean ended, String party, boolean ballot) {
        if (!toMove.contains(party)) {
            throw new OutOfTurn(ended
                    ? "the talks are over"
                    : ballot
                            ? party + " has voted already, or has no vote now"
                            : party + " is not to move now (waiting for " + String.join(", ", toMove) + ")");
        }
    }

    static IllegalMove illegal(String message) {
        return new IllegalMove(message);
    }
}
