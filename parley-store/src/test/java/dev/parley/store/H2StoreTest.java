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
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=secret", KEY))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("cannot open the database "
                        + "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=***: ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aVersion1Database_isMigrated_keepingEveryEventAndChainHead() {
        String url = "jdbc:h2:file:" + dir.resolve("v1/parley") + ";DB_CLOSE_ON_EXIT=FALSE";
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .target("1").load().migrate();
        String first = Chain.legacyHash(Store.GENESIS, 1, 5, "move", java.util.Optional.of("UA"), "{}");
        String second = Chain.legacyHash(first, 2, 6, "move", java.util.Optional.of("RU"), "{}");
        org.jdbi.v3.core.Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO negotiations VALUES ('n', 1, '{}', '{}', 'open', 2, ?)", second);
            h.execute("INSERT INTO events VALUES ('n', 1, 5, 'move', 'UA', '{}', ?, ?)", Store.GENESIS, first);
            h.execute("INSERT INTO events VALUES ('n', 2, 6, 'move', 'RU', '{}', ?, ?)", first, second);
        });
        try (Store s = Store.open(url, KEY)) {
            // The intact unkeyed chain is keyed, and closed by a record of what is stored beside it.
            var log = s.log("n", 0);
            assertThat(log).extracting(e -> e.kind()).containsExactly("move", "move", "sealed");
            assertThat(log).extracting(e -> e.payload()).startsWith("{}", "{}");
            assertThat(log.get(1).hash()).isNotEqualTo(second);
            assertThat(s.negotiation("n").orElseThrow().lastSeq()).isEqualTo(3);
            assertThat(s.audit("n").intact()).as(s.audit("n").reason()).isTrue();
            var next = s.append("n", "move", java.util.Optional.of("UA"), "{}");
            assertThat(next.seq()).isEqualTo(4);
            assertThat(next.prevHash()).isEqualTo(log.get(2).hash());
            assertThat(s.audit("n").intact()).isTrue();
        }
    }
}
