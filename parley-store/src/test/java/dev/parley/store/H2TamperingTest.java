package dev.parley.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tamperings on embedded H2. */
class H2TamperingTest extends TamperingContract {
    @TempDir
    static Path dir;

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("parley") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
