package dev.parley.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL the tests run on, named by {@code PARLEY_TEST_POSTGRES_URL} ({@code .ci/run} installs and starts
 * one). Without it a test is skipped on a developer's machine, and fails under CI.
 */
public final class TestPostgres {
    private TestPostgres() {
    }

    /** The JDBC URL; skips the calling test without one, or fails it under CI. */
    public static String url() {
        String url = System.getenv("PARLEY_TEST_POSTGRES_URL");
        if (url == null && System.getenv("CI") != null) {
            fail("CI must set PARLEY_TEST_POSTGRES_URL: the tests run on PostgreSQL too");
        }
        assumeTrue(url != null, "PARLEY_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        return url;
    }
}
