package dev.parley.cli;

import dev.parley.server.MonitoringLog;
import dev.parley.store.AuditKey;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code parley monitor}'s subcommands that say where the monitoring log is: the store and its name. */
final class MonitorStore {
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "The database, e.g. jdbc:postgresql://HOST/DB?user=U"
            + "&password=P (default: the embedded H2 database in the data folder).")
    String db;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "parley-data", description = "The data folder, which "
            + "holds the audit key unless PARLEY_AUDIT_KEY gives it (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--log", paramLabel = "NAME", defaultValue = "main", description = "The monitoring log (one "
            + "store may keep several, e.g. one per mission; default: ${DEFAULT-VALUE}).")
    String log;

    /**
     * The store, created if need be when {@code write}; a reader of a store that does not exist is told so.
     *
     * @throws UsageException when there is nothing to read, or a running server holds the embedded database
     */
    Store open(boolean write) {
        if (!Store.isMonitoringLogName(log)) {
            throw new UsageException("--log: a monitoring log's name is 1 to 40 lower-case letters, digits and "
                    + "hyphens, not '" + log + "'");
        }
        if (db == null && !write && !Files.exists(data.resolve("parley.mv.db"))) {
            throw new UsageException("no database in " + data + ": import claims first (parley monitor import FILE), "
                    + "or give --data DIR or --db JDBC-URL");
        }
        try {
            if (db == null) {
                return write ? Store.openDefault(data) : Store.open(Store.defaultUrl(data), AuditKey.existing(data));
            }
            return Store.open(db, write ? AuditKey.load(data) : AuditKey.existing(data));
        } catch (StoreException e) {
            if (db == null && String.valueOf(e.getMessage()).contains("The file is locked")) {
                throw new UsageException("the database in " + data + " is in use by a running 'parley serve': stop "
                        + "it first, or give both the same PostgreSQL database (--db)");
            }
            throw e;
        }
    }

    /** The log to write to, created on first use. */
    MonitoringLog ledger(Store store) {
        return new MonitoringLog(store, log);
    }

    /**
     * The log to read; one that does not exist is said, with the logs there are (nothing is created).
     *
     * @throws UsageException when there is no such log
     */
    MonitoringLog existing(Store store) {
        return MonitoringLog.existing(store, log).orElseThrow(() -> new UsageException("no monitoring log '" + log
                + "' in the store" + (store.monitoringLogs().isEmpty()
                        ? ": import claims first (parley monitor import FILE)"
                        : "; its logs: " + String.join(", ", store.monitoringLogs()))));
    }
}
