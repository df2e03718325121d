package dev.parley.engine.protocol;

import dev.parley.engine.ParleyException;

/** An action the protocol does not allow now: out of turn, of the wrong kind, or after the end. State is unchanged. */
public final class ProtocolException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    /** Refuses a move by {@code party} unless it is among those to move now. */
    static void requireTurn(java.util.List<String> toMove, boolean ended, String party) {
        if (!toMove.contains(party)) {
            throw new ProtocolException(ended
                    ? "the talks are over"
                    : party + " is not to move now (waiting for " + String.join(", ", toMove) + ")");
        }
    }
}
