package dev.parley.engine.session;

/**
 * Where a session records each move before it takes effect: a server's durable log, a transcript being written, or
 * nowhere. If {@link #record} throws, the move does not take effect and the session is unchanged.
 */
@FunctionalInterface
public interface Journal {
    /** A journal that keeps nothing. */
    Journal NONE = move -> {
    };

    /** Records {@code move}; returns once it is kept as the journal promises (e.g. committed). */
    void record(Move move);
}
