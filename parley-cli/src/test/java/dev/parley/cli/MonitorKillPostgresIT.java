package dev.parley.cli;

import dev.parley.store.TestPostgres;
import java.util.List;

/** The SIGKILL test of {@code parley monitor import --db} on a real PostgreSQL (see {@link TestPostgres}). */
class MonitorKillPostgresIT extends MonitorKillIT {
    @Override
    List<String> storeArgs() {
        return List.of("--db", TestPostgres.url()) /* skips each test, saying why, without one */;
    }
}
