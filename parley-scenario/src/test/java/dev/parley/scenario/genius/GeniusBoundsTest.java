package dev.parley.scenario.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GENIUS import keeps to the sizes a {@code parley/1} file may have, so that whatever it imports can be written
 * and read back, and refuses anything past them where it stands, before building it: items and values per issue,
 * options over all issues, nesting, an encoding it cannot decode, a repeated index.
 */
class GeniusBoundsTest {
    @TempDir
    Path dir;

    Path write(String name, String xml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, xml, StandardCharsets.UTF_8);
        return p;
    }

    static String domain(String issues) {
        return "<utility_space>\n<objective index=\"0\" type=\"objective\" name=\"d\">\n" + issues
                + "</objective>\n</utility_space>\n";
    }

    static String discrete(int index, String name, List<String> labels) {
        return discrete(index, name, labels, false);
    }

    /** A discrete issue; in a profile ({@code evaluated}) each item evaluated by its position. */
    static String discrete(int index, String name, List<String> labels, boolean evaluated) {
        var b = new StringBuilder("<issue index=\"" + index + "\" name=\"" + name + "\" type=\"discrete\">");
        for (int k = 0; k < labels.size(); k++) {
            b.append("<item index=\"").append(k + 1).append("\" value=\"").append(labels.get(k)).append("\"")
                    .append(evaluated ? " evaluation=\"" + (k + 1) + "\"" : "").append("/>");
        }
        return b.append("</issue>\n").toString();
    }

    /** A profile giving every issue the same weight and every item of a discrete issue the same evaluation. */
    Path flatProfile(String name, int issues) throws IOException {
        var b = new StringBuilder("<utility_space>\n<objective index=\"0\" type=\"objective\" name=\"d\">\n");
        for (int i = 1; i <= issues; i++) {
            b.append("<weight index=\"").append(i).append("\" value=\"").append(1.0 / issues).append("\"/>\n");
        }
        return write(name, b.append("</objective>\n</utility_space>\n").toString());
    }

    List<String> refusal(Path domain, Path profile) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> GeniusImport.read(domain,
                List.of(profile, profile), GeniusImport.Settings.defaults()));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).as(p.toString()).isPositive());
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aDiscreteIssueOfMoreItemsThanAParleyIssueMayHave_isRefusedWhereItStands() throws IOException {
        List<String> labels = java.util.stream.IntStream.range(0, 10_001).mapToObj(k -> "v" + k).toList();
        Path d = write("d.xml", domain(discrete(1, "big", labels)));
        assertThat(refusal(d, flatProfile("p.xml", 1))).containsExactly(d + ":3:45 issue big: has 10001 items; at "
                + "most 10000 are imported (a parley/1 issue may have at most 10000 options)");
    }

    @Test
    void moreOptionsOverAllIssuesThanAParleyFileMayHold_isRefusedAtTheUtilitySpace() throws IOException {
        var issues = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            issues.append("<issue index=\"").append(i).append("\" name=\"n").append(i)
                    .append("\" type=\"integer\" lowerbound=\"1\" upperbound=\"10000\"/>\n");
        }
        Path d = write("d.xml", domain(issues.toString()));
        assertThat(refusal(d, flatProfile("p.xml", 11))).containsExactly(d + ":1:16: 110000 options over all issues; "
                + "at most 100000 are supported");
    }

    @Test
    void elementsNestedPastTheLimit_areRefusedWhereTheyGoTooDeep() throws IOException {
        Path d = write("d.xml", "<utility_space>" + "<objective>".repeat(100) + "</objective>".repeat(100)
                + "</utility_space>");
        List<String> problems = refusal(d, flatProfile("p.xml", 1));
        assertThat(problems).singleElement().asString().contains(":1:").endsWith("elements nested more than 64 deep");
    }

    @Test
    void anEncodingTheParserCannotDecode_isNamedAsSuch() throws IOException {
        Path d = write("d.xml", "<?xml version=\"1.0\" encoding=\"UTF-d\"?>\n" + domain(discrete(1, "a", List.of("x",
                "y"))));
        assertThat(refusal(d, flatProfile("p.xml", 1))).containsExactly(d + ":1:1: cannot be decoded: the XML "
                + "declaration's encoding is unknown or the text does not match it; write the file as UTF-8");
    }

    @Test
    void twoIssuesWithOneIndex_pointAtTheSecond() throws IOException {
        Path d = write("d.xml", domain(discrete(1, "a", List.of("x", "y")) + discrete(1, "b", List.of("x", "y"))));
        assertThat(refusal(d, flatProfile("p.xml", 1))).containsExactly(d + ":4:43 issue b: has index 1, as an "
                + "issue before it has");
    }

    /** Ten thousand labels with no Latin letter all slug to "option": their ids are still unique, and written back. */
    @Test
    void thousandsOfLabelsWithOneSlug_getUniqueIds_andTheImportWritesAndReadsBack() throws IOException {
        List<String> labels = java.util.stream.IntStream.range(0, 10_000).mapToObj(k -> "ω" + Character.toString(
                0x4E00 + k)).toList();
        Path d = write("d.xml", domain(discrete(1, "все", labels) + discrete(2, "всё", List.of("α", "β"))));
        Path p = write("p.xml", domain(discrete(1, "все", labels, true) + discrete(2, "всё", List.of("α", "β"), true)
                + "<weight index=\"1\" value=\"0.5\"/><weight index=\"2\" value=\"0.5\"/>\n"));
        Path q = write("q.xml", Files.readString(p).replace("evaluation=\"1\"", "evaluation=\"0.5\""));
        Scenario s = GeniusImport.read(d, List.of(p, q), GeniusImport.Settings.defaults()).scenario();
        assertThat(s.issues().get(0).options()).hasSize(10_000);
        assertThat(s.issues().get(0).options().stream().map(o -> o.id()).distinct()).hasSize(10_000);
        assertThat(s.issues().get(0).id()).isNotEqualTo(s.issues().get(1).id());
        for (Format f : Format.values()) {
            assertThat(ScenarioReader.read("imported." + f.id(), ScenarioWriter.write(s, f), f)).isEqualTo(s);
        }
    }

    /** A parley/1 negotiation has at least two parties: one profile would import a file that cannot be read. */
    @Test
    void oneProfile_isRefused_asANegotiationNeedsTwoParties() throws IOException {
        Path d = write("d.xml", domain(discrete(1, "a", List.of("x", "y"))));
        Path p = write("p.xml",
                domain(discrete(1, "a", List.of("x", "y"), true) + "<weight index=\"1\" value=\"1\"/>"));
        assertThatThrownBy(() -> GeniusImport.read(d, List.of(p), GeniusImport.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one profile file; a negotiation needs at least 2 parties, one profile file each");
    }

    @Test
    void stepsPastAnIssuesOptions_areRefusedBeforeReading() {
        assertThatThrownBy(() -> GeniusImport.read(dir.resolve("none.xml"), List.of(dir.resolve("p.xml")),
                new GeniusImport.Settings(java.util.Optional.empty(), 10_001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("steps must be 2 to 10000, not 10001");
    }
}
