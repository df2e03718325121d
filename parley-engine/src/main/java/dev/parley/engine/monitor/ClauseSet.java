package dev.parley.engine.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The clauses in force, as recorded at one time; a later set replaces it for checking, and both stay in the ledger.
 * Immutable.
 *
 * @param origin where they come from: "package CF=energy-and-sea from 2025-03-18", a file's name
 */
public record ClauseSet(String id, Instant at, String origin, List<Clause> clauses) implements MonitorEntry {
    public ClauseSet {
        MonitorEntry.requireId("clauses", id);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(origin, "origin");
        clauses = List.copyOf(clauses);
        var ids = new java.util.HashSet<String>();
        for (Clause c : clauses) {
            if (!ids.add(c.id())) {
                throw new dev.parley.engine.InvalidInput("clauses", "two clauses are called " + c.id());
            }
        }
    }
}
