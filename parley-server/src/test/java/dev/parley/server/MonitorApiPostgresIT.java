package dev.parley.server;

import dev.parley.store.Store;
import dev.parley.store.TestPostgres;

/** Who sees and does what in monitoring, on a real PostgreSQL (see {@link TestPostgres}). */
class MonitorApiPostgresIT extends MonitorApiIT {
    @Override
    Store openStore() {
        return Store.open(TestPostgres.url(), dev.parley.store.AuditKey.of(new byte[32]));
    }
}
