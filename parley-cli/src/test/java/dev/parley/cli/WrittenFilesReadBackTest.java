package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.scenario.TrickyScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the command line writes reads back: over scenarios whose texts are made to trip a writer, {@code export}
 * writes a file that reads back equal in both formats, and {@code run --out} writes a transcript that {@code replay}
 * reads and replays move for move.
 */
class WrittenFilesReadBackTest {
    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exportAndRunOut_readBack(long seed) throws IOException {
        Scenario s = TrickyScenarios.generate(seed);
        Path file = tmp.resolve("tricky.json");
        Files.writeString(file, ScenarioWriter.write(s, Format.JSON), StandardCharsets.UTF_8);

        for (Format f : Format.values()) {
            Path exported = tmp.resolve("exported." + f.id());
            Cli export = Cli.run("export", file.toString(), "-o", exported.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(ScenarioReader.read(exported)).isEqualTo(s);
        }

        Path out = tmp.resolve("run");
        Cli run = Cli.run("run", file.toString(), "--rounds", "40", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Cli replay = Cli.run("replay", out.resolve("transcript.jsonl").toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).startsWith("OK: replayed ");
    }
}
