package dev.parley.store;

import org.junit.jupiter.api.BeforeAll;

/** The tamperings on a real PostgreSQL (see {@link TestPostgres}). */
class PostgresTamperingTest extends TamperingContract {
    static String url;

    @BeforeAll
    static void needPostgres() {
        url = TestPostgres.url();
    }

    @Override
    String url() {
        return url;
    }
}
