package dev.parley.scenario.genius;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.ScenarioMutants;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer of the GENIUS import: mutants of the built-in scenario's exported domain and profiles are
 * either imported (and the scenario then written as parley/1 and read back equal) or refused with problems that say
 * where, never with any other exception.
 */
class GeniusFuzzTest {
    static final int MUTANTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void everyMutant_isImportedAndRoundTrips_orRefusedWithLocatedProblems() throws Exception {
        Scenario base = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        var files = new ArrayList<>(GeniusExport.write(base).files().entrySet());
        var failures = new ArrayList<String>();
        int imported = 0;
        for (long seed = 1; seed <= MUTANTS; seed++) {
            var r = new SplittableRandom(seed);
            int victim = r.nextInt(files.size());
            var paths = new ArrayList<Path>();
            for (int i = 0; i < files.size(); i++) {
                Path p = dir.resolve(seed + "-" + files.get(i).getKey());
                String text = files.get(i).getValue();
                Files.writeString(p, i == victim ? ScenarioMutants.mutate(text, r) : text);
                paths.add(p);
            }
            try {
                Scenario s = GeniusImport.read(paths.get(0), paths.subList(1, paths.size()), GeniusImport.Settings
                        .defaults()).scenario();
                String yaml = ScenarioWriter.write(s, Format.YAML);
                if (!ScenarioReader.read("imported.yaml", yaml, Format.YAML).equals(s)) {
                    failures.add("seed " + seed + ": imported, but the written file reads back different");
                }
                imported++;
            } catch (ScenarioException e) {
                long at = seed;
                e.problems().stream().filter(p -> p.line() <= 0 && !p.path().isEmpty() || p.message().contains(
                        "Exception") || p.message().contains("java.")).forEach(p -> failures.add("seed " + at + ": "
                                + p));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                failures.add("seed " + seed + ": " + e);
            }
        }
        assertThat(failures).as("failures").isEmpty();
        assertThat(imported).as("mutants imported").isPositive();
    }
}
