package dev.parley.server;

import dev.parley.engine.ParleyException;

/**
 * A request that the negotiation's present state refuses, though it may have been fine earlier: the negotiation is
 * closed, a seat has moved already, the talks have begun (HTTP 409).
 */
public class Conflict extends ParleyException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }
}
