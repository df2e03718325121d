package dev.parley.server;

import dev.parley.engine.ParleyException;

/** A token that opens no seat of the negotiation, or a seat that may not see what it asks for (HTTP 403). */
public final class AccessDenied extends ParleyException {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}
