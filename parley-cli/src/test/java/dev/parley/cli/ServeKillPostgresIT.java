package dev.parley.cli;

import dev.parley.store.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The SIGKILL test with {@code parley serve --db} on a real PostgreSQL (see {@link TestPostgres}). */
class ServeKillPostgresIT extends ServeKillIT {
    static String url;

    @BeforeAll
    static void needPostgres() {
        url = TestPostgres.url();
    }

    @Override
    List<String> storeArgs() {
        return List.of("--db", url);
    }
}
