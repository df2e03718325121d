package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Seat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run on each database (no mocks): H2 and PostgreSQL subclasses supply the URL.
 */
abstract class StoreContract {
    Store store;

    /** The tests' audit key. */
    static final AuditKey KEY = AuditKey.of(new byte[32]);

    abstract String url();

    @BeforeEach
    void open() {
        store = Store.open(url(), KEY);
    }

    @AfterEach
    void close() {
        if (store != null) { // null when the database was not there and the test was skipped
            store.close();
        }
    }

    String negotiation() {
        return store.create("{\"id\":\"s\"}", "{\"type\":\"saop\"}", List.of(new Seat("UA", Optional.empty(),
                Optional.of("ab".repeat(32))), new Seat("RU", Optional.of("boulware"), Optional.empty())));
    }

    @Test
    void create_storesTheNegotiationAndItsSeats() {
        String id = negotiation();
        var n = store.negotiation(id).orElseThrow();
        assertThat(n.scenarioJson()).isEqualTo("{\"id\":\"s\"}");
        assertThat(n.status()).isEqualTo("open");
        assertThat(store.seats(id)).containsExactly(new Seat("RU", Optional.of("boulware"), Optional.empty()),
                new Seat("UA", Optional.empty(), Optional.of("ab".repeat(32))));
        assertThat(store.negotiations()).extracting(x -> x.id()).contains(id);
        store.status(id, "closed");
        assertThat(store.negotiation(id).orElseThrow().status()).isEqualTo("closed");
    }

