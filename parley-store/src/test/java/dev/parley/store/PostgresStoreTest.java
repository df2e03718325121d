package dev.parley.store;

/** The store contract on a real PostgreSQL (see {@link TestPostgres}). */
class PostgresStoreTest extends StoreContract {
    @Override
    String url() {
        return TestPostgres.url(); // skips each test, saying why, without one
    }
}
