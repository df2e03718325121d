package dev.parley.store;

import dev.parley.store.Records.Audit;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Negotiation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's audits, checkpoints and the keying of old chains: reads what is stored and hands it to the
 * {@link Auditor}. Stateless beyond its database and key.
 */
final class Sealing {
    /** One snapshot for every read of an audit, so that an append committing meanwhile is not taken for damage. */
    private static final org.jdbi.v3.core.transaction.TransactionIsolationLevel REPEATABLE = org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ;

    private final Jdbi jdbi;
    private final AuditKey key;
    private final Auditor auditor;

    Sealing(Jdbi jdbi, AuditKey key) {
        this.jdbi = jdbi;
        this.key = key;
        this.auditor = new Auditor(key);
    }

    /**
     * Keys every chain stored before chains were keyed, once per database (by the open whose migration made chains
     * keyed, never again: nothing stored in the database can ask for it): an intact one gets its entries' MACs and a
     * closing {@link Chain#SEALED} record; a broken one is left as it is, for the audit to name. After that, an unkeyed
     * chain found in the database can only have been written without the key.
     */
    void sealLegacyChains() {
        jdbi.useTransaction(h -> {
            List<String> legacy = h.createQuery("SELECT negotiation_id FROM chain_heads WHERE scheme = :s").bind("s",
                    Chain.LEGACY).mapTo(String.class).list();
            for (String id : legacy) {
                List<LogEntry> log = log(h, id);
                if (Auditor.legacyProblem(log).isEmpty()) {
                    seal(h, id, log);
                }
            }
        });
    }

    private void seal(Handle h, String id, List<LogEntry> log) {
        String prev = Store.GENESIS;
        for (LogEntry e : log) {
            String mac = Chain.mac(key, id, prev, e.seq(), e.atMillis(), e.kind(), e.party(), e.payload());
            h.createUpdate("UPDATE events SET prev_hash = :prev, hash = :mac WHERE negotiation_id = :id AND seq = :seq")
                    .bind("prev", prev).bind("mac", mac).bind("id", id).bind("seq", e.seq()).execute();
            prev = mac;
        }
        long seq = log.size() + 1;
        long at = System.currentTimeMillis();
        String payload = Chain.record(Chain.parts(h, id), Map.of("sealedEntries", Integer.toString(log.size())));
        String mac = Chain.mac(key, id, prev, seq, at, Chain.SEALED, Optional.empty(), payload);
        h.createUpdate("INSERT INTO events (negotiation_id, seq, at_millis, kind, party, payload, prev_hash, hash) "
                + "VALUES (:id, :seq, :at, :kind, NULL, :payload, :prev, :mac)").bind("id", id).bind("seq", seq)
                .bind("at", at).bind("kind", Chain.SEALED).bind("payload", payload).bind("prev", prev).bind("mac", mac)
                .execute();
        h.createUpdate("UPDATE chain_heads SET last_seq = :seq, last_hash = :mac, scheme = :s WHERE negotiation_id = "
                + ":id").bind("seq", seq).bind("mac", mac).bind("s", Chain.KEYED).bind("id", id).execute();
    }

    /** The audit of one negotiation, without a checkpoint. */
    Audit audit(String id) {
        return jdbi.inTransaction(REPEATABLE, h -> audit(h, id, Optional.empty()))
                .orElseThrow(() -> new StoreException.NoSuchNegotiation(id));
    }

    /**
     * The audit of every stored negotiation and, given a checkpoint, of every negotiation it saw (one it saw that is
     * gone is reported deleted), in id order.
     */
    List<Audit> auditAll(Optional<Checkpoint> checkpoint) {
        return jdbi.inTransaction(REPEATABLE, h -> {
            var ids = new java.util.TreeSet<>(h.createQuery("SELECT id FROM negotiations").mapTo(String.class).list());
            checkpoint.ifPresent(c -> ids.addAll(c.heads().keySet()));
            var audits = new ArrayList<Audit>();
            for (String id : ids) {
                Optional<Checkpoint.Head> seen = checkpoint.map(c -> c.heads().get(id));
                audits.add(audit(h, id, seen).orElseGet(() -> Auditor.deleted(id, checkpoint.orElseThrow())));
            }
            return audits;
        });
    }

    private Optional<Audit> audit(Handle h, String id, Optional<Checkpoint.Head> seen) {
        Optional<Negotiation> n = h.createQuery("SELECT id, created_at, scenario_json, protocol_json, status FROM "
                + "negotiations WHERE id = :id").bind("id", id).map((rs, ctx) -> new Negotiation(rs.getString(1),
                        rs
                                .getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), 0, 0))
                .findOne();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Optional<String[]> head = h.createQuery("SELECT last_seq, last_hash, scheme FROM chain_heads WHERE "
                + "negotiation_id = :id").bind("id", id).map((rs,
                        ctx) -> new String[]{rs.getString(1), rs.getString(
                                2), rs.getString(3)})
                .findOne();
        List<LogEntry> log = log(h, id);
        if (head.isEmpty()) {
            return Optional.of(new Audit(id, log.size(), Optional.empty(), Optional.of("the negotiation's chain head "
                    + "is missing")));
        }
        var stored = new Checkpoint.Head(Long.parseLong(head.get()[0]), head.get()[1]);
        return Optional.of(auditor.audit(n.get(), Chain.seats(h, id), log, head.get()[2], stored, seen));
    }

    /** A signed checkpoint of every negotiation's chain as its log now ends. */
    Checkpoint checkpoint() {
        return jdbi.inTransaction(REPEATABLE, h -> {
            var heads = new java.util.TreeMap<String, Checkpoint.Head>();
            for (String id : h.createQuery("SELECT id FROM negotiations").mapTo(String.class).list()) {
                List<LogEntry> log = log(h, id);
                heads.put(id, new Checkpoint.Head(log.size(), log.isEmpty()
                        ? Store.GENESIS
                        : log.get(log.size() - 1).hash()));
            }
            return Checkpoint.sign(key, System.currentTimeMillis(), heads);
        });
    }

    static List<LogEntry> log(Handle h, String id) {
        return h.createQuery("SELECT negotiation_id, seq, at_millis, kind, party, payload, prev_hash, hash FROM events "
                + "WHERE negotiation_id = :id ORDER BY seq").bind("id", id).map((rs, ctx) -> new LogEntry(
                        rs.getString(
                                1),
                        rs.getLong(2), rs.getLong(3), rs.getString(4), Optional.ofNullable(rs.getString(5)), rs
                                .getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
