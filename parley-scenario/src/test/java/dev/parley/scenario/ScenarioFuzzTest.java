package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Scenario;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded mutation fuzzer over the built-in scenario as written in each format ({@link ScenarioMutants}): every
 * mutant is either read (and then written and read back equal) or refused with problems that say where, never an
 * exception, an unlocated problem or an internal text. A few thousand mutants here; the long run is
 * {@code dev.parley.bench.ScenarioFuzz} in parley-bench.
 */
class ScenarioFuzzTest {
    static final int PER_FORMAT = 1_500;
    static final Scenario BASE = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();

    static Stream<Arguments> mutants() {
        return Stream.of(Format.values()).flatMap(format -> Stream.iterate(1L, s -> s + 1).limit(PER_FORMAT).map(
                seed -> Arguments.of(format, seed)));
    }

    static String mutant(Format format, long seed) {
        return ScenarioMutants.mutate(ScenarioWriter.write(BASE, format), new SplittableRandom(seed * 31 + format
                .ordinal()));
    }

    @ParameterizedTest(name = "{0} mutant {1}")
    @MethodSource("mutants")
    void everyMutant_isReadAndRoundTrips_orRefusedWithLocatedProblems(Format format, long seed) {
        ScenarioMutants.Outcome o = ScenarioMutants.judge("mutant." + format.id(), mutant(format, seed), format);
        assertThat(o).isNotInstanceOf(ScenarioMutants.Outcome.Failed.class);
    }

    /** The judge tells a located refusal and a clean read apart. */
    @Test
    void theJudge_passesALocatedRefusalAndAReadThatRoundTrips() {
        assertThat(ScenarioMutants.judge("m.yaml", "format: parley/1\nid: [\n", Format.YAML)).isInstanceOf(
                ScenarioMutants.Outcome.Refused.class);
        assertThat(ScenarioMutants.judge("m.yaml", ScenarioWriter.write(BASE, Format.YAML), Format.YAML))
                .isInstanceOf(ScenarioMutants.Outcome.Read.class);
    }

    /** The mutants reach past the syntax: some are read, and some are refused by the checks on their meaning. */
    @Test
    void theMutants_reachTheReaderAndTheChecks() {
        int read = 0;
        int meaning = 0;
        for (Format format : Format.values()) {
            for (long seed = 1; seed <= 300; seed++) {
                var o = ScenarioMutants.judge("m." + format.id(), mutant(format, seed), format);
                read += o instanceof ScenarioMutants.Outcome.Read ? 1 : 0;
                meaning += o instanceof ScenarioMutants.Outcome.Refused r && r.onAPath() ? 1 : 0;
            }
        }
        assertThat(read).as("mutants read").isGreaterThan(10);
        assertThat(meaning).as("mutants refused on a path of the document").isGreaterThan(10);
    }
}
