package dev.parley.engine.analysis;

import dev.parley.engine.ParleyException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much time and memory an analysis may spend. Every phase checks it as it goes (the zone count, each frontier
 * issue by issue, the Pareto filter, the ideals, the near misses, each blocking demand); a phase that runs out stops
 * with {@link Exceeded}, the analysis notes what was not computed, and the later phases are not started. Immutable;
 * {@link #started} fixes the deadline.
 *
 * @param time the wall-clock time allowed
 * @param memoryBytes the most one working array of a phase may take
 */
public record Budget(Duration time, long memoryBytes, long deadlineNanos) {
    /** No limit but the machine's. */
    public static final Budget UNLIMITED = new Budget(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L),
            Long.MAX_VALUE, Long.MAX_VALUE);

    public Budget {
        Objects.requireNonNull(time, "time");
        if (time.isNegative() || time.isZero() || memoryBytes < 1) {
            throw new IllegalArgumentException("a budget needs some time and some memory");
        }
    }

    /** A budget of {@code time}, and of half the heap this JVM may grow to for any one working array. */
    public static Budget of(Duration time) {
        return new Budget(time, Runtime.getRuntime().maxMemory() / 2, Long.MAX_VALUE);
    }

    public Budget withMemory(long bytes) {
        return new Budget(time, bytes, deadlineNanos);
    }

    /** This budget with its clock running from now. */
    public Budget started() {
        if (this == UNLIMITED || time.compareTo(UNLIMITED.time) >= 0) {
            return this;
        }
        return new Budget(time, memoryBytes, System.nanoTime() + time.toNanos());
    }

    /** Whether the time is spent. */
    public boolean spent() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** @throws Exceeded when the time is spent, naming {@code what} was under way */
    void check(String what) {
        if (spent()) {
            throw new Exceeded("the time budget of " + describe(time) + " ran out in " + what);
        }
    }

    /** @throws Exceeded when {@code bytes} is more than one working array may take */
    void allocate(long bytes, String what) {
        if (bytes > memoryBytes || bytes < 0) {
            throw new Exceeded(String.format(Locale.ROOT, "the memory budget of %s would be exceeded in %s (%s "
                    + "needed)", bytes(memoryBytes), what, bytes(bytes < 0 ? Long.MAX_VALUE : bytes)));
        }
    }

    /** A duration as the messages say it: "2 s", "350 ms". */
    public static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String bytes(long b) {
        return b >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", b / (double) (1L << 20));
    }

    /** The budget ran out; the message says which and where. */
    public static final class Exceeded extends ParleyException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }
}
