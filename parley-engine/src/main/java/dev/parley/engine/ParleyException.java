package dev.parley.engine;

/**
 * The one unchecked root of every failure Parley reports on purpose. Subclasses live where the failure
 * happens (the scenario format, protocols, the store); anything else escaping is a bug.
 */
public class ParleyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParleyException(String message) {
        super(message);
    }

    public ParleyException(String message, Throwable cause) {
        super(message, cause);
    }
}
