package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on embedded H2, in a file database as {@code parley serve} uses by default. */
class H2StoreTest extends StoreContract {
    @TempDir
    static Path dir;

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("parley") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void openDefault_createsTheDatabaseInTheFolder() {
        try (Store s = Store.openDefault(dir.resolve("data"))) {
            s.create("{}", "{}", java.util.List.of());
        }
        assertThat(dir.resolve("data/parley.mv.db")).exists();
    }

    @Test
    void unreachableDatabase_isAClearError_withoutThePassword() {
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=secret"))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("cannot open the database "
                        + "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=***: ")
                .hasMessageNotContaining("secret");
    }
}
