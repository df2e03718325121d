package dev.parley.store;

import dev.parley.engine.ParleyException;

/** A store operation failed: an unknown negotiation, a database that cannot be reached or migrated. */
public class StoreException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** There is no negotiation of that id (never was, or it was deleted). */
    public static final class NoSuchNegotiation extends StoreException {
        private static final long serialVersionUID = 1L;

        public NoSuchNegotiation(String id) {
            super("no negotiation " + id);
        }
    }
}