    @Test
    void append_numbersEventsAndChainsThem() {
        String id = negotiation();
        var appended = new ArrayList<LogEntry>();
        for (int i = 0; i < 50; i++) {
            appended.add(store.append(id, "offered", Optional.of(i % 2 == 0 ? "UA" : "RU"), "{\"n\":" + i + "}"));
        }
        List<LogEntry> all = store.log(id, 0);
        assertThat(all.get(0).kind()).isEqualTo("created"); // the store's own record of the creation
        assertThat(all.get(0).prevHash()).isEqualTo(Store.GENESIS);
        List<LogEntry> read = store.log(id, 1);
        assertThat(read).isEqualTo(appended);
        assertThat(read).extracting(LogEntry::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(2, 51).boxed().toList());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
        }
        assertThat(store.log(id, 46)).hasSize(5);
        assertThat(store.audit(id).intact()).isTrue();
        assertThat(store.audit(id).events()).isEqualTo(51);
    }

    @Test
    void audit_namesTheFirstAlteredEvent() {
        String id = negotiation();
        for (int i = 0; i < 10; i++) {
            store.append(id, "voted", Optional.of("UA"), "{\"accept\":true}");
        }
        raw().useHandle(h -> h.execute("UPDATE events SET payload = '{\"accept\":false}' WHERE negotiation_id = ? "
                + "AND seq IN (4, 7)", id));
        var audit = store.audit(id);
        assertThat(audit.firstBroken()).contains(4L);
        assertThat(audit.reason()).isEqualTo("event 4 was altered, or belongs to another negotiation: its MAC does not "
                + "match its contents");
    }

    @Test
    void audit_namesARemovedEvent() {
        String id = negotiation();
        for (int i = 0; i < 6; i++) {
            store.append(id, "voted", Optional.empty(), "{}");
        }
        raw().useHandle(h -> h.execute("DELETE FROM events WHERE negotiation_id = ? AND seq = 3", id));
        assertThat(store.audit(id).firstBroken()).contains(3L);
        assertThat(store.audit(id).reason()).isEqualTo("event 3 is missing (the next stored is 4)");
        raw().useHandle(h -> h.execute("DELETE FROM events WHERE negotiation_id = ? AND seq >= 3", id));
        assertThat(store.audit(id).reason()).isEqualTo("the log ends at event 2 but 7 were appended");
    }

    @Test
    void concurrentAppends_keepTheChainUnbroken() throws Exception {
        String id = negotiation();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.append(id, "offered", Optional.of("T" + thread), "{\"i\":" + i + "}");
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.log(id, 1)).hasSize(100);
        assertThat(store.audit(id).intact()).isTrue();
    }

    @Test
    void appendsToManyNegotiationsAtOnce_shareCommits_andEveryChainHolds() throws Exception {
        List<String> ids = java.util.stream.IntStream.range(0, 6).mapToObj(i -> negotiation()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var futures = new ArrayList<Future<List<LogEntry>>>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    var mine = new ArrayList<LogEntry>();
                    for (int i = 0; i < 40; i++) {
                        mine.add(store.append(ids.get((thread + i) % ids.size()), "offered", Optional.of("T"
                                + thread), "{\"i\":" + i + "}"));
                    }
                    return mine;
                }));
            }
            var returned = new ArrayList<LogEntry>();
            for (var f : futures) {
                returned.addAll(f.get());
            }
            var stored = new ArrayList<LogEntry>();
            for (String id : ids) {
                stored.addAll(store.log(id, 1));
                assertThat(store.audit(id).intact()).isTrue();
                assertThat(store.negotiation(id).orElseThrow().lastSeq()).isEqualTo(41); // and its creation
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(returned); // what callers got is what was kept
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSecondWriterOnTheSameNegotiation_failsAlone_andBreaksNoChain() {
        String id = negotiation();
        String other = negotiation();
        store.append(id, "offered", Optional.of("UA"), "{}");
        try (Store second = Store.open(url(), KEY)) { // another process on the same database
            assertThat(second.append(id, "offered", Optional.of("RU"), "{}").seq()).isEqualTo(3);
        }
        assertThatThrownBy(() -> store.append(id, "offered", Optional.of("UA"), "{\"late\":1}"))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("database error: ");
        assertThat(store.append(other, "offered", Optional.of("UA"), "{}").seq()).isEqualTo(2);
        assertThat(store.append(id, "offered", Optional.of("UA"), "{\"again\":1}").seq()).isEqualTo(4);
        assertThat(store.audit(id).intact()).isTrue();
        assertThat(store.log(id, 1)).extracting(LogEntry::payload).containsExactly("{}", "{}", "{\"again\":1}");
    }

    @Test
    void afterClose_appendsAreRefused() {
        String id = negotiation();
        store.close();
        assertThatThrownBy(() -> store.append(id, "offered", Optional.empty(), "{}")).isInstanceOf(
                StoreException.class).hasMessage("the store is closed");
        store = Store.open(url(), KEY); // for close() after the test
    }

    @Test
    void unknownNegotiation_isAStoreError() {
        assertThatThrownBy(() -> store.append("nope", "x", Optional.empty(), "{}")).isInstanceOf(StoreException.class)
                .hasMessage("no negotiation nope");
        assertThatThrownBy(() -> store.log("nope", 0)).hasMessage("no negotiation nope");
        assertThat(store.negotiation("nope")).isEmpty();
    }

    @Test
    void reopening_keepsEverything_andMigratesOnce() {
        String id = negotiation();
        store.append(id, "offered", Optional.of("UA"), "{}");
        store.close();
        store = Store.open(url(), KEY);
        assertThat(store.log(id, 0)).extracting(LogEntry::kind).containsExactly("created", "offered");
        assertThat(store.audit(id).intact()).isTrue();
    }

    @Test
    void monitoringLog_isAChainOfItsOwn_notANegotiation() {
        String name = "mission-" + Long.toHexString(System.nanoTime());
        String id = store.monitoringLog(name);
        assertThat(store.monitoringLog(name)).as("the same log the second time").isEqualTo(id);
        assertThat(store.monitoringLogs()).contains(name);
        assertThat(store.negotiations()).extracting(x -> x.id()).doesNotContain(id);
        var payloads = new ArrayList<String>();
        for (int i = 0; i < 600; i++) { // more than one writer batch
            payloads.add("{\"n\":" + i + "}");
        }
        List<LogEntry> written = store.appendAll(id, "claim", Optional.empty(), payloads);
        assertThat(written).extracting(LogEntry::seq).first().isEqualTo(2L);
        List<LogEntry> log = store.log(id, 1);
        assertThat(log).extracting(LogEntry::payload).containsExactlyElementsOf(payloads);
        assertThat(store.audit(id).intact()).isTrue();
        assertThat(store.auditAll(Optional.empty())).extracting(a -> a.negotiationId()).contains(id);
    }

    @Test
    void monitoringLog_editedBehindTheStore_isNamedByTheAudit() {
        String id = store.monitoringLog("edited-" + Long.toHexString(System.nanoTime()));
        store.appendAll(id, "claim", Optional.empty(), List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));
        raw().useHandle(h -> h.execute("UPDATE events SET payload = '{\"n\":20}' WHERE negotiation_id = ? AND seq "
                + "= 3", id));
        var audit = store.audit(id);
        assertThat(audit.intact()).isFalse();
        assertThat(audit.firstBroken()).contains(3L);
    }

    @Test
    void monitoringLog_nameIsChecked() {
        assertThatThrownBy(() -> store.monitoringLog("Bad Name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }

    private Jdbi raw() {
        return Jdbi.create(url());
    }
}
