package dev.parley.store;

import java.util.Objects;
import java.util.Optional;

/** The values the store hands out. All immutable. */
public final class Records {
    private Records() {
    }

    /**
     * A negotiation as stored; the scenario and protocol settings are the caller's JSON documents.
     *
     * @param lastSeq the number of its log's last entry
     * @param lastAtMillis when its log's last entry was written: its last activity
     */
    public record Negotiation(String id, long createdAt, String scenarioJson, String protocolJson, String status,
            long lastSeq, long lastAtMillis) {
    }

    /**
     * What a seat's occupant has done, from the log: when a person last took the seat through an invite (a
     * {@code joined} entry) and when the seat last changed hands or had its invite issued again (the store's record).
     *
     * @param joinedSeq the number of the seat's last {@code joined} entry, 0 for none
     * @param seatSeq the number of the seat's last record of change, 0 for none since the creation
     */
    public record SeatActivity(String party, long joinedSeq, long seatSeq, long lastAtMillis) {
        /** Whether someone holding the seat's current invite has opened it. */
        public boolean joined() {
            return joinedSeq > seatSeq;
        }
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
     * One entry of a negotiation's log: a move, a share, a profile change, or a record of what is stored beside
     * the log (its creation, a seat's change, its status); not a protocol event.
     *
     * @param seq 1, 2, 3, ... without gaps
     * @param party who acted, if anyone
     * @param payload the entry as the caller's JSON
     * @param prevHash the MAC of entry {@code seq - 1} (64 zeros for the first)
     * @param hash the entry's MAC (HMAC-SHA256 keyed by the audit key) over its negotiation, contents and
     *     {@code prevHash}, hex
     */
    public record LogEntry(String negotiationId, long seq, long atMillis, String kind, Optional<String> party,
            String payload, String prevHash, String hash) {
    }

    /**
     * What an audit of a negotiation found.
     *
     * @param events how many log entries were checked
     * @param firstBroken the first entry whose MAC, link or number is wrong, if the problem is in one
     * @param problem what is wrong, if anything
     */
    public record Audit(String negotiationId, long events, Optional<Long> firstBroken, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }

        /** The problem, or "intact". */
        public String reason() {
            return problem.orElse("intact");
        }
    }
}
