package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct of YAML and JSON beyond what {@code parley/1} uses is either read as it means or refused with one
 * located problem in Parley's words (never a parser's internals): tags, anchors and aliases, merge keys, sets,
 * complex keys, infinities and not-a-number, numbers and keys past the parser's limits, deep nesting.
 */
class ReaderConstructsTest {
    static String fishing(String ext) throws IOException {
        return Files.readString(Path.of("src/test/resources/scenarios/valid/fishing." + ext), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> refusedYaml() {
        String deep = "[".repeat(70) + "]".repeat(70);
        return Stream.of(
                Arguments.of("title: Fishing rights", "title: !secret Fishing rights",
                        "fishing.yaml:4:8: a YAML tag (!secret) is not part of parley/1; write the value without it"),
                Arguments.of("title: Fishing rights", "title: !!int Fishing rights",
                        "fishing.yaml:4:8: the YAML tag !!int does not fit this value; write the value without it"),
                Arguments.of("    name: Zone", "    name: !!set {a, b}",
                        "fishing.yaml:26:11: a YAML tag (!!set) is not part of parley/1; write the value without it"),
                Arguments.of("    name: Zone", "    name: !!binary aGVsbG8=",
                        "fishing.yaml:26:11: a binary value (!!binary) is not part of parley/1; write the text itself"),
                Arguments.of("    name: Southland", "    name: *north",
                        "fishing.yaml:10:11: a YAML alias (*north) is not part of parley/1; write the value out"),
                Arguments.of("  - id: S\n", "  - <<: {role: principal}\n    id: S\n",
                        "fishing.yaml:9:5: a YAML merge key (<<) is not part of parley/1; write the keys out"),
                Arguments.of("title: Fishing rights", "? [a, b]\n: 1\ntitle: Fishing rights",
                        "fishing.yaml:4:4: YAML syntax error: a mapping key must be a plain text; a list or mapping as "
                                + "a key ('? ...') is not part of parley/1"),
                Arguments.of("    reservation: 0.3\n    weights: {QUOTA: 0.6", "    reservation: .inf\n    weights: "
                        + "{QUOTA: 0.6", "fishing.yaml:30:18: '.inf' is not a finite number"),
                Arguments.of("    reservation: 0.3\n    weights: {QUOTA: 0.6", "    reservation: .NaN\n    weights: "
                        + "{QUOTA: 0.6", "fishing.yaml:30:18: '.NaN' is not a finite number"),
                Arguments.of("    reservation: 0.3\n    weights: {QUOTA: 0.6", "    reservation: 1e400\n    weights: "
                        + "{QUOTA: 0.6", "fishing.yaml:30:18: '1e400' is not a finite number"),
                Arguments.of("title: Fishing rights", "title: Fishing rights\nx: " + deep,
                        "fishing.yaml:5:67: nested more than 64 levels deep; a parley/1 document needs 6"));
    }

    @ParameterizedTest
    @MethodSource("refusedYaml")
    void yamlConstruct_isOneLocatedProblem(String line, String becomes, String expected) throws IOException {
        String text = fishing("yaml");
        assertThat(text).contains(line);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read("fishing.yaml", text.replaceFirst(java.util.regex.Pattern.quote(line),
                        java.util.regex.Matcher.quoteReplacement(becomes)), Format.YAML));
        assertThat(e).isNotNull();
        assertThat(e.problems()).map(Problem::toString).containsExactly(expected);
    }

    static Stream<Arguments> readAsMeant() {
        return Stream.of(
                Arguments.of("title: Fishing rights", "title: !!str 2025"), // a tag that only says what it is
                Arguments.of("id: fishing-rights", "id: &here fishing-rights"), // an anchor nobody refers to
                Arguments.of("rounds: 50}", "rounds: !!int 50}"),
                Arguments.of("    reservation: 0.3\n    weights: {QUOTA: 0.6", "    reservation: !!float 0.3\n"
                        + "    weights: {QUOTA: 0.6"));
    }

    @ParameterizedTest
    @MethodSource("readAsMeant")
    void harmlessYamlConstruct_readsAsTheValidFile(String line, String becomes) throws IOException {
        String text = fishing("yaml");
        var plain = ScenarioReader.read("fishing.yaml", text, Format.YAML);
        var marked = ScenarioReader.read("fishing.yaml", text.replace(line, becomes), Format.YAML);
        if (becomes.startsWith("title")) {
            assertThat(marked.title()).isEqualTo("2025");
            assertThat(marked.issues()).isEqualTo(plain.issues());
            assertThat(marked.profiles()).isEqualTo(plain.profiles());
        } else {
            assertThat(marked).isEqualTo(plain);
        }
    }

    static Stream<Arguments> refusedJson() {
        return Stream.of(
                Arguments.of("\"reservation\": 0.3", "\"reservation\": NaN"),
                Arguments.of("\"reservation\": 0.3", "\"reservation\": -Infinity"),
                Arguments.of("\"reservation\": 0.3", "\"reservation\": 1e400"),
                Arguments.of("\"reservation\": 0.3", "\"reservation\": " + "9".repeat(5_000)),
                Arguments.of("\"reservation\": 0.3", "\"" + "k".repeat(60_000) + "\": 0.3"),
                Arguments.of("\"title\": \"Fishing rights\"", "\"title\": " + "[".repeat(2_000) + "]".repeat(2_000)));
    }

    /** Refused with one problem that names a line and column, in words that are not the parser's settings. */
    @ParameterizedTest
    @MethodSource("refusedJson")
    void jsonPastTheParsersLimits_isOneLocatedProblemInPlainWords(String field, String becomes) throws IOException {
        String text = fishing("json");
        assertThat(text).contains(field);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read("fishing.json", text.replaceFirst(java.util.regex.Pattern.quote(field),
                        java.util.regex.Matcher.quoteReplacement(becomes)), Format.JSON));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.message()).doesNotContain("`", "Jackson", "StreamRead", "JsonReadFeature", "snakeyaml")
                    .hasSizeLessThan(200);
        });
    }
}
