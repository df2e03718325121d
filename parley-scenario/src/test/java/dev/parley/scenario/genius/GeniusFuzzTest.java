package dev.parley.scenario.genius;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.scenario.ScenarioMutants.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer of the GENIUS import ({@link GeniusMutants}): every mutant is either imported (and the
 * scenario then written as parley/1 and read back equal) or refused with problems that each name a line, never with
 * any other exception. The long run is {@code dev.parley.bench.GeniusFuzz}.
 */
class GeniusFuzzTest {
    static final int MUTANTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void everyMutant_isImportedAndRoundTrips_orRefusedWithLocatedProblems() {
        var mutants = new GeniusMutants();
        var failures = new ArrayList<String>();
        int imported = 0;
        int refused = 0;
        for (long seed = 1; seed <= MUTANTS; seed++) {
            switch (mutants.judge(dir, seed)) {
                case Outcome.Read r -> imported++;
                case Outcome.Refused r -> refused++;
                case Outcome.Failed f -> failures.add("seed " + seed + ": " + f.why());
            }
        }
        assertThat(failures).as("failures").isEmpty();
        assertThat(imported).as("mutants imported").isPositive();
        assertThat(refused).as("mutants refused").isPositive();
    }
}
