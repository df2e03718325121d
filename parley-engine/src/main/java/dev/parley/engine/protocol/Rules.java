package dev.parley.engine.protocol;

/**
 * What every protocol keeps: the settings it was built from and its seats. The seats are given once, by the
 * protocol's constructor, as soon as it has worked them out; after construction the protocol is immutable.
 */
abstract class Rules {
    private final Settings settings;
    private Seats seats;

    Rules(Settings settings) {
        this.settings = settings;
    }

    /** Sets the seats; called once, from the constructor. */
    final void seat(Seats s) {
        if (seats != null) {
            throw new IllegalStateException("seats are set once");
        }
        seats = s;
    }

    public final Settings settings() {
        return settings;
    }

    public final Seats seats() {
        return seats;
    }
}
