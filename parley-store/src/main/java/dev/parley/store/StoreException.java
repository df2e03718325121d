package dev.parley.store;

import dev.parley.engine.ParleyException;

/** A store operation failed: an unknown negotiation, a database that cannot be reached or migrated. */
public final class StoreException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
