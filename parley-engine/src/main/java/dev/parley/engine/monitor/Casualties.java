package dev.parley.engine.monitor;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The harm a claim asserts: killed and injured, military, civilian and not told apart, each an {@link Estimate}
 * where the claim gives it. Immutable.
 */
public final class Casualties {
    /** Who was harmed. */
    public enum Group {
        MILITARY, CIVILIAN, UNKNOWN
    }

    /** How. */
    public enum Harm {
        KILLED, INJURED
    }

    /** The key of one figure. */
    public record Key(Group group, Harm harm) {
    }

    public static final Casualties NONE = new Casualties(Map.of());

    private final Map<Key, Estimate> figures;

    private Casualties(Map<Key, Estimate> figures) {
        this.figures = Map.copyOf(figures);
    }

    public static Casualties of(Map<Key, Estimate> figures) {
        return figures.isEmpty() ? NONE : new Casualties(figures);
    }

    /** These figures with one more (or one replaced). */
    public Casualties with(Group group, Harm harm, Estimate estimate) {
        var next = new java.util.HashMap<>(figures);
        next.put(new Key(group, harm), estimate);
        return new Casualties(next);
    }

    public Optional<Estimate> get(Group group, Harm harm) {
        return Optional.ofNullable(figures.get(new Key(group, harm)));
    }

    /** Every figure given, in group then harm order. */
    public Map<Key, Estimate> figures() {
        var sorted = new java.util.TreeMap<Key, Estimate>(java.util.Comparator.comparing((Key k) -> k.group())
                .thenComparing(Key::harm));
        sorted.putAll(figures);
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /** The sum over groups of one harm, low with low and high with high; empty when no group gives it. */
    public Optional<Estimate> total(Harm harm) {
        long low = 0;
        long best = 0;
        long high = 0;
        boolean any = false;
        for (Group g : Group.values()) {
            Estimate e = figures.get(new Key(g, harm));
            if (e != null) {
                any = true;
                low += e.low();
                best += e.best();
                high += e.high();
            }
        }
        return any ? Optional.of(new Estimate(low, best, high)) : Optional.empty();
    }

    public boolean isEmpty() {
        return figures.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Casualties c && c.figures.equals(figures);
    }

    @Override
    public int hashCode() {
        return figures.hashCode();
    }

    @Override
    public String toString() {
        var m = new EnumMap<Harm, String>(Harm.class);
        for (Harm h : Harm.values()) {
            total(h).ifPresent(e -> m.put(h, e.toString()));
        }
        return m.toString();
    }
}
