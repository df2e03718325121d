package dev.parley.scenario.genius;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Format;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.ScenarioMutants;
import dev.parley.scenario.ScenarioMutants.Outcome;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded mutants of the built-in scenario as GENIUS files (its exported domain and profiles, one of them mutated by
 * {@link ScenarioMutants#mutate}), for fuzzing the import, and the judgement of the import on each: imported and then
 * written as {@code parley/1} and read back equal; refused with problems that each name a line; or a failure (an
 * exception, an unlocated problem, a Java text in a message, a round trip that differs). Thread-safe.
 */
public final class GeniusMutants {
    private final List<Map.Entry<String, String>> files;

    /** Mutants of the built-in scenario's GENIUS export. */
    public GeniusMutants() {
        Scenario base = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        this.files = List.copyOf(GeniusExport.write(base).files().entrySet());
    }

    /** Writes the files of mutant {@code seed} into {@code dir} (domain first), imports them and judges the import. */
    public Outcome judge(Path dir, long seed) {
        var r = new SplittableRandom(seed);
        int victim = r.nextInt(files.size());
        var paths = new ArrayList<Path>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path p = dir.resolve(seed + "-" + files.get(i).getKey());
                String text = files.get(i).getValue();
                Files.writeString(p, i == victim ? ScenarioMutants.mutate(text, r) : text, StandardCharsets.UTF_8);
                paths.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Scenario s = GeniusImport.read(paths.get(0), paths.subList(1, paths.size()), GeniusImport.Settings
                    .defaults()).scenario();
            String yaml = ScenarioWriter.write(s, Format.YAML);
            return ScenarioReader.read("imported.yaml", yaml, Format.YAML).equals(s)
                    ? new Outcome.Read()
                    : new Outcome.Failed("imported, but the written file reads back different");
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                if (p.line() <= 0) {
                    return new Outcome.Failed("unlocated: " + p);
                }
                if (p.message().contains("Exception") || p.message().contains("java.")) {
                    return new Outcome.Failed("internal text: " + p);
                }
            }
            return new Outcome.Refused(true);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome.Failed("crash: " + e);
        } finally {
            for (Path p : paths) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
