package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path tmp;

    @Test
    void audit_saysIntactThenNamesTheAlteredEvent() {
        String url = "jdbc:h2:file:" + tmp.resolve("parley") + ";DB_CLOSE_ON_EXIT=FALSE";
        String id;
        try (Store store = Store.open(url)) {
            id = store.create("{}", "{}", List.of());
            for (int i = 0; i < 5; i++) {
                store.append(id, "offered", Optional.of("UA"), "{\"i\":" + i + "}");
            }
        }
        Cli ok = Cli.run("audit", "--db", url, id);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("OK: negotiation " + id + ": 5 events, the hash chain is intact\n");

        Jdbi.create(url).useHandle(h -> h.execute("UPDATE events SET payload = '{\"i\":99}' WHERE seq = 2"));
        Cli broken = Cli.run("audit", "--db", url, id);
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(broken.out()).isEqualTo("BROKEN: negotiation " + id + ": event 2 was altered: its hash does not "
                + "match its contents (first broken event: 2)\n");
    }

    @Test
    void audit_ofAnUnknownNegotiation_saysSo() {
        Cli r = Cli.run("audit", "--db", "jdbc:h2:mem:audit-unknown;DB_CLOSE_DELAY=-1", "nope");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("parley: no negotiation nope\n");
    }
}
