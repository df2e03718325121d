package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code parley validate} on the scenario module's fixtures: the exact messages, exit code 3. */
class ValidateCommandTest {
    static final Path FIXTURES = Path.of("../parley-scenario/src/test/resources/scenarios");

    @TempDir
    Path tmp;

    static Stream<Path> invalidFixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("invalid"))) {
            return files.filter(p -> !p.toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidFixtures")
    void invalidFile_printsEveryProblemAndExits3(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path expected = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
        // The fixtures name the bare file; validate names it as it was given.
        String expectedOut = Files.readAllLines(expected, StandardCharsets.UTF_8).stream()
                .map(line -> file + line.substring(name.length()) + "\n").collect(Collectors.joining());

        Cli r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SCENARIO);
        assertThat(r.out()).isEqualTo(expectedOut);
    }

    @Test
    void validFiles_areOk() {
        Path yaml = FIXTURES.resolve("valid/fishing.yaml");
        Path json = FIXTURES.resolve("valid/fishing.json");
        Cli r = Cli.run("validate", yaml.toString(), json.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("OK " + yaml + "\nOK " + json + "\n");
    }

    @Test
    void missingPathAndDirectory_areUsageErrors_exit2_andTheOthersAreStillChecked() {
        Path missing = tmp.resolve("nope.yaml");
        Cli r = Cli.run("validate", missing.toString(), tmp.toString(), FIXTURES.resolve("valid/fishing.yaml")
                .toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEqualTo(missing + ": no such file\n"
                + tmp + ": is a directory, not a scenario file\n"
                + "OK " + FIXTURES.resolve("valid/fishing.yaml") + "\n"
                + "2 of 3 files invalid\n");
    }

    @Test
    void noFile_isAUsageError() {
        Cli r = Cli.run("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing required parameter: 'FILE'");
    }
}
