package dev.parley.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.store.Store;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole HTTP suite — privacy, sharing, audit, restart — on the PostgreSQL named by
 * {@code PARLEY_TEST_POSTGRES_URL} ({@code .ci/run} installs and starts one). Skipped without it on a developer's
 * machine; fails under CI.
 */
class ParleyServerPostgresIT extends ParleyServerIT {
    static final String URL = System.getenv("PARLEY_TEST_POSTGRES_URL");

    @BeforeAll
    static void needPostgres() {
        if (URL == null && System.getenv("CI") != null) {
            fail("CI must set PARLEY_TEST_POSTGRES_URL: the server is tested on PostgreSQL too");
        }
        assumeTrue(URL != null, "PARLEY_TEST_POSTGRES_URL is not set: PostgreSQL server tests skipped");
    }

    @Override
    Store openStore() {
        return Store.open(URL);
    }
}
