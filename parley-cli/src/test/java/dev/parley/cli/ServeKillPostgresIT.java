package dev.parley.cli;

import dev.parley.store.TestPostgres;
import java.util.List;

/** The SIGKILL test with {@code parley serve --db} on a real PostgreSQL (see {@link TestPostgres}). */
class ServeKillPostgresIT extends ServeKillIT {
    @Override
    List<String> storeArgs() {
        return List.of("--db", TestPostgres.url()) /* skips each test, saying why, without one */;
    }
}
