package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    static final Path VALID = Path.of("src/test/resources/scenarios/valid");

    @TempDir
    Path tmp;

    @Test
    void yamlAndJson_ofTheSameTree_giveEqualScenarios() {
        Scenario yaml = ScenarioReader.read(VALID.resolve("fishing.yaml"));
        Scenario json = ScenarioReader.read(VALID.resolve("fishing.json"));
        assertThat(yaml).isEqualTo(json);
    }

    @Test
    void validFile_isReadWithDefaultsFilledIn() {
        Scenario s = ScenarioReader.read(VALID.resolve("fishing.yaml"));
        assertThat(s.id()).isEqualTo("fishing-rights");
        assertThat(s.parties()).extracting(p -> p.id() + ":" + p.role() + ":" + p.ratifies())
                .containsExactly("N:PRINCIPAL:true", "S:PRINCIPAL:true", "M:MEDIATOR:true", "OBS:OBSERVER:false");
        assertThat(s.issues().get(1).options()).extracting(o -> o.id() + "=" + o.label())
                .containsExactly("shared=shared", "divided=divided");
        var n = s.profile("N").orElseThrow();
        assertThat(n.value(1, 0)).isEqualTo(0.2); // from a value map
        assertThat(n.isRedLine(0, 2)).isTrue(); // a single red line written as a string
        var m = s.profile("M").orElseThrow();
        assertThat(m.value(1, 0)).isZero(); // weight 0: values may be left out
        assertThat(s.profile("OBS")).isEmpty();
        assertThat(s.protocol().orElseThrow().rounds().getAsInt()).isEqualTo(50);
        assertThat(s.space().size()).isEqualTo(6);
        assertThat(s.ratifyingParties()).extracting(p -> p.role()).doesNotContain(Role.OBSERVER);
    }

    @Test
    void missingFile_isNamed() {
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioReader.read(missing)).isInstanceOf(ScenarioException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void directory_isRefused() {
        assertThatThrownBy(() -> ScenarioReader.read(tmp)).hasMessage(tmp + ": is a directory, not a scenario file");
    }

    @Test
    void fileOver10MB_isRefusedBeforeParsing() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (var f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ScenarioReader.MAX_BYTES + 1); // all zero bytes: parsing would fail differently
        }
        assertThatThrownBy(() -> ScenarioReader.read(big)).hasMessage(big + ": is 10.0 MB, over the 10 MB limit");
    }

    @Test
    void unknownExtension_isRefused() throws IOException {
        Path txt = Files.writeString(tmp.resolve("talks.txt"), "format: parley/1\n");
        assertThatThrownBy(() -> ScenarioReader.read(txt))
                .hasMessage(txt + ": unknown file type; name it .yaml, .yml (YAML) or .json (JSON)");
    }

    @Test
    void notUtf8_isRefused() throws IOException {
        Path latin1 = Files.write(tmp.resolve("latin1.yaml"), new byte[]{'i', 'd', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> ScenarioReader.read(latin1)).hasMessage(latin1 + ": is not UTF-8 text");
    }

    @Test
    void scenarioException_carriesEveryProblem() {
        var e = (ScenarioException) org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioReader.read(
                InvalidScenarioTest.DIR.resolve("many-problems.yaml")));
        assertThat(e.problems()).hasSize(5);
        assertThat(e.problems().get(2).path()).isEqualTo("profiles.N.weights");
        assertThat(e.problems().get(2).line()).isEqualTo(32);
        assertThat(e.getMessage().lines()).hasSize(5);
    }

    /** The documented limit is the real one: a 5 MB YAML file (a long title) reads. */
    @org.junit.jupiter.api.Test
    void aYamlFileOfFiveMegabytes_reads() {
        var s = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        String yaml = ScenarioWriter.write(s, Format.YAML).replaceFirst("(?m)^title: .*$", "title: " + "x".repeat(
                5 * 1024 * 1024));
        assertThat(ScenarioReader.read("big.yaml", yaml, Format.YAML).title()).hasSize(5 * 1024 * 1024);
    }
}
