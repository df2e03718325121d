package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void scenarios_listsTheDefaultWithItsOutcomeCount() {
        Cli r = Cli.run("scenarios");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
                .matches(
                        "ceasefire-2025 \\(default\\) +US-mediated ceasefire talks, March 2025 +UA RU US EUR +9 +800,000");
    }

    @Test
    void scenarios_asJson_isOneDocument() throws IOException {
        Cli r = Cli.run("scenarios", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode list = JsonMapper.builder().build().readTree(r.out());
        assertThat(list.get(0).get("id").asText()).isEqualTo("ceasefire-2025");
        assertThat(list.get(0).get("outcomes").asLong()).isEqualTo(800_000);
    }

    @Test
    void show_withoutProfiles_keepsThemPrivate() {
        Cli r = Cli.run("show");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("ceasefire-2025: US-mediated ceasefire talks, March 2025\n"
                + "4 parties, 9 issues, 800,000 outcomes; protocol single-text mediated by US, 200 rounds\n");
        assertThat(r.out()).contains("  UA   Ukraine                principal    ratifies\n")
                .contains("  EUR  European stakeholders  stakeholder  ratifies  allies: UA\n")
                .contains("  RU   aid-halt             AID all-paused or permanent-halt\n")
                .contains("      4  surrender       Surrender with prisoner-of-war guarantees\n")
                .contains("(4 private profiles not shown; add --profiles)")
                .doesNotContain("reservation").doesNotContain("0.45");
    }

    @Test
    void show_withProfiles_printsWeightsValuesAndRedLines() {
        Cli r = Cli.run("show", "ceasefire-2025", "--profiles");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  UA  reservation 0.45\n")
                .contains("      TR       0.20  1.00 0.70 0.35 0.05 0.00  recognise-occupied, recognise-five-regions\n")
                .contains("  US  reservation 0.35\n");
    }

    @Test
    void show_unknownScenario_isAUsageError_exit2_withTheReason() {
        Cli r = Cli.run("show", "ceasefire-2026");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("parley: ceasefire-2026: no such file or built-in scenario (did you mean "
                + "'ceasefire-2025'?) (built-in: ceasefire-2025)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exportedBuiltin_validates() {
        Path yaml = tmp.resolve("talks.yaml");
        Path json = tmp.resolve("talks.json");
        assertThat(Cli.run("export", "-o", yaml.toString()).exitCode()).isZero();
        assertThat(Cli.run("export", "ceasefire-2025", "--out", json.toString()).exitCode()).isZero();

        Cli r = Cli.run("validate", yaml.toString(), json.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("OK " + yaml + "\nOK " + json + "\n");
    }

    @Test
    void export_toStdout_isTheYamlDocument() {
        Cli r = Cli.run("export");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("format: parley/1\nid: ceasefire-2025\n");
    }

    @Test
    void export_neverOverwritesWithoutForce() throws IOException {
        Path file = Files.writeString(tmp.resolve("mine.yaml"), "my own work\n");
        Cli r = Cli.run("export", "-o", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("parley: " + file + " exists; add --force to overwrite it\n");
        assertThat(Files.readString(file)).isEqualTo("my own work\n");

        assertThat(Cli.run("export", "-o", file.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("format: parley/1");
    }

    @Test
    void export_withFormatAgainstTheExtension_isAUsageError() {
        Cli r = Cli.run("export", "-o", tmp.resolve("x.yaml").toString(), "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format json does not match the extension of");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void unknownOption_isAUsageError() {
        Cli r = Cli.run("scenarios", "--colour");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Unknown option: '--colour'");
    }

    @Test
    void noCommand_isAUsageErrorWithHelp() {
        Cli r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing command; try 'parley scenarios'").contains("Usage: parley");
    }

    @Test
    void version_namesParleyAndJava() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("parley 0.").contains("Java " + Runtime.version().feature());
    }

    @Test
    void everyCommand_hasHelp() {
        for (String command : new String[]{"scenarios", "show", "validate", "export"}) {
            Cli r = Cli.run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: parley " + command);
        }
    }

    @org.junit.jupiter.api.Test
    void controlCharactersInScenarioText_neverReachTheTerminalRaw(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        String json = dev.parley.scenario.ScenarioWriter.write(s, dev.parley.scenario.Format.JSON).replace(
                "US-mediated ceasefire talks, March 2025",
                "Talks\\u001b]52;c;SGVsbG8=\\u0007\\rResult: AGREEMENT\\u202e");
        java.nio.file.Path file = dir.resolve("talks.json");
        java.nio.file.Files.writeString(file, json);
        for (String command : java.util.List.of("show", "validate", "analyze")) {
            Cli r = Cli.run(command, file.toString());
            assertThat(r.exitCode()).as(command + ": " + r.err()).isZero();
            assertThat(r.out() + r.err()).as(command).doesNotContain("\u001b", "\u0007", "\r", "\u202e");
        }
        assertThat(Cli.run("show", file.toString()).out()).contains("Talks\\x1b]52;c;SGVsbG8=\\x07\\x0dResult: "
                + "AGREEMENT\\u202e");
    }
}
