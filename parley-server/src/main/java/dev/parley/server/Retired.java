package dev.parley.server;

/**
 * Thrown by a {@link LiveNegotiation} that was evicted from memory: its owner loads the negotiation again. Never
 * reaches a client.
 */
final class Retired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retired() {
        super("evicted from memory", null, false, false);
    }
}
