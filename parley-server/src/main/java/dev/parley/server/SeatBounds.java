package dev.parley.server;

import dev.parley.engine.protocol.Action;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One negotiation's counts against its {@link Limits}: log entries, each party's profile edits and messages, and
 * each seat's refused moves in the last minute. Not thread-safe: used under the negotiation's lock.
 */
final class SeatBounds {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Limits limits;
    private long entries;
    private final Map<String, Integer> profileEdits = new HashMap<>();
    private final Map<String, Integer> messages = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> refused = new HashMap<>();

    SeatBounds(Limits limits) {
        this.limits = limits;
    }

    /** An entry was written to (or read back from) the log. */
    void entry() {
        entries++;
    }

    /** @throws Conflict when the log is full */
    void beforeEntry() {
        if (entries >= limits.maxEntries()) {
            throw new Conflict("the negotiation has reached its limit of " + limits.maxEntries() + " log entries");
        }
    }

    /**
     * @throws TooMany when {@code party} made its most refused moves this minute
     * @throws Conflict when the log is full or the party has sent its most messages
     */
    void beforeMove(String party, Action action) {
        ArrayDeque<Long> times = refused.get(party);
        long now = System.nanoTime();
        while (times != null && !times.isEmpty() && now - times.peekFirst() > MINUTE_NANOS) {
            times.removeFirst();
        }
        if (times != null && times.size() >= limits.maxRefusedPerMinute()) {
            throw new TooMany(limits.maxRefusedPerMinute() + " moves of this seat were refused in the last minute: "
                    + "wait before the next");
        }
        beforeEntry();
        if (action instanceof Action.Message && messages.getOrDefault(party, 0) >= limits.maxMessages()) {
            throw new Conflict("this seat has sent its most messages (" + limits.maxMessages() + ")");
        }
    }

    /** {@code party}'s move went into the log. */
    void moved(String party, Action action) {
        if (action instanceof Action.Message) {
            messages.merge(party, 1, Integer::sum);
        }
    }

    /** The most refused moves kept in one negotiation's log; more are counted against the seat, not kept. */
    static final int MAX_REFUSALS_KEPT = 10_000;
    private int refusalsKept;

    /** {@code party}'s move was refused; true when it is to be kept in the log. */
    boolean refused(String party) {
        refused.computeIfAbsent(party, p -> new ArrayDeque<>()).addLast(System.nanoTime());
        return refusalsKept++ < MAX_REFUSALS_KEPT;
    }

    /** Rebuilding: a refused move kept in the log. */
    void refusalKept() {
        refusalsKept++;
    }

    /** @throws Conflict when {@code party} has replaced its profile as often as allowed */
    void beforeProfileEdit(String party) {
        beforeEntry();
        if (profileEdits.getOrDefault(party, 0) >= limits.maxProfileEdits()) {
            throw new Conflict("this seat has changed its profile " + limits.maxProfileEdits() + " times, the most "
                    + "allowed");
        }
    }

    void profileEdited(String party) {
        profileEdits.merge(party, 1, Integer::sum);
    }

    /** @throws TooMany when the seat already holds its most live connections */
    void beforeSubscribe(long held) {
        if (held >= limits.maxSubscriptions()) {
            throw new TooMany("this seat already holds " + limits.maxSubscriptions() + " live connections, the most "
                    + "allowed");
        }
    }
}
