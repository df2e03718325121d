package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TournamentCommandTest {
    static final String SPEC = """
            format: parley-tournament/1
            title: Small
            seed: 5
            repetitions: 2
            rounds: 40
            protocols: [alternating, saop]
            agents:
              negotiator: [boulware, linear, random]
            scenarios:
              - generate: {count: 3, parties: 2, issues: 3, options: 4, reservation: 0.3, seed: 2}
            """;
    static final int SESSIONS = 3 * 2 * 9 * 2;

    @TempDir
    Path tmp;

    Path spec(String text) throws IOException {
        Path p = tmp.resolve("spec.yaml");
        Files.writeString(p, text);
        return p;
    }

    static List<List<String>> rows(Path dir) throws IOException {
        List<List<String>> all = CsvRead.parse(Files.readString(dir.resolve("sessions.csv")));
        return all.subList(1, all.size());
    }

    static List<String> sortedLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("sessions.csv"), StandardCharsets.UTF_8));
        lines.remove(0);
        lines.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
        return lines;
    }

    @Test
    void aTournament_writesEverySessionOnce_andItsLeaderboardIsTheMeanOfTheRows() throws IOException {
        Path out = tmp.resolve("a");
        Cli run = Cli.run("tournament", spec(SPEC).toString(), "--out", out.toString(), "--format", "json");
        JsonNode summary = run.json();
        List<String> header = CsvRead.parse(Files.readString(out.resolve("sessions.csv"))).get(0);
        List<List<String>> rows = rows(out);
        assertThat(rows).hasSize(SESSIONS);
        assertThat(rows.stream().map(r -> r.get(0)).distinct()).hasSize(SESSIONS);
        // the leaderboard again, from the rows, by a reader of the test's own
        int status = header.indexOf("status");
        Map<String, double[]> sums = new HashMap<>();
        for (List<String> r : rows) {
            if (!List.of("agreed", "no-agreement").contains(r.get(status))) {
                continue;
            }
            for (int k = 1; k <= 2; k++) {
                double[] s = sums.computeIfAbsent(r.get(header.indexOf("agent" + k)), a -> new double[2]);
                s[0]++;
                s[1] += Double.parseDouble(r.get(header.indexOf("advantage" + k)));
            }
        }
        assertThat(summary.get("leaderboard")).hasSize(3);
        for (JsonNode row : summary.get("leaderboard")) {
            double[] s = sums.get(row.get("agent").asText());
            assertThat(row.get("plays").asInt()).isEqualTo((int) s[0]);
            assertThat(row.get("advantage").asDouble()).isCloseTo(s[1] / s[0], within(1e-11));
            assertThat(row.get("low").asDouble()).isLessThan(row.get("advantage").asDouble());
        }
        assertThat(summary.get("sessions").asInt()).isEqualTo(SESSIONS);
        assertThat(summary.get("byProtocol")).extracting(n -> n.get("protocol").asText()).containsExactly(
                "alternating", "saop");
        assertThat(summary.get("comparisons")).hasSize(3);
        assertThat(summary.get("significance").asText()).contains("Mann-Whitney");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"leaderboard\"", "id=\"heat\"", "id=\"protocols\"", "class=\"hist\"")
                .doesNotContain("<script", "http://", "https://");
        assertThat(JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")))).isEqualTo(
                summary);
    }

    @Test
    void oneJobOrTwo_giveTheSameSessionsAndSummary() throws IOException {
        Path s = spec(SPEC);
        assertThat(Cli.run("tournament", s.toString(), "--out", tmp.resolve("one").toString(), "--jobs", "1")
                .exitCode()).isZero();
        assertThat(Cli.run("tournament", s.toString(), "--out", tmp.resolve("two").toString(), "--jobs", "2")
                .exitCode()).isZero();
        assertThat(sortedLines(tmp.resolve("two"))).isEqualTo(sortedLines(tmp.resolve("one")));
        assertThat(Files.readString(tmp.resolve("two/summary.json"))).isEqualTo(Files.readString(tmp.resolve(
                "one/summary.json")));
    }

    @Test
    void resume_afterALineCutShort_playsWhatIsMissing_andNothingTwice() throws IOException {
        Path s = spec(SPEC);
        Path whole = tmp.resolve("whole");
        Path cut = tmp.resolve("cut");
        assertThat(Cli.run("tournament", s.toString(), "--out", whole.toString()).exitCode()).isZero();
        assertThat(Cli.run("tournament", s.toString(), "--out", cut.toString()).exitCode()).isZero();
        // as a kill leaves it: 20 sessions, then half of the 21st
        List<String> lines = Files.readAllLines(cut.resolve("sessions.csv"));
        String kept = String.join("\n", lines.subList(0, 21)) + "\n" + lines.get(21).substring(0, lines.get(21)
                .length() / 2);
        Files.writeString(cut.resolve("sessions.csv"), kept);
        Files.delete(cut.resolve("summary.json"));
        Cli resumed = Cli.run("tournament", s.toString(), "--out", cut.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Played " + (SESSIONS - 20) + " sessions").contains(
                "20 already in");
        assertThat(sortedLines(cut)).isEqualTo(sortedLines(whole));
        assertThat(Files.readString(cut.resolve("summary.json"))).isEqualTo(Files.readString(whole.resolve(
                "summary.json")));
        // a finished tournament resumed plays nothing
        Cli again = Cli.run("tournament", s.toString(), "--out", cut.toString(), "--resume");
        assertThat(again.out()).contains("Played 0 sessions");
        assertThat(sortedLines(cut)).isEqualTo(sortedLines(whole));
    }

    @Test
    void aFolderWithResults_isNeverOverwritten_withoutResume() throws IOException {
        Path s = spec(SPEC);
        Path out = tmp.resolve("a");
        assertThat(Cli.run("tournament", s.toString(), "--out", out.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("sessions.csv"));
        Cli again = Cli.run("tournament", s.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a tournament's results; --resume continues it");
        assertThat(Files.readAllBytes(out.resolve("sessions.csv"))).isEqualTo(before);
        // another spec cannot continue it either
        Cli other = Cli.run("tournament", spec(SPEC.replace("seed: 5", "seed: 6")).toString(), "--out", out
                .toString(), "--resume");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("holds the results of another tournament");
        assertThat(Files.readAllBytes(out.resolve("sessions.csv"))).isEqualTo(before);
    }

    @Test
    void aLineOfAnotherTournament_isNamedByItsLine() throws IOException {
        Path s = spec(SPEC);
        Path out = tmp.resolve("a");
        assertThat(Cli.run("tournament", s.toString(), "--out", out.toString()).exitCode()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("sessions.csv")));
        lines.set(3, lines.get(3).replaceFirst("\\|alternating\\|", "|zeuthen|"));
        Files.write(out.resolve("sessions.csv"), lines);
        Cli resumed = Cli.run("tournament", s.toString(), "--out", out.toString(), "--resume");
        assertThat(resumed.exitCode()).isEqualTo(3);
        assertThat(resumed.err()).contains("sessions.csv:4:1").contains("is not one of this tournament's");
    }

    @Test
    void aWrongSpec_exits3_namingTheLine() throws IOException {
        Cli run = Cli.run("tournament", spec(SPEC.replace("[boulware, linear, random]", "[boulware, lineer]"))
                .toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("spec.yaml:8:26 agents.negotiator[1]: unknown agent 'lineer'");
        assertThat(Files.exists(Path.of("out", "spec"))).isFalse();
    }

    @Test
    void spark_withoutItsModule_saysHowToGetIt() throws IOException {
        Cli run = Cli.run("tournament", spec(SPEC).toString(), "--out", tmp.resolve("s").toString(), "--spark",
                "local[2]");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--spark needs the parley-spark module");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void theShippedExample_playsToALeaderboardAndAReport() throws IOException {
        Path out = tmp.resolve("example");
        Cli run = Cli.run("tournament", "../examples/tournament.yaml", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Leaderboard", "Mediators", "By protocol", "Skipped single-text on 10 "
                + "scenarios");
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
        assertThat(summary.get("sessions").asInt()).isEqualTo(rows(out).size()).isPositive();
        assertThat(summary.get("errors").asInt()).isZero();
        assertThat(summary.get("leaderboard")).hasSize(8);
        assertThat(summary.get("mediators")).hasSize(2);
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"heat\"");
    }

    @Test
    void theShippedExample_isValid() {
        Cli run = Cli.run("tournament", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--resume", "--spark", "sessions.csv",
                "docs/tournament");
        assertThat(Path.of("../examples/tournament.yaml")).exists();
        assertThat(dev.parley.scenario.TournamentReader.read(Path.of("../examples/tournament.yaml")).tournament()
                .sessions()).isNotEmpty();
    }
}
