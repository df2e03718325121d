package dev.parley.server;

/** A rate limit was reached (429): the caller may try again later. */
final class TooMany extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooMany(String message) {
        super(message);
    }
}
