package dev.parley.store;

import dev.parley.store.Records.LogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Appends entries for every negotiation through one writer thread, with group commit: the appends that arrive while a
 * transaction commits all go into the next one, so one commit (one write to disk) makes many moves durable. Each
 * caller still waits until its own event is committed. The writer keeps each negotiation's chain head (last number
 * and hash) in memory after reading it once, so an append is one insert plus one head update per negotiation in the
 * batch. A batch that fails is retried one event per transaction with the heads read again, so one bad append (an
 * unknown negotiation, a second process appending to the same negotiation, which the key (negotiation, seq) refuses)
 * fails alone and the others go through.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to amortise a commit, small enough to keep each transaction short. */
    private static final int MAX_BATCH = 256;
    private static final Request STOP = new Request("", "", Optional.empty(), h -> "", h -> {
    }, new CompletableFuture<>());

    /**
     * @param payload the entry's payload, worked out in the transaction after {@code effect}
     * @param effect what else the transaction changes (a record entry's stored part), before the entry is written
     */
    private record Request(String negotiationId, String kind, Optional<String> party,
            Function<Handle, String> payload, Consumer<Handle> effect, CompletableFuture<LogEntry> done, Group group) {
        Request(String negotiationId, String kind, Optional<String> party, Function<Handle, String> payload,
                Consumer<Handle> effect, CompletableFuture<LogEntry> done) {
            this(negotiationId, kind, party, payload, effect, done, null);
        }
    }

    /**
     * The requests of one {@link #appendAll}: once one fails, the later ones fail unwritten, so that what is
     * committed of them is a prefix. Only the writer thread reads and sets {@code failed}.
     */
    private static final class Group {
        boolean failed;
    }

    private record Head(long seq, String hash) {
    }

    private final Jdbi jdbi;
    private final AuditKey key;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    /** The most chain heads kept in memory; one not kept is read again from the database when next needed. */
    static final int MAX_HEADS = 10_000;

    /** The writer thread's own: the last committed entry of the negotiations written to most recently. */
    private final Map<String, Head> heads = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > MAX_HEADS;
        }
    };
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(Jdbi jdbi, AuditKey key) {
        this.jdbi = jdbi;
        this.key = key;
        this.writer = Thread.ofPlatform().name("parley-store-writer").daemon().start(this::loop);
    }

    /** Appends one event and returns it once committed. */
    LogEntry append(String negotiationId, String kind, Optional<String> party, String payload) {
        return append(negotiationId, kind, party, h -> payload, h -> {
        });
    }

    /**
     * Appends one event in the same transaction as {@code effect}, with the payload worked out after it, and returns
     * it once committed. A failing effect fails this append alone.
     */
    LogEntry append(String negotiationId, String kind, Optional<String> party, Function<Handle, String> payload,
            Consumer<Handle> effect) {
        var request = new Request(negotiationId, kind, party, payload, effect, new CompletableFuture<>());
        queue.add(request);
        if (closed && queue.remove(request)) {
            throw new StoreException("the store is closed");
        }
        try {
            return request.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw new StoreException(se.getMessage(), se); // this thread's stack, the writer's cause
            }
            throw e;
        }
    }

    /** Appends events in order and returns them once all are committed; they share transactions. */
    List<LogEntry> appendAll(String negotiationId, String kind, Optional<String> party, List<String> payloads) {
        var requests = new ArrayList<Request>(payloads.size());
        var group = new Group();
        for (String p : payloads) {
            requests.add(new Request(negotiationId, kind, party, h -> p, h -> {
            }, new CompletableFuture<>(), group));
        }
        queue.addAll(requests); // one writer takes the queue in order, so the entries keep theirs
        if (closed && queue.removeAll(requests)) {
            throw new StoreException("the store is closed");
        }
        var out = new ArrayList<LogEntry>(requests.size());
        for (Request r : requests) {
            try {
                out.add(r.done().join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof StoreException se) {
                    throw new StoreException(se.getMessage(), se);
                }
                throw e;
            }
        }
        return out;
    }

    private void loop() {
        try {
            var batch = new ArrayList<Request>();
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.remove(STOP);
                write(batch);
                batch.clear();
                if (stop) {
                    queue.drainTo(batch);
                    batch.forEach(r -> r.done().completeExceptionally(new StoreException("the store is closed")));
                    return;
                }
            }
        } finally {
            drop();
        }
    }

    private void write(List<Request> batch) {
        var ready = new ArrayList<Request>(batch.size());
        for (Request r : batch) {
            if (r.group() != null && r.group().failed) {
                r.done().completeExceptionally(new StoreException("not appended: an earlier entry of the same batch "
                        + "failed"));
                continue;
            }
            try {
                head(r.negotiationId());
                ready.add(r);
            } catch (RuntimeException e) {
                fail(r, failure(e));
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        try {
            commit(ready);
        } catch (RuntimeException e) {
            ready.forEach(r -> heads.remove(r.negotiationId())); // read them again: the database has the truth
            if (ready.size() == 1) {
                fail(ready.get(0), failure(e));
            } else {
                ready.forEach(r -> write(List.of(r)));
            }
        }
    }

    /**
     * Writes the batch in one transaction; only after the commit are the heads moved and the callers answered. The
     * writer keeps one connection with its two statements prepared (binding through Jdbi cost it a quarter of its
     * time); after a failure it rolls back and opens them again for the next batch.
     */
    private void commit(List<Request> batch) {
        var next = new LinkedHashMap<String, Head>();
        var events = new ArrayList<LogEntry>(batch.size());
        Statements w = statements();
        try {
            w.handle.begin();
            for (Request r : batch) {
                Head head = next.getOrDefault(r.negotiationId(), heads.get(r.negotiationId()));
                long seq = head.seq() + 1;
                long at = System.currentTimeMillis();
                r.effect().accept(w.handle);
                String payload = r.payload().apply(w.handle);
                String hash = Chain.mac(key, r.negotiationId(), head.hash(), seq, at, r.kind(), r.party(), payload);
                w.insert.setString(1, r.negotiationId());
                w.insert.setLong(2, seq);
                w.insert.setLong(3, at);
                w.insert.setString(4, r.kind());
                w.insert.setString(5, r.party().orElse(null));
                w.insert.setString(6, payload);
                w.insert.setString(7, head.hash());
                w.insert.setString(8, hash);
                w.insert.addBatch();
                events.add(new LogEntry(r.negotiationId(), seq, at, r.kind(), r.party(), payload, head.hash(), hash));
                next.put(r.negotiationId(), new Head(seq, hash));
            }
            w.insert.executeBatch();
            for (var e : next.entrySet()) {
                w.update.setLong(1, e.getValue().seq());
                w.update.setString(2, e.getValue().hash());
                w.update.setString(3, e.getKey());
                w.update.addBatch();
            }
            w.update.executeBatch();
            w.handle.commit();
        } catch (SQLException e) {
            drop();
            throw new StoreException("database error: " + Store.rootMessage(e), e);
        } catch (RuntimeException e) {
            drop();
            throw e;
        }
        heads.putAll(next);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(events.get(i));
        }
    }

    /**
     * The writer's connection (a handle, for the effects), its prepared statements, and when it was opened
     * ({@link System#nanoTime}).
     */
    private record Statements(Handle handle, PreparedStatement insert, PreparedStatement update, long opened) {
    }

    /** The writer thread's own; null until the first batch and after a failure. */
    private Statements statements;
    /** When the writer's connection was last used, {@link System#nanoTime}. */
    private long used;
    /** As the pool does for a connection it lends: one idle this long is checked before it is used. */
    private static final long CHECK_AFTER_IDLE = 500_000_000L;
    /** As the pool's default lifetime: the writer's connection is replaced after this long. */
    private static final long LIFETIME = 30L * 60 * 1_000_000_000L;

    /**
     * The writer's connection and statements. The pool cannot check or retire a connection it has lent for good,
     * so the writer does as the pool would: one idle for half a second is asked whether it is still open (a database
     * restarted meanwhile, a firewall that dropped it), and one older than half an hour is replaced.
     */
    private Statements statements() throws StoreException {
        long now = System.nanoTime();
        if (statements != null
                && (now - statements.opened() > LIFETIME || (now - used > CHECK_AFTER_IDLE && !valid()))) {
            drop();
        }
        if (statements == null) {
            Handle h = jdbi.open();
            try {
                Connection c = h.getConnection();
                statements = new Statements(h, c.prepareStatement("INSERT INTO events (negotiation_id, seq, at_millis, "
                        + "kind, party, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), c.prepareStatement(
                                "UPDATE chain_heads SET last_seq = ?, last_hash = ? WHERE negotiation_id = ?"),
                        now);
            } catch (SQLException e) {
                h.close();
                throw new StoreException("database error: " + Store.rootMessage(e), e);
            }
        }
        used = now;
        return statements;
    }

    private boolean valid() {
        try {
            return statements.handle.getConnection().isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Rolls back what the writer's connection holds and closes it; the next batch opens another. */
    private void drop() {
        if (statements == null) {
            return;
        }
        Handle h = statements.handle;
        statements = null;
        try {
            if (h.isInTransaction()) {
                h.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection may be what failed: closing it is all that is left
        }
        try {
            h.close(); // its statements with it
        } catch (RuntimeException ignored) {
            // as above
        }
    }

    private static void fail(Request r, StoreException e) {
        if (r.group() != null) {
            r.group().failed = true;
        }
        r.done().completeExceptionally(e);
    }

    private Head head(String negotiationId) {
        Head head = heads.get(negotiationId);
        if (head == null) {
            head = jdbi.withHandle(
                    h -> h.createQuery("SELECT last_seq, last_hash FROM chain_heads WHERE negotiation_id = :id")
                            .bind("id", negotiationId).map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                            .findOne())
                    .orElseThrow(() -> new StoreException.NoSuchNegotiation(negotiationId));
            heads.put(negotiationId, head);
        }
        return head;
    }

    private static StoreException failure(RuntimeException e) {
        if (e instanceof StoreException se) {
            return se;
        }
        if (e instanceof JdbiException) {
            return new StoreException("database error: " + Store.rootMessage(e), e);
        }
        return new StoreException("cannot append: " + e, e);
    }

    /** Commits what is queued, then refuses further appends. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
