package dev.parley.server;

/** The negotiation is being closed: an agent run stops before its next move. */
final class Closing extends Conflict {
    private static final long serialVersionUID = 1L;

    Closing(String id) {
        super("negotiation " + id + " is being closed");
    }
}
