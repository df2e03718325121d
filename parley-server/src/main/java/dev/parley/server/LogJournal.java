package dev.parley.server;

import dev.parley.engine.model.Issue;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.session.Journal;
import dev.parley.scenario.wire.ActionJson;
import dev.parley.scenario.wire.EventJson;
import dev.parley.scenario.wire.Json;
import dev.parley.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How one negotiation's moves and refusals go into the store's log, committed, within its bounds. Used under the
 * negotiation's lock.
 */
final class LogJournal {
    private final String id;
    private final Store store;
    private final SeatBounds bounds;
    private final BooleanSupplier closing;

    LogJournal(String id, Store store, SeatBounds bounds, BooleanSupplier closing) {
        this.id = id;
        this.store = store;
        this.bounds = bounds;
        this.closing = closing;
    }

    /** Each move goes into the log, committed, before it takes effect; none once a close has begun. */
    Journal moves(List<Issue> issues) {
        return move -> {
            if (closing.getAsBoolean()) {
                throw new Closing(id);
            }
            bounds.beforeEntry();
            var payload = new LinkedHashMap<String, Object>();
            payload.put("action", ActionJson.write(move.action(), issues));
            payload.put("events", move.events().stream().map(e -> EventJson.write(e, issues)).toList());
            store.append(id, NegotiationLog.MOVE, Optional.of(move.party()), Json.write(payload));
            bounds.entry();
            bounds.moved(move.party(), move.action());
        };
    }

    /**
     * A refused move is counted against the seat's rate and kept in the log, for the audit: a seat that probes the
     * rules for what they guard (a relay stating a reservation) leaves a trace, and is slowed down.
     */
    void refused(String party, Action action, RuntimeException e, List<Issue> issues) {
        if (bounds.refused(party)) { // kept up to a limit of their own: refusals never fill the log
            store.append(id, NegotiationLog.REFUSED, Optional.of(party), Json.write(Map.of("action", ActionJson
                    .write(action, issues), "error", String.valueOf(e.getMessage()))));
        }
    }
}
