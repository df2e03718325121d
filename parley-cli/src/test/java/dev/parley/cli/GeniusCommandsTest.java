package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeniusCommandsTest {
    static final Path G = Path.of("../parley-scenario/src/test/resources/genius");

    @TempDir
    Path tmp;

    static String g(String file) {
        return G.resolve(file).toString();
    }

    @Test
    void analyze_takesGeniusFilesDirectly() {
        Cli r = Cli.run("analyze", "--genius", g("mixed/domain.xml"), g("mixed/buyer.xml"), g("mixed/seller.xml"),
                "--no-blocking", "--limit", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("domain: Delivery\n").contains("Agreement zone     70");
        assertThat(r.err()).contains("note: real issue days [0.0, 10.0] was discretised into 11 options (--steps)");
    }

    @Test
    void run_takesGeniusFilesDirectly() {
        Cli r = Cli.run("run", "--genius", g("party/party_domain.xml"), g("party/alice.xml"), g("party/bob.xml"),
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Protocol alternating offers between alice and bob").contains("Result:");
    }

    @Test
    void importToAFile_validates_andExportWritesGeniusFilesThatImportAgain() throws IOException {
        Path yaml = tmp.resolve("party.yaml");
        Cli imported = Cli.run("import", "genius", g("party/party_domain.xml"), g("party/alice.xml"),
                g("party/bob.xml"), "--out", yaml.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Cli.run("validate", yaml.toString()).out()).isEqualTo("OK " + yaml + "\n");

        Path dir = tmp.resolve("out");
        Cli exported = Cli.run("export", "genius", yaml.toString(), dir.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(dir.resolve("party_domain-domain.xml")).exists();
        Cli again = Cli.run("analyze", "--genius", dir.resolve("party_domain-domain.xml").toString(),
                dir.resolve("alice.xml").toString(), dir.resolve("bob.xml").toString(), "--format", "json");
        Cli original = Cli.run("analyze", yaml.toString(), "--format", "json");
        assertThat(again.out().replace("party_domain-domain", "party_domain")).isEqualTo(original.out());
    }

    @Test
    void exportOfTheDefaultScenario_reportsWhatGeniusCannotHold() {
        Cli r = Cli.run("export", "genius", "ceasefire-2025", tmp.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("note: RU: red lines PK=european-force-us-backstop, PK=european-force, "
                + "NATO=membership-path cannot be expressed in GENIUS and were not exported");
        assertThat(Cli.run("export", "genius", "ceasefire-2025", tmp.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE); // files exist: no overwrite without --force
    }

    @Test
    void badUse_isAUsageOrScenarioError() throws IOException {
        assertThat(Cli.run("analyze", "ceasefire-2025", "--genius", g("party/party_domain.xml"),
                g("party/alice.xml"), g("party/bob.xml")).err())
                .isEqualTo("parley: give a SCENARIO or --genius files, not both\n");
        assertThat(Cli.run("import", "genius", g("mixed/domain.xml"), g("mixed/buyer.xml"), "--steps", "1")
                .exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli bad = Cli.run("import", "genius", g("bad/xxe.xml"), g("party/alice.xml"), g("party/bob.xml"));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_SCENARIO);
        assertThat(bad.err()).contains("DOCTYPE declarations are not allowed");
        assertThat(Cli.run("import").exitCode()).isEqualTo(ExitCodes.USAGE);
        Files.writeString(tmp.resolve("x.txt"), "");
        assertThat(Cli.run("import", "genius", g("party/party_domain.xml"), g("party/alice.xml"), g("party/bob.xml"),
                "--out",
                tmp.resolve("x.txt").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
