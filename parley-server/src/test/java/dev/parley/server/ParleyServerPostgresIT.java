package dev.parley.server;

import dev.parley.store.Store;
import dev.parley.store.TestPostgres;

/** The whole HTTP suite — privacy, sharing, audit, restart — on a real PostgreSQL (see {@link TestPostgres}). */
class ParleyServerPostgresIT extends ParleyServerIT {
    @Override
    Store openStore() {
        return Store.open(TestPostgres.url(), dev.parley.store.AuditKey.of(new byte[32]));
    }
}
