package dev.parley.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open a negotiation's seats: the seat each invite token (by its hash) opens, which seats' current invites
 * have been opened, and the organiser's token, which watches but opens no seat. Giving a seat an invite (a new
 * person, or the same one again) replaces the old one at once. Not thread-safe: guarded by its negotiation's lock.
 */
final class Invites {
    private final Map<String, String> seatByHash = new HashMap<>();
    private final Set<String> joined = new HashSet<>();
    private final Optional<String> organiserHash;

    Invites(Optional<String> organiserHash) {
        this.organiserHash = organiserHash;
    }

    /** The seat the token opens, if any. */
    Optional<String> seatOf(String token) {
        return Optional.ofNullable(seatByHash.get(Tokens.sha256(token)));
    }

    /** Whether the token is the organiser's. */
    boolean isOrganiser(String token) {
        return organiserHash.isPresent() && Tokens.matches(token, organiserHash.get());
    }

    /** The seat's invite is now the one of this hash: the old one opens nothing, and nobody has opened the new. */
    void give(String party, String tokenHash) {
        take(party);
        seatByHash.put(tokenHash, party);
    }

    /** The seat has no invite (an agent fills it). */
    void take(String party) {
        seatByHash.values().removeIf(party::equals);
        joined.remove(party);
    }

    boolean joined(String party) {
        return joined.contains(party);
    }

    /** Its current invite has been opened. */
    void markJoined(String party) {
        joined.add(party);
    }

    /** Rebuilding: the seat got a new invite, not yet opened. */
    void unjoin(String party) {
        joined.remove(party);
    }
}
