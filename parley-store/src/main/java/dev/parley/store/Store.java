package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.store.Records.Audit;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Negotiation;
import dev.parley.store.Records.Seat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The durable store of negotiations: an append-only log per negotiation whose entries are chained by a keyed MAC
 * ({@link Chain}), so that {@link #audit} can name the first entry that was altered, removed, inserted or moved from
 * another negotiation, and notice what is stored beside the log (scenario, settings, seats, status) changed outside
 * it; a {@link Checkpoint} kept elsewhere also shows a log cut back or a negotiation deleted. An entry is committed
 * before {@link #append} returns. Embedded H2 by default, PostgreSQL by JDBC URL; the schema is kept by Flyway
 * migrations, and chains stored before they were keyed are verified and keyed on the first open. Thread-safe;
 * appends go through one writer with group commit ({@link GroupCommit}), which also keeps each negotiation's numbers
 * and links unbroken.
 */
public final class Store implements AutoCloseable {
    /** The schema version that made chains keyed: the open that applies it seals the chains stored before. */
    private static final String KEYED_SCHEMA = "3";

    /** The previous hash of a negotiation's first event. */
    public static final String GENESIS = "0".repeat(64);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final AuditKey key;
    private final Sealing sealing;
    private final GroupCommit appender;

    private Store(HikariDataSource pool, AuditKey key, boolean keyedNow) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.key = key;
        this.sealing = new Sealing(jdbi, key);
        if (keyedNow) { // only the open that migrates the database to keyed chains seals the old ones
            guarded(() -> {
                sealing.sealLegacyChains();
                return null;
            });
        }
        this.appender = new GroupCommit(jdbi, key);
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}, its chains keyed by {@code key}.
     *
     * @throws StoreException when it cannot be reached or migrated
     */
    public static Store open(String jdbcUrl, AuditKey key) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        config.setPoolName("parley");
        config.setInitializationFailTimeout(1); // one attempt: a database that is down is said at once
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            boolean keyedNow = result.migrations.stream().anyMatch(m -> KEYED_SCHEMA.equals(m.version));
            return new Store(pool, key, keyedNow);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The default store: an embedded H2 file database in {@code dataDir}, created on first use, keyed by the
     * folder's {@link AuditKey}. H2 delays writing
     * committed transactions by default (half a second), which a killed process would lose: here every commit is
     * written at once ({@code WRITE_DELAY=0}). And H2 does not reuse the file's free space ({@code REUSE_SPACE=FALSE}):
     * measured with {@code parley-bench/scripts/kill-after-ack.py}, a commit written into reused space was not found
     * when the file was opened after a SIGKILL, and from then on every acknowledged move was lost at the next kill
     * (7 to 18 of 30–40 rounds); with new space only, none was. The file grows between compactions (H2 compacts it on
     * a clean close). Durable against a killed process, not against power loss (no fsync). Each commit writes
     * again every B-tree page it changed, whole, so pages are split at 2 KB ({@code PAGE_SIZE=2048}) rather than
     * H2's 16 KB: measured with {@code ServerLoad}, a move then writes 5.7 KB to the file rather than 13 KB, and
     * the server takes 15–30% more moves a second. The folder is made readable by its owner only, and so are the
     * files in it.
     */
    public static Store openDefault(Path dataDir) {
        DataFolder.create(dataDir);
        Store store = open(defaultUrl(dataDir), AuditKey.load(dataDir));
        DataFolder.restrict(dataDir);
        return store;
    }

    /** The JDBC URL of the default store in {@code dataDir} (see {@link #openDefault}). */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("parley")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE;PAGE_SIZE=2048";
    }

    /** Creates a negotiation with its seats, recorded as its log's first entry; returns its new id. */
    public String create(String scenarioJson, String protocolJson, List<Seat> seats) {
        String id = UUID.randomUUID().toString();
        create(id, NEGOTIATION, scenarioJson, protocolJson, seats);
        return id;
    }

    /** The kinds of chain: a negotiation's, and a monitoring log's. */
    private static final String NEGOTIATION = "negotiation";
    private static final String MONITORING = "monitoring";

    /**
     * The monitoring log of that name, created (empty but for its record of creation) on first use. Its entries are
     * appended with {@link #append} or {@link #appendAll} and audited like a negotiation's; it is not listed among the
     * {@link #negotiations}. Its id is {@code monitor-NAME}.
     *
     * @param name 1 to 40 lower-case letters, digits and hyphens
     */
    public String monitoringLog(String name) {
        if (!isMonitoringLogName(name)) {
            throw new IllegalArgumentException("a monitoring log's name is 1 to 40 lower-case letters, digits and "
                    + "hyphens, not '" + name + "'");
        }
        String id = "monitor-" + name;
        boolean exists = run(h -> h.createQuery("SELECT COUNT(*) FROM negotiations WHERE id = :id AND kind = :k")
                .bind("id", id).bind("k", MONITORING).mapTo(Integer.class).one() > 0);
        if (!exists) {
            try {
                create(id, MONITORING, "{\"monitoring\":\"" + name + "\"}", "{\"kind\":\"monitoring\"}", List.of());
            } catch (StoreException e) {
                // created meanwhile by another process: then it is there now
                if (run(h -> h.createQuery("SELECT COUNT(*) FROM negotiations WHERE id = :id AND kind = :k").bind(
                        "id", id).bind("k", MONITORING).mapTo(Integer.class).one()) == 0) {
                    throw e;
                }
            }
        }
        return id;
    }

    /** Whether a name can name a monitoring log: 1 to 40 lower-case letters, digits and hyphens. */
    public static boolean isMonitoringLogName(String name) {
        return name != null && name.matches("[a-z0-9][a-z0-9-]{0,39}");
    }

    /** The id of the monitoring log of that name, if there is one (unlike {@link #monitoringLog}, creates none). */
    public Optional<String> existingMonitoringLog(String name) {
        String id = "monitor-" + name;
        return run(h -> h.createQuery("SELECT COUNT(*) FROM negotiations WHERE id = :id AND kind = :k").bind("id", id)
                .bind("k", MONITORING).mapTo(Integer.class).one() > 0) ? Optional.of(id) : Optional.empty();
    }

    /** The names of the monitoring logs, in order. */
    public List<String> monitoringLogs() {
        return run(h -> h.createQuery("SELECT id FROM negotiations WHERE kind = :k ORDER BY id").bind("k", MONITORING)
                .mapTo(String.class).list()).stream().map(id -> id.substring("monitor-".length())).toList();
    }

    private void create(String id, String kind, String scenarioJson, String protocolJson, List<Seat> seats) {
        long now = System.currentTimeMillis();
        run(h -> {
            h.useTransaction(t -> {
                t.createUpdate("INSERT INTO negotiations (id, created_at, scenario_json, protocol_json, status, kind) "
                        + "VALUES (:id, :at, :scenario, :protocol, 'open', :kind)").bind("id", id).bind("at", now)
                        .bind("scenario", scenarioJson).bind("protocol", protocolJson).bind("kind", kind).execute();
                for (Seat seat : seats) {
                    t.createUpdate("INSERT INTO seats (negotiation_id, party, agent, token_hash) VALUES (:id, :party, "
                            + ":agent, :token)").bind("id", id).bind("party", seat.party())
                            .bind("agent", seat.agent().orElse(null)).bind("token", seat.tokenHash().orElse(null))
                            .execute();
                }
                String payload = Chain.record(Chain.parts(t, id), Map.of("seats", Integer.toString(seats.size())));
                String mac = Chain.mac(key, id, GENESIS, 1, now, Chain.CREATED, Optional.empty(), payload);
                t.createUpdate("INSERT INTO events (negotiation_id, seq, at_millis, kind, party, payload, prev_hash, "
                        + "hash) VALUES (:id, 1, :at, :kind, NULL, :payload, :genesis, :mac)").bind("id", id)
                        .bind("at", now).bind("kind", Chain.CREATED).bind("payload", payload).bind("genesis", GENESIS)
                        .bind("mac", mac).execute();
                t.createUpdate("INSERT INTO chain_heads (negotiation_id, last_seq, last_hash, scheme) VALUES (:id, 1, "
                        + ":mac, :scheme)").bind("id", id).bind("mac", mac).bind("scheme", Chain.KEYED).execute();
            });
            return null;
        });
    }

    /** The negotiation of that id; a monitoring log's id is none. */
    public Optional<Negotiation> negotiation(String id) {
        return run(h -> h.createQuery(SELECT_NEGOTIATION + " WHERE n.id = :id AND n.kind = :k").bind("id", id).bind(
                "k", NEGOTIATION).map(Store::negotiation).findOne());
    }

    /** Every negotiation, the newest first. */
    public List<Negotiation> negotiations() {
        return run(h -> h.createQuery(SELECT_NEGOTIATION + " WHERE n.kind = :k ORDER BY n.created_at DESC, n.id")
                .bind("k", NEGOTIATION).map(Store::negotiation).list());
    }

    private static final String SELECT_NEGOTIATION = "SELECT n.id, n.created_at, n.scenario_json, n.protocol_json, "
            + "n.status, c.last_seq, COALESCE(e.at_millis, n.created_at) FROM negotiations n JOIN chain_heads c ON "
            + "c.negotiation_id = n.id LEFT JOIN events e ON e.negotiation_id = n.id AND e.seq = c.last_seq"; // a lost
    // last entry (the audit names it) still lists the negotiation

    private static Negotiation negotiation(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Negotiation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7));
    }

    /**
     * For each seat of a negotiation that someone has acted from or that has changed hands: its last {@code joinedKind}
     * entry, its last record of change, and its last entry's time; in party order. One indexed query.
     */
    public List<Records.SeatActivity> seatActivity(String negotiationId, String joinedKind) {
        require(negotiationId);
        return run(h -> h.createQuery("SELECT party, MAX(CASE WHEN kind = :joined THEN seq ELSE 0 END), MAX(CASE WHEN "
                + "kind = :seat THEN seq ELSE 0 END), MAX(at_millis) FROM events WHERE negotiation_id = :id AND party "
                + "IS NOT NULL GROUP BY party ORDER BY party").bind("id", negotiationId).bind("joined", joinedKind)
                .bind("seat", Chain.SEAT).map((rs, ctx) -> new Records.SeatActivity(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)))
                .list());
    }

    public List<Seat> seats(String negotiationId) {
        require(negotiationId);
        return run(h -> h.createQuery("SELECT party, agent, token_hash FROM seats WHERE negotiation_id = :id ORDER "
                + "BY party").bind("id", negotiationId).map((rs, ctx) -> new Seat(rs.getString(1),
                        Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3))))
                .list());
    }

    /** Replaces who fills a seat (an agent, or a person with a new token's hash), recorded in the log. */
    public void seat(String negotiationId, Seat seat) {
        record(negotiationId, Chain.SEAT, Optional.of(seat.party()), Map.of("filledBy", seat.agent().isPresent()
                ? "agent"
                : "person"), h -> {
                    int n = h.createUpdate("UPDATE seats SET agent = :agent, token_hash = :token WHERE "
                            + "negotiation_id = :id AND party = :party").bind("agent", seat.agent().orElse(null))
                            .bind("token", seat.tokenHash().orElse(null)).bind("id", negotiationId)
                            .bind("party", seat.party()).execute();
                    if (n == 0) {
                        throw new StoreException("no seat " + seat.party() + " in negotiation " + negotiationId);
                    }
                });
    }

    /**
     * Gives a person's seat a new invite: the new token's hash replaces the old one's, recorded in the log as the
     * seat's record with {@code "invite": "reissued"} (unlike {@link #seat}, the same person keeps the seat: what it
     * has shared stays shared).
     */
    public void reissue(String negotiationId, String party, String tokenHash) {
        record(negotiationId, Chain.SEAT, Optional.of(party), reissued(),
                h -> {
                    int n = h.createUpdate("UPDATE seats SET token_hash = :token WHERE negotiation_id = :id AND party "
                            + "= :party AND agent IS NULL").bind("token", tokenHash).bind("id", negotiationId)
                            .bind("party", party).execute();
                    if (n == 0) {
                        throw new StoreException("no person's seat " + party + " in negotiation " + negotiationId);
                    }
                });
    }

    private static Map<String, String> reissued() {
        var about = new java.util.LinkedHashMap<String, String>();
        about.put("filledBy", "person");
        about.put("invite", "reissued");
        return about;
    }

    /** Sets a negotiation's status, e.g. "closed", recorded in the log. */
    public void status(String negotiationId, String status) {
        record(negotiationId, Chain.STATUS, Optional.empty(), Map.of("status", status), h -> h.createUpdate(
                "UPDATE negotiations SET status = :s WHERE id = :id").bind("s", status).bind("id", negotiationId)
                .execute());
    }

    private void record(String negotiationId, String kind, Optional<String> party, Map<String, String> about,
            java.util.function.Consumer<Handle> change) {
        appender.append(negotiationId, kind, party, h -> Chain.record(Chain.parts(h, negotiationId), about), change);
    }

    /**
     * Appends an event to a negotiation's log and commits it before returning.
     *
     * @param kind the caller's kind of entry; not one of the store's own record kinds
     * @throws StoreException when the negotiation does not exist
     */
    public LogEntry append(String negotiationId, String kind, Optional<String> party, String payload) {
        if (Chain.RECORDS.contains(kind)) {
            throw new IllegalArgumentException("the kind " + kind + " is the store's own");
        }
        return appender.append(negotiationId, kind, party, payload);
    }

    /**
     * Appends entries of one kind to a log, in order, each committed before this returns; they go through the writer
     * together, so they share commits (an import of many claims is a few hundred transactions, not one per claim).
     * If the process dies meanwhile, what was committed is a prefix of them.
     *
     * @throws StoreException when the log does not exist; entries before the failing one stay committed
     */
    public List<LogEntry> appendAll(String negotiationId, String kind, Optional<String> party, List<String> payloads) {
        if (Chain.RECORDS.contains(kind)) {
            throw new IllegalArgumentException("the kind " + kind + " is the store's own");
        }
        return appender.appendAll(negotiationId, kind, party, payloads);
    }

    /** The entries after {@code afterSeq}, in order (0 for all), of a negotiation's log or a monitoring log's. */
    public List<LogEntry> log(String negotiationId, long afterSeq) {
        if (!run(h -> h.createQuery("SELECT COUNT(*) FROM negotiations WHERE id = :id").bind("id", negotiationId)
                .mapTo(Integer.class).one() > 0)) {
            throw new StoreException.NoSuchNegotiation(negotiationId);
        }
        return run(h -> Sealing.log(h, negotiationId).stream().filter(e -> e.seq() > afterSeq).toList());
    }

    /**
     * Verifies a negotiation: its chain entry by entry, its stored head, and its stored scenario, settings, seats and
     * status against what its log last recorded. Names the first problem.
     *
     * @throws StoreException.NoSuchNegotiation for an unknown id
     */
    public Audit audit(String negotiationId) {
        return guarded(() -> sealing.audit(negotiationId));
    }

    /**
     * Verifies every stored negotiation as {@link #audit(String)} does and, given a checkpoint, also that each chain
     * still holds the head the checkpoint saw and that no negotiation it saw is gone. In id order.
     */
    public List<Audit> auditAll(Optional<Checkpoint> checkpoint) {
        return guarded(() -> sealing.auditAll(checkpoint));
    }

    /** A checkpoint of every chain as it now ends, signed with this store's key: keep it away from the database. */
    public Checkpoint checkpoint() {
        return guarded(() -> sealing.checkpoint());
    }

    /**
     * Reads a checkpoint and checks it was signed with this store's key.
     *
     * @throws StoreException when it is not one, or not signed with this key
     */
    public Checkpoint readCheckpoint(String where, String json) {
        return Checkpoint.read(where, json, key);
    }

    /**
     * The negotiation of that id.
     *
     * @throws StoreException.NoSuchNegotiation when there is none
     */
    public Negotiation require(String negotiationId) {
        return negotiation(negotiationId).orElseThrow(() -> new StoreException.NoSuchNegotiation(negotiationId));
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new StoreException("database error: " + rootMessage(e), e);
        }
    }

    private <T> T run(java.util.function.Function<Handle, T> work) {
        try (Handle h = jdbi.open()) {
            return work.apply(h);
        } catch (JdbiException e) {
            throw new StoreException("database error: " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The URL without any password in it, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        appender.close();
        pool.close();
    }
}
