package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing a scenario and reading it back gives an equal scenario, in both formats. */
class ScenarioWriterTest {
    @ParameterizedTest
    @EnumSource(Format.class)
    void builtin_roundTrips(Format format) {
        Scenario s = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        String text = ScenarioWriter.write(s, format);
        assertThat(ScenarioReader.read("exported." + format.id(), text, format)).isEqualTo(s);
    }

    static Stream<Arguments> generated() {
        return Stream.iterate(1L, seed -> seed + 1).limit(20)
                .flatMap(seed -> Stream.of(Arguments.of(seed, Format.YAML), Arguments.of(seed, Format.JSON)));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void generatedScenario_roundTrips(long seed, Format format) {
        var rnd = new SplittableRandom(seed);
        Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(rnd.nextInt(2, 6),
                rnd.nextInt(1, 6), 2, 6, seed % 2 == 0 ? 4 : 0, 0.6, 0.1));
        String text = ScenarioWriter.write(s, format);
        Scenario back = ScenarioReader.read("generated." + format.id(), text, format);
        assertThat(back).isEqualTo(s);
        assertThat(ScenarioWriter.write(back, format)).isEqualTo(text);
    }

    /** Ids and labels a YAML reader would take for numbers, booleans or null must be written quoted. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void numberLikeAndWordLikeTexts_roundTrip(Format format) {
        String json = """
                {"format": "parley/1", "id": "007", "title": "1.5",
                 "parties": [{"id": "1", "name": "true", "role": "principal"}, {"id": "2", "name": "null",
                   "role": "principal"}],
                 "issues": [{"id": "10", "name": "-3", "options": [{"id": "0", "label": "1e3"},
                   {"id": "0x1F", "label": "yes"}, {"id": "1.0", "label": "~"}]}],
                 "profiles": {"1": {"reservation": 0, "weights": {"10": 1}, "values": {"10": [1, 0.5, 0]}},
                   "2": {"reservation": 0, "weights": {"10": 1}, "values": {"10": [0, 0.5, 1]}}}}
                """;
        Scenario s = ScenarioReader.read("odd.json", json, Format.JSON);
        String text = ScenarioWriter.write(s, format);
        assertThat(ScenarioReader.read("odd." + format.id(), text, format)).isEqualTo(s);
    }
}
