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
}
