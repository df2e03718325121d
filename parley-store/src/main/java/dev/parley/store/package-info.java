/**
 * The durable store of negotiations: each negotiation, its seats, and its log, an append-only list of log entries
 * (a kind, the party if any, and the caller's JSON payload, opaque here) each chained to the one before by a SHA-256
 * hash, so an audit names the first entry altered, removed or inserted. Embedded H2 by default, PostgreSQL by JDBC
 * URL; Flyway migrations keep the schema.
 * <p>
 * Imports the engine's root exceptions, Jdbi, HikariCP and Flyway; never the scenario, server or CLI. {@code Store}
 * is thread-safe: appends go through one writer thread with group commit and return once committed; every record
 * it hands out is immutable.
 */
package dev.parley.store;
