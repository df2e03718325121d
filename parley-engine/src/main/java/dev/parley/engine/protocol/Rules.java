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

    /**
     * Checks objections or criticism: each names an issue of {@code issues}, once, and an option of it to move toward.
     *
     * @throws ProtocolException.IllegalMove naming the unknown issue or option
     */
    static void requireOptions(java.util.List<dev.parley.engine.model.Issue> issues, java.util.List<String> objections,
            java.util.List<String> toward) {
        for (int k = 0; k < objections.size(); k++) {
            String id = objections.get(k);
            int at = dev.parley.engine.model.Issue.indexIn(issues, id);
            if (at < 0) {
                throw ProtocolException.illegal("no issue '" + id + "' to object to");
            }
            if (objections.subList(0, k).contains(id)) {
                throw ProtocolException.illegal("issue " + id + " is objected to twice");
            }
            if (issues.get(at).indexOf(toward.get(k)) < 0) {
                throw ProtocolException.illegal("no option '" + toward.get(k) + "' in issue " + id);
            }
        }
    }
}
