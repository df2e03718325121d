package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.Records.Seat;
import dev.parley.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path tmp;

    String negotiation(Store store, int moves) {
        String id = store.create("{}", "{}", List.of(new Seat("UA", Optional.empty(), Optional.of("ab".repeat(32)))));
        for (int i = 0; i < moves; i++) {
            store.append(id, "offered", Optional.of("UA"), "{\"i\":" + i + "}");
        }
        return id;
    }

    @Test
    void audit_saysIntactThenNamesTheAlteredEvent() {
        Path data = tmp.resolve("data");
        String id;
        try (Store store = Store.openDefault(data)) {
            id = negotiation(store, 5);
        }
        Cli ok = Cli.run("audit", "--data", data.toString(), id);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("OK: negotiation " + id + ": 6 events, the chain is intact\n");

        Jdbi.create(Store.defaultUrl(data)).useHandle(h -> h.execute("UPDATE events SET payload = '{\"i\":99}' WHERE "
                + "seq = 3"));
        Cli broken = Cli.run("audit", "--data", data.toString(), id);
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(broken.out()).isEqualTo("BROKEN: negotiation " + id + ": event 3 was altered, or belongs to "
                + "another negotiation: its MAC does not match its contents (first broken event: 3)\n");
    }

    @Test
    void aSavedCheckpoint_laterShowsANegotiationDeleted_andATailCut() throws Exception {
        Path data = tmp.resolve("data");
        String kept;
        String gone;
        try (Store store = Store.openDefault(data)) {
            kept = negotiation(store, 4);
            gone = negotiation(store, 2);
        }
        Path checkpoint = tmp.resolve("elsewhere/checkpoint.json");
        Cli saved = Cli.run("audit", "--data", data.toString(), "--save-checkpoint", checkpoint.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("2 negotiations audited, 0 broken\n", "Checkpoint of 2 chain heads written to "
                + checkpoint);
        assertThat(Files.readString(checkpoint)).contains("\"format\" : \"parley-checkpoint/1\"");

        Jdbi.create(Store.defaultUrl(data)).useHandle(h -> {
            for (String table : List.of("events", "seats", "chain_heads")) {
                h.execute("DELETE FROM " + table + " WHERE negotiation_id = ?", gone);
            }
            h.execute("DELETE FROM negotiations WHERE id = ?", gone);
            String fourth = h.createQuery("SELECT hash FROM events WHERE negotiation_id = :id AND seq = 4").bind("id",
                    kept).mapTo(String.class).one();
            h.execute("DELETE FROM events WHERE negotiation_id = ? AND seq = 5", kept);
            h.execute("UPDATE chain_heads SET last_seq = 4, last_hash = ? WHERE negotiation_id = ?", fourth, kept);
        });
        Cli without = Cli.run("audit", "--data", data.toString());
        assertThat(without.out()).as("only a checkpoint can show these").contains("1 negotiation audited, 0 broken");

        Cli against = Cli.run("audit", "--data", data.toString(), "--checkpoint", checkpoint.toString());
        assertThat(against.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(against.out()).contains("BROKEN: negotiation " + kept + ": the log ends at event 4 but the "
                + "checkpoint saw 5: events were removed from its end (first broken event: 5)\n",
                "BROKEN: "
                        + "negotiation " + gone + ": the negotiation is gone: the checkpoint of ",
                "2 negotiations "
                        + "audited against the checkpoint, 2 broken\n");
    }

    @Test
    void audit_ofAnUnknownNegotiation_orWithoutADatabase_saysSo() {
        Path data = tmp.resolve("data");
        try (Store store = Store.openDefault(data)) {
            negotiation(store, 1);
        }
        Cli r = Cli.run("audit", "--data", data.toString(), "nope");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("parley: no negotiation nope\n");
        Cli none = Cli.run("audit", "--data", tmp.resolve("empty").toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("parley: no database in ");
        assertThat(tmp.resolve("empty")).doesNotExist();
    }
}
