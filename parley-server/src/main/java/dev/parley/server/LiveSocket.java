package dev.parley.server;

import dev.parley.engine.model.Issue;
import dev.parley.scenario.wire.EventJson;
import dev.parley.scenario.wire.Json;
import dev.parley.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live WebSocket of each seat: connecting, sending each batch and stopping on close. Thread-safe. */
final class LiveSocket {
    private final Negotiations negotiations;
    /** Each open connection's stop handle, by session id. */
    private final ConcurrentHashMap<String, Runnable> live = new ConcurrentHashMap<>();

    LiveSocket(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    /** Wires the endpoint's handlers. */
    void configure(io.javalin.websocket.WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onClose(ctx -> {
            Runnable stop = live.remove(ctx.sessionId());
            if (stop != null) {
                stop.run();
            }
        });
    }

    /**
     * {@code /api/negotiations/{id}/live?token=TOKEN&after=SEQ}: the seat's events, numbered, from SEQ on and then as
     * they happen. Browsers cannot set headers on a WebSocket, hence the token in the query. Closes with 4400 for a bad
     * {@code after}, 4403 for a token that opens no seat, 4404 for an unknown negotiation, 4408 for a connection
     * that fell too far behind (reconnect with {@code after} the last event number seen), 4429 for a seat that already
     * holds its most connections; 4403 too for a connection from another origin.
     */
    private void connect(io.javalin.websocket.WsConnectContext ctx) {
        if (Origins.foreign(ctx.header("Origin"), ctx.header("Host"))) {
            ctx.closeSession(4403, "connections from another origin are refused");
            return;
        }
        String id = ctx.pathParam("id");
        String token = ctx.queryParam("token");
        long after;
        try {
            after = ctx.queryParam("after") == null ? 0 : Long.parseLong(ctx.queryParam("after"));
        } catch (NumberFormatException e) {
            ctx.closeSession(4400, "after must be a whole number");
            return;
        }
        try {
            List<Issue> issues = negotiations.scenario(id).issues();
            Runnable stop = negotiations.subscribe(id, token == null ? "" : token, after, batch -> send(ctx, Json
                    .write(Map.of("events", EventJson.writeAll(batch, issues)))), () -> ctx.closeSession(4408,
                            "too far behind: reconnect with after= the last event number seen"));
            live.put(ctx.sessionId(), stop);
        } catch (AccessDenied e) {
            ctx.closeSession(4403, e.getMessage());
        } catch (StoreException.NoSuchNegotiation e) {
            ctx.closeSession(4404, e.getMessage());
        } catch (TooMany e) {
            ctx.closeSession(4429, e.getMessage());
        }
    }

    /** How long one batch may take to reach a client before its connection counts as broken. */
    private static final long SEND_TIMEOUT_SECONDS = 30;

    /**
     * Sends one message and waits until it is written: Javalin's own send is fire-and-forget, which would let a slow
     * client's messages pile up unseen; waiting lets its subscriber's bounded queue fill and drop it instead.
     */
    private static void send(io.javalin.websocket.WsContext ctx, String message) {
        var done = new org.eclipse.jetty.websocket.api.Callback.Completable();
        ctx.session.sendText(message, done);
        try {
            done.get(SEND_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the connection did not take the message: " + e, e);
        }
    }
}
