package dev.parley.store;

/** The tamperings on a real PostgreSQL (see {@link TestPostgres}). */
class PostgresTamperingTest extends TamperingContract {
    @Override
    String url() {
        return TestPostgres.url(); // skips each test, saying why, without one
    }
}
