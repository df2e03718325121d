package dev.parley.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.store.Records.Negotiation;
import dev.parley.store.Records.Seat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What the audit chain is made of. Each log entry carries a MAC, keyed by the {@link AuditKey}, over the negotiation's
 * id, its number, time, kind, party and payload and the MAC of the entry before it: an entry cannot be edited, moved
 * to another negotiation, removed or inserted without the key. What is stored beside the log — the scenario, the
 * protocol settings, the creation time, the status and the seats with their token hashes — is recorded in the chain
 * too: every change of it appends a <em>record</em> entry ({@link #CREATED}, {@link #SEAT}, {@link #STATUS}) whose
 * payload holds a digest of each part as it now stands, and the audit compares the stored parts with the last record.
 * Stateless.
 */
final class Chain {
    /** The first entry of a negotiation: what it was created with. */
    static final String CREATED = "created";
    /** Who fills a seat changed. */
    static final String SEAT = "seat";
    /** The negotiation's status changed. */
    static final String STATUS = "status";
    /** A chain stored before chains were keyed, verified and keyed when the store was opened. */
    static final String SEALED = "sealed";
    /** The kinds of entry that record the stored parts; any other kind is the caller's. */
    static final Set<String> RECORDS = Set.of(CREATED, SEAT, STATUS, SEALED);

    /** The scheme of a keyed chain, and of one stored before keys (plain SHA-256). */
    static final String KEYED = "hmac-sha256";
    static final String LEGACY = "sha256";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Chain() {
    }

    static String mac(AuditKey key, String negotiationId, String prev, long seq, long at, String kind,
            Optional<String> party, String payload) {
        return key.mac("parley-chain/2\n" + negotiationId + "\n" + prev + "\n" + seq + "\n" + at + "\n" + kind + "\n"
                + party.orElse("") + "\n" + payload);
    }

    /** The hash of chains stored before they were keyed: SHA-256, bound to nothing outside the entry. */
    static String legacyHash(String prev, long seq, long at, String kind, Optional<String> party, String payload) {
        return sha256(prev + "\n" + seq + "\n" + at + "\n" + kind + "\n" + party.orElse("") + "\n" + payload);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The stored parts of a negotiation, each as its digest (or value), in the order the audit names them. */
    static Map<String, String> parts(Negotiation n, List<Seat> seats) {
        var text = new StringBuilder();
        seats.stream().sorted(java.util.Comparator.comparing(Seat::party)).forEach(s -> text.append(s.party())
                .append('\t').append(s.agent().orElse("")).append('\t').append(s.tokenHash().orElse("")).append('\n'));
        var parts = new java.util.LinkedHashMap<String, String>();
        parts.put("scenario", sha256(n.scenarioJson()));
        parts.put("settings", sha256(n.protocolJson()));
        parts.put("creation time", Long.toString(n.createdAt()));
        parts.put("status", n.status());
        parts.put("seats", sha256(text.toString()));
        return parts;
    }

    /** The stored parts as they stand in this transaction. */
    static Map<String, String> parts(Handle h, String negotiationId) {
        Negotiation n = h.createQuery("SELECT id, created_at, scenario_json, protocol_json, status FROM negotiations "
                + "WHERE id = :id").bind("id", negotiationId).map((rs, ctx) -> new Negotiation(rs.getString(1),
                        rs
                                .getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), 0, 0))
                .findOne().orElseThrow(() -> new StoreException.NoSuchNegotiation(negotiationId));
        return parts(n, seats(h, negotiationId));
    }

    static List<Seat> seats(Handle h, String negotiationId) {
        return h.createQuery("SELECT party, agent, token_hash FROM seats WHERE negotiation_id = :id ORDER BY party")
                .bind("id", negotiationId).map((rs, ctx) -> new Seat(rs.getString(1), Optional.ofNullable(rs
                        .getString(2)), Optional.ofNullable(rs.getString(3))))
                .list();
    }

    /** A record entry's payload: the parts as they stand, and what changed ({@code about}). */
    static String record(Map<String, String> parts, Map<String, String> about) {
        ObjectNode node = JSON.createObjectNode();
        about.forEach(node::put);
        ObjectNode stored = node.putObject("stored");
        parts.forEach(stored::put);
        return node.toString();
    }

    /** The parts a record entry holds, or empty when its payload is not a record's. */
    static Optional<Map<String, String>> recorded(String payload) {
        try {
            JsonNode stored = JSON.readTree(payload).get("stored");
            if (stored == null || !stored.isObject()) {
                return Optional.empty();
            }
            var parts = new java.util.LinkedHashMap<String, String>();
            stored.properties().forEach(e -> parts.put(e.getKey(), e.getValue().asText()));
            return Optional.of(parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
