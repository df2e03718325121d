package dev.parley.cli;

import dev.parley.store.AuditKey;
import dev.parley.store.Store;
import dev.parley.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the store is, as {@code serve}, {@code audit}, {@code export negotiation} and {@code monitor} take it: the
 * embedded H2 database in a data folder, or a database by its JDBC URL (the audit key from the folder, or from
 * {@code PARLEY_AUDIT_KEY}).
 */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "The database, e.g. jdbc:postgresql://HOST/DB?user=U"
            + "&password=P (default: the embedded H2 database in the data folder).")
    String db;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "parley-data", description = "The data folder, which "
            + "holds the audit key unless PARLEY_AUDIT_KEY gives it (default: ${DEFAULT-VALUE}).")
    Path data;

    /**
     * The store; created if need be when {@code write}. A reader of an embedded database that does not exist is
     * told {@code nothing}; one a running server holds is told {@code busy}.
     *
     * @throws UsageException for either
     */
    Store open(boolean write, String nothing, String busy) {
        if (db == null && !write && !Files.exists(data.resolve("parley.mv.db"))) {
            throw new UsageException("no database in " + data + ": " + nothing);
        }
        try {
            if (db == null) {
                return write ? Store.openDefault(data) : Store.open(Store.defaultUrl(data), AuditKey.existing(data));
            }
            return Store.open(db, write ? AuditKey.load(data) : AuditKey.existing(data));
        } catch (StoreException e) {
            if (db == null && String.valueOf(e.getMessage()).contains("The file is locked")) {
                throw new UsageException("the database in " + data + " is in use by a running 'parley serve': "
                        + busy);
            }
            throw e;
        }
    }
}
