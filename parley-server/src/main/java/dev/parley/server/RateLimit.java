package dev.parley.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} requests a minute from each caller (by address), over a sliding window. Remembers at
 * most 10,000 callers; past that it forgets them all, which can only let a burst through, never refuse one wrongly.
 * Thread-safe.
 */
final class RateLimit {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int MAX_CALLERS = 10_000;

    private final int perMinute;
    private final Map<String, ArrayDeque<Long>> calls = new HashMap<>();

    RateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    /** @throws TooMany when {@code caller} has had its requests this minute */
    synchronized void check(String caller, String what) {
        if (calls.size() > MAX_CALLERS) {
            calls.clear();
        }
        ArrayDeque<Long> times = calls.computeIfAbsent(caller, c -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!times.isEmpty() && now - times.peekFirst() > MINUTE_NANOS) {
            times.removeFirst();
        }
        if (times.size() >= perMinute) {
            throw new TooMany(what + ": at most " + perMinute + " requests a minute from one address; try again "
                    + "later");
        }
        times.addLast(now);
    }
}
