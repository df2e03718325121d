package dev.parley.engine.agent;

import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The events one seat may see, over the session's whole list: the list itself is never handed out, only what the
 * protocol lets the seat see, oldest first or newest first, each with its number in the session. Valid until the
 * next move (the list behind it grows).
 */
public final class SeatLog {
    private final String party;
    private final List<Event> events;
    private final Predicate<Event> visible;
    private final java.util.function.UnaryOperator<Event> shown;

    /** What {@code party} may see of {@code events}, as {@code protocol} decides, each as it may see it. */
    public static SeatLog of(String party, List<Event> events, dev.parley.engine.protocol.Protocol protocol) {
        return new SeatLog(party, events, e -> protocol.visibleTo(e, party), e -> protocol.shownTo(e, party));
    }

    private SeatLog(String party, List<Event> events, Predicate<Event> visible,
            java.util.function.UnaryOperator<Event> shown) {
        this.party = party;
        this.events = java.util.Collections.unmodifiableList(events);
        this.visible = visible;
        this.shown = shown;
    }

    /** The events this seat may see, oldest first (e.g. others' votes and private meetings are left out). */
    public List<Event> events() {
        return events.stream().filter(visible).map(shown).toList();
    }

    /** The events this seat may see from number {@code after} + 1 on, each with its number in the session. */
    public List<NumberedEvent> numbered(int after) {
        var out = new ArrayList<NumberedEvent>();
        for (int i = Math.max(0, after); i < events.size(); i++) {
            if (visible.test(events.get(i))) {
                out.add(new NumberedEvent(i + 1, shown.apply(events.get(i))));
            }
        }
        return out;
    }

    /** The most recent events this seat may see, newest first, at most {@code n}, each with its number. */
    public List<NumberedEvent> recent(int n) {
        var out = new ArrayList<NumberedEvent>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            if (visible.test(events.get(i))) {
                out.add(new NumberedEvent(i + 1, shown.apply(events.get(i))));
            }
        }
        return out;
    }

    /** The most recent offers made by others than this seat, newest first, at most {@code n}. */
    public List<Event.Offered> othersOffers(int n) {
        if (n <= 0) {
            return List.of();
        }
        if (n == 1) {
            return lastOthersOffer().map(List::of).orElse(List.of());
        }
        var out = new ArrayList<Event.Offered>();
        for (int i = events.size() - 1; i >= 0 && out.size() < n; i--) {
            Event.Offered o = othersOffer(events.get(i));
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** The most recent offer made by another than this seat: the question every turn of the offer protocols asks. */
    public java.util.Optional<Event.Offered> lastOthersOffer() {
        for (int i = events.size() - 1; i >= 0; i--) {
            Event.Offered o = othersOffer(events.get(i));
            if (o != null) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code e} as an offer by another than this seat that this seat may see; null when it is not one. */
    private Event.Offered othersOffer(Event e) {
        return e instanceof Event.Offered o && !o.party().equals(party) && visible.test(o) ? o : null;
    }
}
