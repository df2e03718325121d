package dev.parley.cli;

import dev.parley.server.MonitoringLog;
import dev.parley.store.Store;
import picocli.CommandLine.Option;

/** The options of {@code parley monitor}'s subcommands that say where the monitoring log is: the store and its name. */
final class MonitorStore {
    @picocli.CommandLine.Mixin
    StoreOptions where;

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
        return where.open(write, "import claims first (parley monitor import FILE), or give --data DIR or --db "
                + "JDBC-URL", "stop it first, or give both the same PostgreSQL database (--db)");
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
