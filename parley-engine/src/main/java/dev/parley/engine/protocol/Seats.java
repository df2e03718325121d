package dev.parley.engine.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A protocol's seats: every participant, in turn order, with its seat role. Immutable once its protocol is built. */
public final class Seats {
    private final Map<String, SeatRole> roles = new LinkedHashMap<>();
    private List<String> order = List.of();

    /** Adds each party not seated yet, with {@code role}. */
    Seats add(Collection<String> parties, SeatRole role) {
        for (String p : parties) {
            roles.putIfAbsent(p, role);
        }
        order = List.copyOf(new ArrayList<>(roles.keySet()));
        return this;
    }

    Seats add(String party, SeatRole role) {
        return add(List.of(party), role);
    }

    /** Every participant, in turn order. */
    public List<String> participants() {
        return order;
    }

    /**
     * What {@code party}'s seat does.
     *
     * @throws IllegalArgumentException for a party that has no seat
     */
    public SeatRole role(String party, ProtocolKind kind) {
        SeatRole r = roles.get(party);
        if (r == null) {
            throw new IllegalArgumentException(party + " has no seat in " + kind.id());
        }
        return r;
    }
}
