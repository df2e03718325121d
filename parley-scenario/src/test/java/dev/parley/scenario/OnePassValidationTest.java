package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation is one pass: mistakes in different parts of a file are all reported at once, each exactly as it is
 * reported alone. Twelve mistakes, each one line of the valid {@code fishing.yaml} changed in place (so every
 * position stays), in parties, issues, options, profiles, protocol and the top level, among them a repeated id and a
 * refused YAML tag; every one of the 4,096 combinations is checked.
 */
class OnePassValidationTest {
    /** A line as it stands in the valid file, what it becomes, and the path of the one problem that must follow. */
    record Mistake(String line, String becomes, String path) {
    }

    static final List<Mistake> MISTAKES = List.of(
            new Mistake("    role: observer", "    role: watcher", "parties[3].role"),
            new Mistake("    name: Zone", "    name: 7", "issues[1].name"),
            new Mistake("      - {id: even, label: Even}", "      - {id: even, label: Even, colour: red}",
                    "issues[0].options[1].colour"),
            new Mistake("    reservation: 0.3\n    weights: {QUOTA: 0.6",
                    "    reservation: 1.3\n    weights: {QUOTA: 0.6",
                    "profiles.N.reservation"),
            new Mistake("      ZONE: [1, 0]", "      ZONE: [1, -1]", "profiles.S.values.ZONE[1]"),
            new Mistake("rounds: 50}", "rounds: 0}", "protocol.rounds"),
            new Mistake("title: Fishing rights", "title: [Fishing]", "title"),
            new Mistake("    redLines: {QUOTA: south}", "    redLines: {QUOTA: southern}", "profiles.N.redLines.QUOTA"),
            new Mistake("    weights: {QUOTA: 1, ZONE: 0}", "    weights: {QUOTA: 1, ZONE: 0, FISH: 0}",
                    "profiles.M.weights.FISH"),
            new Mistake("format: parley/1", "#ormat: parley/1", "format"),
            // A repeated id: it only stops names that match none from being reported, and none here does.
            new Mistake("  - id: OBS", "  - id: N", "parties[3].id"),
            // A value the reader refuses is one problem, not also a wrong type where it stands.
            new Mistake("    name: Northland", "    name: !x Northland", ""));

    /** The problems of each mistake alone, found once. */
    static final java.util.Map<Integer, Set<String>> ALONE = new java.util.concurrent.ConcurrentHashMap<>();

    static String valid() throws IOException {
        return Files.readString(Path.of("src/test/resources/scenarios/valid/fishing.yaml"), StandardCharsets.UTF_8);
    }

    static String with(String text, int subset) {
        String out = text;
        for (int m = 0; m < MISTAKES.size(); m++) {
            if ((subset & (1 << m)) != 0) {
                Mistake k = MISTAKES.get(m);
                assertThat(out).as("the line of mistake %d", m).contains(k.line());
                out = out.replace(k.line(), k.becomes());
            }
        }
        return out;
    }

    static Set<String> problems(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read("fishing.yaml", text, Format.YAML));
        assertThat(e).as("refused").isNotNull();
        return new LinkedHashSet<>(e.problems().stream().map(Problem::toString).toList());
    }

    static Stream<Integer> subsets() {
        return IntStream.range(1, 1 << MISTAKES.size()).boxed();
    }

    @ParameterizedTest
    @MethodSource("subsets")
    void everyCombinationOfMistakes_reportsEachAsItIsReportedAlone(int subset) throws IOException {
        String valid = valid();
        ScenarioReader.read("fishing.yaml", valid, Format.YAML); // the base is valid
        var expected = new LinkedHashSet<String>();
        for (int m = 0; m < MISTAKES.size(); m++) {
            if ((subset & (1 << m)) != 0) {
                Set<String> alone = ALONE.computeIfAbsent(m, k -> problems(with(valid, 1 << k)));
                String path = MISTAKES.get(m).path();
                assertThat(alone).as("mistake %d alone", m).singleElement().asString()
                        .contains(path.isEmpty() ? ": " : " " + path + ": ");
                expected.addAll(alone);
            }
        }
        assertThat(problems(with(valid, subset))).containsExactlyInAnyOrderElementsOf(expected);
    }
}
