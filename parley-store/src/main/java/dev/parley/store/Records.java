package dev.parley.store;

import java.util.Objects;
import java.util.Optional;

/** The values the store hands out. All immutable. */
public final class Records {
    private Records() {
    }

    /** A negotiation as stored; the scenario and protocol settings are the caller's JSON documents. */
    public record Negotiation(String id, long createdAt, String scenarioJson, String protocolJson, String status,
            long lastSeq) {
    }

    /**
     * A seat: who sits in it (an agent from the catalogue, or a person holding a token whose hash is kept).
     *
     * @param agent the agent spec, when an agent fills the seat
     * @param tokenHash the SHA-256 of the seat's invite token, hex; never the token itself
     */
    public record Seat(String party, Optional<String> agent, Optional<String> tokenHash) {
        public Seat {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(tokenHash, "tokenHash");
        }
    }

    /**
     * One entry of a negotiation's log: a move, a share, a profile change (not a protocol event).
     *
     * @param seq 1, 2, 3, ... without gaps
     * @param party who acted, if anyone
     * @param payload the entry as the caller's JSON
     * @param prevHash the hash of entry {@code seq - 1} (64 zeros for the first)
     * @param hash SHA-256 over the previous hash and this entry's contents, hex
     */
    public record LogEntry(String negotiationId, long seq, long atMillis, String kind, Optional<String> party,
            String payload, String prevHash, String hash) {
    }

    /**
     * What an audit of a negotiation's chain found.
     *
     * @param events how many events were checked
     * @param firstBroken the first event whose hash, link or number is wrong, if any
     * @param reason why it is broken
     */
    public record Audit(String negotiationId, long events, Optional<Long> firstBroken, String reason) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }
}
