package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.parley.engine.model.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code scenarios/invalid} is refused with exactly the problems listed in its {@code .expected}
 * twin, one per line. After a deliberate change of messages, regenerate the twins with
 * {@code ./mvnw -pl parley-scenario -am test -Dparley.updateExpected=true} and review the diff.
 */
class InvalidScenarioTest {
    static final Path DIR = Path.of("src/test/resources/scenarios/invalid");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".expected")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void invalidFixture_isRefusedWithItsExactMessages(String name) throws IOException {
        String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        Format format = Format.byFileName(name).orElseThrow();

        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read(name, text, format));

        assertThat(e).as("%s must be refused", name).isNotNull();
        List<String> actual = e.problems().stream().map(Problem::toString).toList();
        Path expectedFile = DIR.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected");
        if (Boolean.getBoolean("parley.updateExpected")) {
            Files.write(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile, StandardCharsets.UTF_8));
    }

    @Test
    void everyFixture_hasItsExpectedMessages() throws IOException {
        assertThat(fixtures().count()).isGreaterThanOrEqualTo(20);
        fixtures().forEach(name -> assertThat(
                DIR.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected")).exists());
    }

    /** A file past the size every analysis and protocol works within is refused where it is read. */
    @Test
    void tooManyOptionsOrIssues_areRefusedWhereTheyAre() {
        var text = new StringBuilder("format: parley/1\nid: big\ntitle: Big\nparties:\n  - {id: A, role: principal}\n"
                + "  - {id: B, role: principal}\nissues:\n  - id: I\n    options: [");
        for (int k = 0; k <= 10_000; k++) {
            text.append(k == 0 ? "" : ", ").append("o").append(k);
        }
        // Valid profiles that ignore the big issue: its problem alone is reported, and nothing is built from it.
        text.append("]\n  - {id: S, options: [a, b]}\nprofiles:\n  A: {reservation: 0, weights: {I: 0, S: 1}, values: "
                + "{S: [1, 0]}}\n  B: {reservation: 0, weights: {I: 0, S: 1}, values: {S: [0, 1]}}\n");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read("big.yaml", text
                .toString(), Format.YAML));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly("big.yaml:9:14 issues[0].options: "
                + "10001 options; an issue may have at most 10000");
    }

    /** Conditions that link issues into more combinations than the exact analysis takes are refused where read. */
    @Test
    void issuesLinkedIntoTooManyCombinations_areRefused() {
        var text = new StringBuilder("format: parley/1\nid: linked\ntitle: Linked\nparties:\n  - {id: A, role: "
                + "principal}\n  - {id: B, role: principal}\nissues:\n");
        for (String id : List.of("I", "J", "K")) { // 110^3 = 1,331,000 combinations, over 2^20 = 1,048,576
            text.append("  - id: ").append(id).append("\n    options: [");
            for (int k = 0; k < 110; k++) {
                text.append(k == 0 ? "" : ", ").append("o").append(k);
            }
            text.append("]\n");
        }
        String zeros = "[" + String.join(", ", java.util.Collections.nCopies(110, "0")) + "]";
        String values = "    values: {I: " + zeros + ", J: " + zeros + ", K: " + zeros + "}\n";
        text.append("profiles:\n  A:\n    reservation: 0\n    weights: {I: 1, J: 0, K: 0}\n").append(values).append(
                "    conditions:\n      - {if: {I: [o0]}, then: {J: [o0]}}\n  B:\n    reservation: 0\n    weights: "
                        + "{I: 1, J: 0, K: 0}\n")
                .append(values).append("    conditions:\n      - {if: {J: [o1]}, "
                        + "then: {K: [o1]}}\n");
        // Without B's condition the scenario is read; B's profile sent with it, as the server takes it, is refused.
        String withoutB = text.toString().replace("    conditions:\n      - {if: {J: [o1]}, then: {K: [o1]}}\n", "");
        Scenario s = ScenarioReader.read("linked.yaml", withoutB, Format.YAML);
        String profile = "{\"reservation\": 0, \"weights\": {\"I\": 1, \"J\": 0, \"K\": 0}, \"values\": {\"I\": "
                + zeros + "}, \"conditions\": [{\"if\": {\"J\": [\"o1\"]}, \"then\": {\"K\": [\"o1\"]}}]}";
        ScenarioException edit = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.readProfile(s,
                "B", profile));
        assertThat(edit).isNotNull();
        assertThat(edit.problems()).extracting(Problem::message).containsExactly("conditions and interaction terms "
                + "link issues I+J+K into 1,331,000 combinations, more than the 1,048,576 the exact analysis takes; "
                + "link fewer or smaller issues");
        // Both conditions in A's profile: refused there, at the profile.
        String bothInA = withoutB.replace("      - {if: {I: [o0]}, then: {J: [o0]}}\n",
                "      - {if: {I: [o0]}, then: {J: "
                        + "[o0]}}\n      - {if: {J: [o1]}, then: {K: [o1]}}\n");
        ScenarioException one = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read("linked.yaml",
                bothInA, Format.YAML));
        assertThat(one).isNotNull();
        assertThat(one.problems()).extracting(Problem::toString).containsExactly("linked.yaml:16:5 profiles.A: "
                + "conditions and interaction terms link issues I+J+K into 1,331,000 combinations, more than the "
                + "1,048,576 the exact analysis takes; link fewer or smaller issues");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read("linked.yaml",
                text.toString(), Format.YAML));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly("linked.yaml:15:3 profiles: conditions "
                + "and interaction terms link issues I+J+K into 1,331,000 combinations, more than the 1,048,576 the "
                + "exact analysis takes; link fewer or smaller issues");
    }
}
