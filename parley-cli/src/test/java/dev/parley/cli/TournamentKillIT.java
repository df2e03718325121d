package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley tournament} as a real process, SIGKILLed twice in the middle of its sessions and resumed: the
 * sessions it acknowledged (each logged on stderr only once its line is in {@code sessions.csv}) are all there, and
 * once resumed to the end the results are those of a tournament never killed, line for line, with no session twice.
 */
class TournamentKillIT {
    static final String SPEC = """
            format: parley-tournament/1
            seed: 3
            repetitions: 150
            rounds: 30
            protocols: [alternating]
            agents:
              negotiator: [boulware, linear, conceder, random, hardliner, nash-seeker]
            scenarios:
              - generate: {count: 1, parties: 2, issues: 2, options: 3, reservation: 0.2, seed: 1}
            """;
    static final int SESSIONS = 36 * 150;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigkillMidTournament_thenResume_losesAndRepeatsNothing() throws Exception {
        Path spec = tmp.resolve("t.yaml");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve("killed");
        var acknowledged = new java.util.HashSet<Integer>();
        for (int kill = 1; kill <= 2; kill++) {
            acknowledged.addAll(killAfter(spec, dir, 100, kill > 1));
            List<String> lines = lines(dir);
            // each session logged before the kill is in the file, whole (a line the kill cut short ends early)
            var kept = new java.util.HashSet<Integer>();
            for (String l : lines) {
                if (CsvRead.parse(l + "\n").get(0).size() == 26) {
                    kept.add(Integer.parseInt(l.substring(0, l.indexOf(','))));
                }
            }
            assertThat(kept).as("every acknowledged session is kept").containsAll(acknowledged);
            assertThat(lines.size()).as("killed before the end").isLessThan(SESSIONS);
        }
        Cli resumed = Cli.run("tournament", spec.toString(), "--out", dir.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Path whole = tmp.resolve("whole");
        assertThat(Cli.run("tournament", spec.toString(), "--out", whole.toString()).exitCode()).isZero();
        List<String> got = sorted(lines(dir));
        assertThat(got).hasSize(SESSIONS);
        assertThat(got).isEqualTo(sorted(lines(whole)));
        assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(Files.readString(whole.resolve(
                "summary.json")));
    }

    /**
     * Starts the tournament, reads its log until {@code sessions} more are acknowledged, and SIGKILLs it.
     *
     * @return the numbers of the sessions it acknowledged
     */
    static java.util.Set<Integer> killAfter(Path spec, Path dir, int sessions, boolean resume) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/parley.jar")
                .toAbsolutePath().toString(), "tournament", spec.toString(), "--out", dir.toString(), "--jobs", "2",
                "--log"));
        if (resume) {
            command.add("--resume");
        }
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var seen = new java.util.HashSet<Integer>();
        try (var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            // once the test stops reading, the process goes on only until the pipe's buffer is full (some hundreds
            // of lines): far short of the end
            for (String line = err.readLine(); line != null && seen.size() < sessions; line = err.readLine()) {
                if (line.startsWith("session ")) {
                    seen.add(Integer.parseInt(line.split(" ")[1]));
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("the process logged sessions before it was killed").hasSize(sessions);
        return seen;
    }

    static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve("sessions.csv"), StandardCharsets.UTF_8));
        all.remove(0);
        return all;
    }

    static List<String> sorted(List<String> lines) {
        var out = new ArrayList<>(lines);
        out.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
        return out;
    }
}
