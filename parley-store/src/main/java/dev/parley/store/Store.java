package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.store.Records.Audit;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Negotiation;
import dev.parley.store.Records.Seat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The durable store of negotiations: an append-only event log per negotiation, each event chained to the one
 * before by a SHA-256 hash, so that {@link #audit} can name the first event that was altered, removed or inserted.
 * An event is committed before {@link #append} returns. Embedded H2 by default, PostgreSQL by JDBC URL; the schema
 * is kept by Flyway migrations. Thread-safe; appends go through one writer with group commit ({@link GroupCommit}),
 * which also keeps each negotiation's numbers and links unbroken.
 */
public final class Store implements AutoCloseable {
    /** The previous hash of a negotiation's first event. */
    public static final String GENESIS = "0".repeat(64);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final GroupCommit appender;

    private Store(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.appender = new GroupCommit(jdbi);
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}.
     *
     * @throws StoreException when it cannot be reached or migrated
     */
    public static Store open(String jdbcUrl) {
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
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Store(pool);
    }

    /**
     * The default store: an embedded H2 file database in {@code dataDir}, created on first use. H2 delays writing
     * committed transactions by default (half a second), which a killed process would lose: here every commit is
     * written at once ({@code WRITE_DELAY=0}). And H2 does not reuse the file's free space ({@code REUSE_SPACE=FALSE}):
     * measured with {@code parley-bench/scripts/kill-after-ack.py}, a commit written into reused space was not found
     * when the file was opened after a SIGKILL, and from then on every acknowledged move was lost at the next kill
     * (7 to 18 of 30–40 rounds); with new space only, none was. The file grows between compactions (H2 compacts it on
     * a clean close). Durable against a killed process, not against power loss (no fsync).
     */
    public static Store openDefault(Path dataDir) {
        return open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("parley")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;REUSE_SPACE=FALSE");
    }

    /** Creates a negotiation with its seats; returns its new id. */
    public String create(String scenarioJson, String protocolJson, List<Seat> seats) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        run(h -> {
            h.useTransaction(t -> {
                t.createUpdate("INSERT INTO negotiations (id, created_at, scenario_json, protocol_json, status) "
                        + "VALUES (:id, :at, :scenario, :protocol, 'open')").bind("id", id).bind("at", now)
                        .bind("scenario", scenarioJson).bind("protocol", protocolJson).execute();
                t.createUpdate("INSERT INTO chain_heads (negotiation_id, last_seq, last_hash) VALUES (:id, 0, "
                        + ":genesis)").bind("id", id).bind("genesis", GENESIS).execute();
                for (Seat seat : seats) {
                    t.createUpdate("INSERT INTO seats (negotiation_id, party, agent, token_hash) VALUES (:id, :party, "
                            + ":agent, :token)").bind("id", id).bind("party", seat.party())
                            .bind("agent", seat.agent().orElse(null)).bind("token", seat.tokenHash().orElse(null))
                            .execute();
                }
            });
            return null;
        });
        return id;
    }

    public Optional<Negotiation> negotiation(String id) {
        return run(h -> h.createQuery(SELECT_NEGOTIATION + " WHERE n.id = :id").bind("id", id).map(Store::negotiation)
                .findOne());
    }

    /** Every negotiation, the newest first. */
    public List<Negotiation> negotiations() {
        return run(h -> h.createQuery(SELECT_NEGOTIATION + " ORDER BY n.created_at DESC, n.id").map(
                Store::negotiation).list());
    }

    private static final String SELECT_NEGOTIATION = "SELECT n.id, n.created_at, n.scenario_json, n.protocol_json, "
            + "n.status, c.last_seq FROM negotiations n JOIN chain_heads c ON c.negotiation_id = n.id";

    private static Negotiation negotiation(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Negotiation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6));
    }

    public List<Seat> seats(String negotiationId) {
        require(negotiationId);
        return run(h -> h.createQuery("SELECT party, agent, token_hash FROM seats WHERE negotiation_id = :id ORDER "
                + "BY party").bind("id", negotiationId).map((rs, ctx) -> new Seat(rs.getString(1),
                        Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3))))
                .list());
    }

    /** Replaces who fills a seat: an agent, or a person with a new token's hash. */
    public void seat(String negotiationId, Seat seat) {
        int n = run(h -> h.createUpdate("UPDATE seats SET agent = :agent, token_hash = :token WHERE negotiation_id = "
                + ":id AND party = :party").bind("agent", seat.agent().orElse(null))
                .bind("token", seat.tokenHash().orElse(null)).bind("id", negotiationId).bind("party", seat.party())
                .execute());
        if (n == 0) {
            throw new StoreException("no seat " + seat.party() + " in negotiation " + negotiationId);
        }
    }

    /** Sets a negotiation's status, e.g. "closed". */
    public void status(String negotiationId, String status) {
        int n = run(h -> h.createUpdate("UPDATE negotiations SET status = :s WHERE id = :id").bind("s", status)
                .bind("id", negotiationId).execute());
        if (n == 0) {
            throw new StoreException.NoSuchNegotiation(negotiationId);
        }
    }

    /**
     * Appends an event to a negotiation's log and commits it before returning.
     *
     * @throws StoreException when the negotiation does not exist
     */
    public LogEntry append(String negotiationId, String kind, Optional<String> party, String payload) {
        return appender.append(negotiationId, kind, party, payload);
    }

    /** The events after {@code afterSeq}, in order (0 for all). */
    public List<LogEntry> log(String negotiationId, long afterSeq) {
        require(negotiationId);
        return run(h -> h.createQuery("SELECT negotiation_id, seq, at_millis, kind, party, payload, prev_hash, hash "
                + "FROM events WHERE negotiation_id = :id AND seq > :after ORDER BY seq").bind("id", negotiationId)
                .bind("after", afterSeq).map((rs, ctx) -> new LogEntry(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list());
    }

    /** Verifies the chain of a negotiation's events and names the first broken one. */
    public Audit audit(String negotiationId) {
        Negotiation n = negotiation(negotiationId)
                .orElseThrow(() -> new StoreException.NoSuchNegotiation(negotiationId));
        List<LogEntry> events = log(negotiationId, 0);
        String prev = GENESIS;
        long expected = 1;
        for (LogEntry e : events) {
            if (e.seq() != expected) {
                return new Audit(negotiationId, events.size(), Optional.of(expected), "event " + expected
                        + " is missing (the next stored is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                return new Audit(negotiationId, events.size(), Optional.of(e.seq()), "event " + e.seq()
                        + " does not link to the event before it");
            }
            if (!hash(e.prevHash(), e.seq(), e.atMillis(), e.kind(), e.party(), e.payload()).equals(e.hash())) {
                return new Audit(negotiationId, events.size(), Optional.of(e.seq()), "event " + e.seq()
                        + " was altered: its hash does not match its contents");
            }
            prev = e.hash();
            expected++;
        }
        if (n.lastSeq() != events.size()) {
            return new Audit(negotiationId, events.size(), Optional.of((long) events.size() + 1), "the log ends at "
                    + "event " + events.size() + " but " + n.lastSeq() + " were appended");
        }
        return new Audit(negotiationId, events.size(), Optional.empty(), "intact");
    }

    static String hash(String prev, long seq, long at, String kind, Optional<String> party, String payload) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            String text = prev + "\n" + seq + "\n" + at + "\n" + kind + "\n" + party.orElse("") + "\n" + payload;
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * The negotiation of that id.
     *
     * @throws StoreException.NoSuchNegotiation when there is none
     */
    public Negotiation require(String negotiationId) {
        return negotiation(negotiationId).orElseThrow(() -> new StoreException.NoSuchNegotiation(negotiationId));
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
