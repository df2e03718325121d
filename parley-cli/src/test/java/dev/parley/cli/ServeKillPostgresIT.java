package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SIGKILL test with {@code parley serve --db} on the PostgreSQL named by {@code PARLEY_TEST_POSTGRES_URL}
 * ({@code .ci/run} installs and starts one). Skipped without it on a developer's machine; fails under CI.
 */
class ServeKillPostgresIT extends ServeKillIT {
    static final String URL = System.getenv("PARLEY_TEST_POSTGRES_URL");

    @BeforeAll
    static void needPostgres() {
        if (URL == null && System.getenv("CI") != null) {
            fail("CI must set PARLEY_TEST_POSTGRES_URL: the server is tested on PostgreSQL too");
        }
        assumeTrue(URL != null, "PARLEY_TEST_POSTGRES_URL is not set: PostgreSQL server tests skipped");
    }

    @Override
    List<String> storeArgs() {
        return List.of("--db", URL);
    }
}
