package dev.parley.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL, named by {@code PARLEY_TEST_POSTGRES_URL} ({@code .ci/run} installs and
 * starts one). Without it the suite is skipped on a developer's machine, and fails under CI.
 */
class PostgresStoreTest extends StoreContract {
    static final String URL = System.getenv("PARLEY_TEST_POSTGRES_URL");

    @BeforeAll
    static void needPostgres() {
        if (URL == null && System.getenv("CI") != null) {
            fail("CI must set PARLEY_TEST_POSTGRES_URL: the store is tested on PostgreSQL too");
        }
        assumeTrue(URL != null, "PARLEY_TEST_POSTGRES_URL is not set: PostgreSQL store tests skipped");
    }

    @Override
    String url() {
        return URL;
    }
}
