package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.RandomScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reader of plain YAML against the general path (Jackson over SnakeYAML) as the oracle: whenever it gives a
 * tree, the general path reads the same text without a problem and gives an equal tree, every position included. On
 * every YAML file of the test fixtures (valid and invalid), the built-in scenario as shipped and as written, random
 * scenarios as written, and mutants of both (the fuzzer's), with a floor on how many it reads itself.
 */
class FastYamlTest {
    private static final String BUILT_IN = BuiltinScenarios.source(BuiltinScenarios.DEFAULT).orElseThrow();
    private static final String WRITTEN = ScenarioWriter.write(ScenarioFuzzTest.BASE, Format.YAML);

    /** The general path's tree, or empty when it found a problem. */
    private static Optional<Node> general(String text) {
        var problems = new ArrayList<Problem>();
        Optional<Node> tree = TreeReader.general("t.yaml", text, Format.YAML, problems);
        return problems.isEmpty() ? tree : Optional.empty();
    }

    /** Asserts the property on {@code text}; whether the fast reader read it. */
    private static boolean agrees(String text) {
        Optional<Node> fast = FastYaml.read(text);
        if (fast.isPresent()) {
            assertThat(general(text)).as("the general path reads it too, without a problem:%n%s", text).isPresent()
                    .contains(fast.get());
        }
        return fast.isPresent();
    }

    static Stream<Path> fixtures() throws IOException {
        Path root = Path.of("src/test/resources");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void onEveryYamlFixture_theFastTreeIsTheGeneralTree(Path file) throws IOException {
        agrees(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theBuiltInScenario_asShippedAndAsWritten_isReadFast_toTheGeneralTree() {
        assertThat(agrees(BUILT_IN)).as("read by the fast reader").isTrue();
        assertThat(agrees(WRITTEN)).as("read by the fast reader").isTrue();
    }

    @Test
    void randomScenariosAsWritten_areReadFast_toTheGeneralTree() {
        var rnd = new SplittableRandom(15);
        for (int n = 0; n < 60; n++) {
            var g = RandomScenarios.generate(rnd.split(), RandomScenarios.Settings.of(2 + n % 4, 1 + n % 6, 2 + n
                    % 9));
            // the generator's description runs over two lines, which the writer quotes: left to the general path
            var s = dev.parley.engine.model.Scenario.of(g.id(), g.title(), "Random.", g.parties(), g.issues(), g
                    .profiles(), g.protocol());
            assertThat(agrees(ScenarioWriter.write(s, Format.YAML))).as("scenario %d read fast", n).isTrue();
            agrees(ScenarioWriter.write(g, Format.YAML));
        }
    }

    @Test
    void mutantsOfBoth_whereverTheFastReaderReadsThem_giveTheGeneralTree() {
        int fast = 0;
        int all = 0;
        for (String base : List.of(BUILT_IN, WRITTEN)) {
            for (long seed = 1; seed <= 1_500; seed++) {
                fast += agrees(ScenarioMutants.mutate(base, new SplittableRandom(seed * 7 + base.length()))) ? 1 : 0;
                all++;
            }
        }
        // most mutants change a value or drop a line, which the fast reader reads; some it leaves to the general path
        assertThat(fast).as("read fast, of %d", all).isBetween(all / 10, all - 1);
    }

    @Test
    void whatItLeavesToTheGeneralPath_isLeft() {
        for (String text : List.of("a: yes\n", "a: ~\n", "a: -1\n", "a: 1_000\n", "a: 1.5e\n", "a: 0x1F\n", "a: .5\n",
                "a: 01\n",
                "a: !!str 1\n", "a: &x 1\nb: *x\n", "a:\n", "a: |-\n  x\n", "a: >\n  x\n", "a: \"x\\ny\"\n",
                "a: [1,\n  2]\n", "a: b\n  c\n", "a: 1\na: 2\n", "---\na: 1\n", "a:\n- 1\n", "a:\tb\n", "a: b\r\n",
                "<<: {a: 1}\n", "a: 2025-3-13\n", "a: 12:30\n", "a: 0o17\n", "a: 1e\n", "1: a\n",
                "a: \"two\n  lines\"\n", "a: [1]#x\n", "a: {b: 1, b: 2}\n",
                "a: [1, 2,]\n", "'<<': 1\n", "a: {\"<<\": 1}\n", "a: [x?y]\n", "a: {b: c?}\n", "a".repeat(1_200)
                        + ": 1\n",
                "a: x\uFFFF\n", "a: 1e400\n", "a: b\n# \uFFFE\n")) {
            assertThat(FastYaml.read(text)).as(text).isEmpty();
        }
    }

    @Test
    void theNumbersItReads_areTheGeneralPathsNumbers() {
        for (String n : List.of("0", "7", "123456789012345", "0.5", "00.25", "1.0E-4", "2e5", "3E+2", "1.5e-10",
                "10.0")) {
            assertThat(agrees("a: " + n + "\nb: [" + n + ", 1]\n")).as(n).isTrue();
        }
        for (String text : List.of("40000 options over 4 issues (issue 20's large input)", "2025-03-13", "30 days",
                "1st round", "9 May ceasefire")) {
            assertThat(agrees("a: " + text + "\n")).as(text).isTrue();
            assertThat(((Node.MapNode) FastYaml.read("a: " + text + "\n").orElseThrow()).get("a")).hasValueSatisfying(
                    v -> assertThat(((Node.ScalarNode) v).type()).isEqualTo(Node.ScalarType.STRING));
        }
    }

    @Test
    void aLiteralBlockAtTheEndOfTheText_keepsOnlyTheBreaksThereAre() {
        for (String text : List.of("a: |\n  x", "a: |\n  x\n", "a: |\n\n  x", "- |\n  x\n  y", "a: |\n  x\n\n",
                "a: |\n  x\nb: 1")) {
            assertThat(agrees(text)).as(text).isTrue();
        }
        var last = (Node.ScalarNode) ((Node.MapNode) FastYaml.read("a: |\n  x").orElseThrow()).get("a").orElseThrow();
        assertThat(last.text()).isEqualTo("x");
    }

    @Test
    void positionsAreTheGeneralPaths_onASmallDocumentOfEveryKind() {
        String text = """
                # a comment
                id: x   # and another
                list:
                  - 1
                  - 'it''s'
                  - {a: 0.5, "b c": [true, false, []]}
                  - k: v
                    m: "quoted: yes"
                text: |
                  one

                    two
                after: plain text with a#hash
                """;
        assertThat(agrees(text)).isTrue();
        Node.MapNode root = (Node.MapNode) FastYaml.read(text).orElseThrow();
        assertThat(root.line()).isEqualTo(2);
        Node.ScalarNode literal = (Node.ScalarNode) root.get("text").orElseThrow();
        assertThat(literal.text()).isEqualTo("one\n\n  two\n");
    }
}
