package dev.parley.server;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.ClauseSet;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.MonitorEntry;
import dev.parley.engine.monitor.Observation;
import dev.parley.scenario.monitor.MonitorJson;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A monitoring ledger kept in the store: each claim, observation, assessment and set of clauses is one entry of a
 * keyed, append-only chain ({@link Store#monitoringLog}), committed before {@link #record} returns, audited like a
 * negotiation's log. The ledger is the fold of the chain's entries in order. Thread-safe as far as the store is: two
 * writers of one log may both record the same entry, which the fold then reads once.
 */
public final class MonitoringLog {
    /** The log entry kinds of monitoring entries. */
    static final Set<String> KINDS = Set.of("claim", "observation", "assessment", "clauses");

    private final Store store;
    private final String id;

    /** The log of that name in the store, created on first use. */
    public MonitoringLog(Store store, String name) {
        this(store, store.monitoringLog(name), true);
    }

    private MonitoringLog(Store store, String id, boolean unused) {
        this.store = store;
        this.id = id;
    }

    /** The log of that name if the store has it; creates nothing (for commands that only read). */
    public static Optional<MonitoringLog> existing(Store store, String name) {
        return store.existingMonitoringLog(name).map(id -> new MonitoringLog(store, id, true));
    }

    /** The chain's id in the store (what {@code parley audit} names). */
    public String id() {
        return id;
    }

    /**
     * What recording a batch did.
     *
     * @param added entries newly recorded, in order
     * @param already entries that were recorded before, identical, so not again
     */
    public record Recorded(List<MonitorEntry> added, int already) {
        public Recorded {
            added = List.copyOf(added);
        }
    }

    /** The ledger as the store holds it now. */
    public Ledger read() {
        var ledger = new Ledger();
        for (LogEntry e : store.log(id, 0)) {
            if (!KINDS.contains(e.kind())) {
                continue; // the chain's own records (its creation)
            }
            // what a writer was told is recorded stays readable: the rules were checked when it was written
            ledger.replay(MonitorJson.read(e.payload()));
        }
        return ledger;
    }

    /**
     * Records entries not recorded yet, in order, each checked against the ledger as it stands with the ones before
     * it; none is recorded if one is refused.
     *
     * @throws InvalidInput naming the first entry refused and why
     */
    public Recorded record(List<? extends MonitorEntry> entries) {
        return record(entries, n -> {
        });
    }

    /** The most entries appended before progress is told: each chunk is committed when it is told. */
    static final int CHUNK = 1_000;

    /**
     * As {@link #record(List)}, telling {@code committed} how many of the new entries are committed so far after each
     * chunk of up to {@value #CHUNK}: what it was told is durable.
     */
    public Recorded record(List<? extends MonitorEntry> entries, java.util.function.IntConsumer committed) {
        Ledger ledger = read();
        var fresh = new ArrayList<MonitorEntry>();
        int already = 0;
        for (int i = 0; i < entries.size(); i++) {
            MonitorEntry e = entries.get(i);
            try {
                if (ledger.add(e)) {
                    fresh.add(e);
                } else {
                    already++;
                }
            } catch (InvalidInput refused) {
                throw new InvalidInput(refused.field().orElse(null), (entries.size() == 1
                        ? ""
                        : "entry " + (i + 1)
                                + ": ")
                        + refused.getMessage());
            }
        }
        // consecutive entries of one kind go in one batch of appends: they share commits, and keep their order
        int start = 0;
        while (start < fresh.size()) {
            String kind = kind(fresh.get(start));
            int end = start;
            var payloads = new ArrayList<String>();
            while (end < fresh.size() && end - start < CHUNK && kind(fresh.get(end)).equals(kind)) {
                payloads.add(MonitorJson.write(fresh.get(end)));
                end++;
            }
            store.appendAll(id, kind, Optional.empty(), payloads);
            start = end;
            committed.accept(end);
        }
        return new Recorded(fresh, already);
    }

    /** The log entry kind of a monitor's token: its name and the token's hash; the last for a name holds. */
    static final String MONITOR = "monitor";

    /**
     * Issues a monitor's token: a new one for a name replaces the old one at once. Only the token's hash is kept.
     *
     * @return the token, to be shown once
     */
    String grantMonitor(String name, java.util.function.Supplier<String> token,
            java.util.function.UnaryOperator<String> hash) {
        MonitorEntry.requireId("name", name); // a monitor's name is what its entries carry as theirs
        String t = token.get();
        var payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", name).put(
                "tokenHash", hash.apply(t));
        store.append(id, MONITOR, Optional.empty(), payload.toString());
        return t;
    }

    /** The monitor a token's hash names, if it is the latest token issued to that monitor. */
    Optional<String> monitor(String tokenHash) {
        var latest = new java.util.HashMap<String, String>(); // monitor -> its latest token's hash
        for (LogEntry e : store.log(id, 0)) {
            if (e.kind().equals(MONITOR)) {
                var n = dev.parley.scenario.wire.Json.read("monitor", e.payload());
                latest.put(n.path("name").asText(), n.path("tokenHash").asText());
            }
        }
        return latest.entrySet().stream().filter(x -> x.getValue().equals(tokenHash)).map(java.util.Map.Entry::getKey)
                .findFirst();
    }

    static String kind(MonitorEntry e) {
        return switch (e) {
            case Claim c -> "claim";
            case Observation o -> "observation";
            case Assessment a -> "assessment";
            case ClauseSet s -> "clauses";
        };
    }
}
