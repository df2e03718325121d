package dev.parley.server;

import dev.parley.store.Store;
import dev.parley.store.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** The whole HTTP suite — privacy, sharing, audit, restart — on a real PostgreSQL (see {@link TestPostgres}). */
class ParleyServerPostgresIT extends ParleyServerIT {
    static String url;

    @BeforeAll
    static void needPostgres() {
        url = TestPostgres.url();
    }

    @Override
    Store openStore() {
        return Store.open(url, dev.parley.store.AuditKey.of(new byte[32]));
    }
}
