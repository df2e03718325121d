package dev.parley.engine.protocol;

import dev.parley.engine.ParleyException;

/** An action the protocol does not allow now: out of turn, of the wrong kind, or after the end. State is unchanged. */
public final class ProtocolException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
