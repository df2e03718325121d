package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.store.Records.Audit;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Seat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database tamperings a red team tried, each done with plain SQL while the store is closed (as an attacker with
 * the database but not the audit key would), and each caught by the audit of the reopened store. Negotiation A has
 * entries 1 (created), 2–7 (moves) and 8 (a seat's change); B has 1 (created) and 2–5. A checkpoint is taken before
 * the tampering. Run on each database by the subclasses.
 */
abstract class TamperingContract {
    static final AuditKey KEY = StoreContract.KEY;

    abstract String url();

    /** A tampering: what it does to A (and B), whether the audit needs the checkpoint, what the audit says of A. */
    record Tampering(String name, TamperSql sql, boolean withCheckpoint, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface TamperSql {
        void apply(Handle h, String a, String b, List<LogEntry> logA);
    }

    static Stream<Tampering> tamperings() {
        return Stream.of(new Tampering("a payload edited", (h, a, b, log) -> h.execute("UPDATE events SET payload = "
                + "'{\"accept\":false}' WHERE negotiation_id = ? AND seq = 4", a), false, "event 4 was altered"),
                new Tampering("a payload edited and the unkeyed chain recomputed from it", (h, a, b, log) -> {
                    h.execute("UPDATE events SET payload = '{\"accept\":false}' WHERE negotiation_id = ? AND seq = 4",
                            a);
                    rehashUnkeyed(h, a, 4);
                }, false, "event 4 was altered"),
                new Tampering("the chain downgraded to unkeyed and recomputed", (h, a, b, log) -> {
                    h.execute("UPDATE chain_heads SET scheme = 'sha256' WHERE negotiation_id = ?", a);
                    rehashUnkeyed(h, a, 1);
                }, false, "the chain is not keyed"),
                new Tampering("an entry's party changed", (h, a, b, log) -> h.execute("UPDATE events SET party = 'RU' "
                        + "WHERE negotiation_id = ? AND seq = 3", a), false, "event 3 was altered"),
                new Tampering("an entry's time changed", (h, a, b, log) -> h.execute("UPDATE events SET at_millis = "
                        + "at_millis - 1000 WHERE negotiation_id = ? AND seq = 5", a), false, "event 5 was altered"),
                new Tampering("an entry deleted", (h, a, b, log) -> h.execute("DELETE FROM events WHERE "
                        + "negotiation_id = ? AND seq = 5", a), false, "event 5 is missing"),
                new Tampering("an entry forged at the end, the head moved to it", (h, a, b, log) -> {
                    String forged = Chain.sha256("forged");
                    h.execute("INSERT INTO events VALUES (?, 9, 1, 'move', 'UA', '{}', ?, ?)", a, log.get(7).hash(),
                            forged);
                    h.execute("UPDATE chain_heads SET last_seq = 9, last_hash = ? WHERE negotiation_id = ?", forged,
                            a);
                }, false, "event 9 was altered"),
                new Tampering("two entries swapped", (h, a, b, log) -> {
                    h.execute("UPDATE events SET seq = 1000 WHERE negotiation_id = ? AND seq = 3", a);
                    h.execute("UPDATE events SET seq = 3 WHERE negotiation_id = ? AND seq = 4", a);
                    h.execute("UPDATE events SET seq = 4 WHERE negotiation_id = ? AND seq = 1000", a);
                }, false, "event 3 does not link"),
                new Tampering("the tail deleted and the head lowered to match", (h, a, b, log) -> {
                    h.execute("DELETE FROM events WHERE negotiation_id = ? AND seq >= 7", a);
                    h.execute("UPDATE chain_heads SET last_seq = 6, last_hash = ? WHERE negotiation_id = ?", log.get(5)
                            .hash(), a);
                }, true, "events were removed from its end"),
                new Tampering("the tail deleted", (h, a, b, log) -> h.execute("DELETE FROM events WHERE "
                        + "negotiation_id = ? AND seq >= 7", a), false, "the log ends at event 6 but 8 were appended"),
                new Tampering("the head's MAC replaced", (h, a, b, log) -> h.execute("UPDATE chain_heads SET last_hash "
                        + "= ? WHERE negotiation_id = ?", Chain.sha256("x"), a), false, "the stored chain head does "
                                + "not match"),
                new Tampering("two negotiations' logs swapped", TamperingContract::swapLogs, false, "event 1 was "
                        + "altered, or belongs to another negotiation"),
                new Tampering("the stored scenario edited (a reservation lowered)", (h, a, b, log) -> h.execute(
                        "UPDATE negotiations SET scenario_json = '{\"reservation\":0.05}' WHERE id = ?", a), false,
                        "negotiation's scenario is not what event 8 recorded"),
                new Tampering("the protocol settings edited", (h, a, b, log) -> h.execute("UPDATE negotiations SET "
                        + "protocol_json = '{\"type\":\"saop\",\"rounds\":1}' WHERE id = ?", a), false,
                        "negotiation's settings is not what event 8 recorded"),
                new Tampering("the status edited", (h, a, b, log) -> h.execute("UPDATE negotiations SET status = "
                        + "'closed' WHERE id = ?", a), false, "negotiation's status is not what event 8 recorded"),
                new Tampering("the creation time edited", (h, a, b, log) -> h.execute("UPDATE negotiations SET "
                        + "created_at = 0 WHERE id = ?", a), false, "negotiation's creation time is not what"),
                new Tampering("a seat's token hash replaced by an attacker's", (h, a, b, log) -> h.execute("UPDATE "
                        + "seats SET token_hash = ? WHERE negotiation_id = ? AND party = 'UA'",
                        Chain.sha256(
                                "attacker"),
                        a), false, "negotiation's seats is not what event 8 recorded"),
                new Tampering("a seat added", (h, a, b, log) -> h.execute("INSERT INTO seats VALUES (?, 'XX', NULL, "
                        + "?)", a, Chain.sha256("attacker")), false, "negotiation's seats is not what"),
                new Tampering("the whole negotiation deleted", (h, a, b, log) -> {
                    for (String table : List.of("events", "seats", "chain_heads")) {
                        h.execute("DELETE FROM " + table + " WHERE negotiation_id = ?", a);
                    }
                    h.execute("DELETE FROM negotiations WHERE id = ?", a);
                }, true, "the negotiation is gone"));
    }

    /** Recomputes every entry's unkeyed hash from {@code from} on, and the head, as the old chain was made. */
    static void rehashUnkeyed(Handle h, String id, long from) {
        List<LogEntry> log = Sealing.log(h, id);
        String prev = from == 1 ? Store.GENESIS : log.get((int) from - 2).hash();
        for (LogEntry e : log.subList((int) from - 1, log.size())) {
            String hash = Chain.legacyHash(prev, e.seq(), e.atMillis(), e.kind(), e.party(), e.payload());
            h.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE negotiation_id = ? AND seq = ?", prev, hash, id,
                    e.seq());
            prev = hash;
        }
        h.execute("UPDATE chain_heads SET last_hash = ? WHERE negotiation_id = ?", prev, id);
    }

    static void swapLogs(Handle h, String a, String b, List<LogEntry> logA) {
        h.execute("INSERT INTO negotiations (id, created_at, scenario_json, protocol_json, status) VALUES ('tmp', 0, "
                + "'{}', '{}', 'open')");
        h.execute("UPDATE events SET negotiation_id = 'tmp' WHERE negotiation_id = ?", a);
        h.execute("UPDATE events SET negotiation_id = ? WHERE negotiation_id = ?", a, b);
        h.execute("UPDATE events SET negotiation_id = ? WHERE negotiation_id = 'tmp'", b);
        h.execute("DELETE FROM negotiations WHERE id = 'tmp'");
        var headA = h.createQuery("SELECT last_seq, last_hash FROM chain_heads WHERE negotiation_id = :id").bind("id",
                a).mapToMap().one();
        var headB = h.createQuery("SELECT last_seq, last_hash FROM chain_heads WHERE negotiation_id = :id").bind("id",
                b).mapToMap().one();
        h.execute("UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE negotiation_id = ?", headB.get("last_seq"),
                headB.get("last_hash"), a);
        h.execute("UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE negotiation_id = ?", headA.get("last_seq"),
                headA.get("last_hash"), b);
    }

    record Setup(String a, String b, List<LogEntry> logA, Checkpoint checkpoint) {
    }

    Setup twoNegotiations() {
        try (Store store = Store.open(url(), KEY)) {
            var seats = List.of(new Seat("UA", Optional.empty(), Optional.of(Chain.sha256("ua"))), new Seat("RU",
                    Optional.of("boulware"), Optional.empty()));
            String a = store.create("{\"reservation\":0.45}", "{\"type\":\"saop\"}", seats);
            String b = store.create("{\"reservation\":0.50}", "{\"type\":\"saop\"}", seats);
            for (int i = 0; i < 6; i++) {
                store.append(a, "move", Optional.of("UA"), "{\"accept\":true}");
            }
            for (int i = 0; i < 4; i++) {
                store.append(b, "move", Optional.of("RU"), "{\"accept\":true}");
            }
            store.seat(a, new Seat("RU", Optional.of("conceder"), Optional.empty()));
            return new Setup(a, b, store.log(a, 0), store.checkpoint());
        }
    }

    @Test
    void untouched_everyAuditIsIntact_withAndWithoutTheCheckpoint() {
        Setup s = twoNegotiations();
        try (Store store = Store.open(url(), KEY)) {
            assertThat(s.logA()).hasSize(8);
            assertThat(store.audit(s.a()).intact()).as(store.audit(s.a()).reason()).isTrue();
            String file = s.checkpoint().toJson();
            List<Audit> all = store.auditAll(Optional.of(store.readCheckpoint("cp.json", file)));
            assertThat(all).filteredOn(x -> List.of(s.a(), s.b()).contains(x.negotiationId())).hasSize(2)
                    .allSatisfy(x -> assertThat(x.intact()).as(x.reason()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void eachTampering_isCaughtByTheAudit(Tampering t) {
        Setup s = twoNegotiations();
        Jdbi.create(url()).useTransaction(h -> t.sql().apply(h, s.a(), s.b(), s.logA()));
        try (Store store = Store.open(url(), KEY)) {
            Optional<Checkpoint> checkpoint = Optional.of(store.readCheckpoint("cp.json", s.checkpoint().toJson()));
            Audit a = store.auditAll(t.withCheckpoint() ? checkpoint : Optional.empty()).stream().filter(x -> x
                    .negotiationId().equals(s.a())).findFirst().orElseThrow();
            assertThat(a.intact()).isFalse();
            assertThat(a.reason()).contains(t.problem());
            if (!t.name().contains("swapped")) {
                assertThat(store.audit(s.b()).intact()).as("B is untouched").isTrue();
            }
        }
    }

    @Test
    void aCheckpointAltered_orSignedWithAnotherKey_isRefused() {
        Setup s = twoNegotiations();
        try (Store store = Store.open(url(), KEY)) {
            String file = s.checkpoint().toJson();
            String lowered = file.replaceFirst("\"entries\" : 8", "\"entries\" : 6");
            assertThat(lowered).isNotEqualTo(file);
            assertThatThrownBy(() -> store.readCheckpoint("cp.json", lowered)).isInstanceOf(StoreException.class)
                    .hasMessage("cp.json: the checkpoint's signature does not match: it was altered, or made with "
                            + "another audit key");
            byte[] other = new byte[32];
            other[0] = 1;
            assertThatThrownBy(() -> Checkpoint.read("cp.json", file, AuditKey.of(other))).hasMessageContaining(
                    "signature does not match");
        }
    }

    @Test
    void theSameLog_underAnotherKey_doesNotAudit() {
        Setup s = twoNegotiations();
        byte[] other = new byte[32];
        other[31] = 7;
        try (Store store = Store.open(url(), AuditKey.of(other))) {
            assertThat(store.audit(s.a()).reason()).isEqualTo("event 1 was altered, or belongs to another "
                    + "negotiation: its MAC does not match its contents");
        }
    }
}
