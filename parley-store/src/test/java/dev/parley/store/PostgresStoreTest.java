package dev.parley.store;

import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL (see {@link TestPostgres}). */
class PostgresStoreTest extends StoreContract {
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
