package dev.parley.store;

import dev.parley.store.Records.Audit;
import dev.parley.store.Records.LogEntry;
import dev.parley.store.Records.Negotiation;
import dev.parley.store.Records.Seat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one negotiation as stored against its chain (see {@link Chain}): every entry's number, link and MAC; the
 * stored head against the recomputed one; the stored parts against the last record entry; and, given a checkpoint,
 * the chain against the head it recorded. Names the first problem found. Stateless.
 */
final class Auditor {
    private final AuditKey key;

    Auditor(AuditKey key) {
        this.key = key;
    }

    /**
     * @param scheme the chain's scheme as stored ({@link Chain#KEYED} or {@link Chain#LEGACY})
     * @param storedHead the stored head: its last number and MAC
     * @param checkpointed the head a checkpoint recorded for it, if one is given
     */
    Audit audit(Negotiation n, List<Seat> seats, List<LogEntry> log, String scheme, Checkpoint.Head storedHead,
            Optional<Checkpoint.Head> checkpointed) {
        String id = n.id();
        long count = log.size();
        if (!scheme.equals(Chain.KEYED)) {
            Optional<String> legacy = legacyProblem(log);
            return broken(id, count, legacy.isPresent() ? Optional.of(1L) : Optional.empty(), legacy.map(
                    p -> "the chain was broken before chains were keyed: " + p).orElse(
                            "the chain is not keyed: an "
                                    + "intact chain from before keyed audits is keyed when the store is opened, so this "
                                    + "one was written or rewritten without the audit key"));
        }
        String prev = Store.GENESIS;
        long expected = 1;
        Optional<LogEntry> lastRecord = Optional.empty();
        for (LogEntry e : log) {
            if (e.seq() != expected) {
                return broken(id, count, Optional.of(expected), "event " + expected + " is missing (the next stored is "
                        + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                return broken(id, count, Optional.of(e.seq()), "event " + e.seq() + " does not link to the event "
                        + "before it");
            }
            if (!Chain.mac(key, id, e.prevHash(), e.seq(), e.atMillis(), e.kind(), e.party(), e.payload()).equals(e
                    .hash())) {
                return broken(id, count, Optional.of(e.seq()), "event " + e.seq() + " was altered, or belongs to "
                        + "another negotiation: its MAC does not match its contents");
            }
            if (Chain.RECORDS.contains(e.kind())) {
                lastRecord = Optional.of(e);
            }
            prev = e.hash();
            expected++;
        }
        if (checkpointed.isPresent()) {
            Checkpoint.Head c = checkpointed.get();
            if (count < c.entries()) {
                return broken(id, count, Optional.of(count + 1), "the log ends at event " + count + " but the "
                        + "checkpoint saw " + c.entries() + ": events were removed from its end");
            }
            String macThen = c.entries() == 0 ? Store.GENESIS : log.get((int) c.entries() - 1).hash();
            if (!macThen.equals(c.mac())) {
                return broken(id, count, Optional.of(Math.max(1, c.entries())), "event " + c.entries() + " is not "
                        + "the one the checkpoint saw: the log was rewritten");
            }
        }
        if (storedHead.entries() != count || !storedHead.mac().equals(prev)) {
            return broken(id, count, Optional.of(count + 1), storedHead.entries() != count
                    ? "the log ends at event " + count + " but " + storedHead.entries() + " were appended"
                    : "the stored chain head does not match the log's last event");
        }
        if (lastRecord.isEmpty()) {
            return broken(id, count, Optional.of(1L), "the log has no record of the negotiation's creation");
        }
        Optional<Map<String, String>> recorded = Chain.recorded(lastRecord.get().payload());
        Map<String, String> now = Chain.parts(n, seats);
        for (var part : now.entrySet()) {
            String then = recorded.map(r -> r.get(part.getKey())).orElse(null);
            if (!part.getValue().equals(then)) {
                return broken(id, count, Optional.empty(), "what is stored as the negotiation's " + part.getKey()
                        + " is not what event " + lastRecord.get().seq() + " recorded: it was changed outside the log");
            }
        }
        return new Audit(id, count, Optional.empty(), Optional.empty());
    }

    /** A negotiation a checkpoint saw that is no longer stored. */
    static Audit deleted(String id, Checkpoint checkpoint) {
        return broken(id, 0, Optional.empty(), "the negotiation is gone: the checkpoint of " + java.time.Instant
                .ofEpochMilli(checkpoint.atMillis()) + " saw it with " + checkpoint.heads().get(id).entries()
                + " events");
    }

    /** The first problem of a chain stored before chains were keyed, if any. */
    static Optional<String> legacyProblem(List<LogEntry> log) {
        String prev = Store.GENESIS;
        long expected = 1;
        for (LogEntry e : log) {
            if (e.seq() != expected) {
                return Optional.of("event " + expected + " is missing");
            }
            if (!e.prevHash().equals(prev) || !Chain.legacyHash(e.prevHash(), e.seq(), e.atMillis(), e.kind(), e
                    .party(), e.payload()).equals(e.hash())) {
                return Optional.of("event " + e.seq() + " was altered");
            }
            prev = e.hash();
            expected++;
        }
        return Optional.empty();
    }

    private static Audit broken(String id, long events, Optional<Long> first, String problem) {
        return new Audit(id, events, first, Optional.of(problem));
    }
}
