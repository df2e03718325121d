package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley tournament --spark local[*]} against the local backend: the same sessions, line for line, the same
 * summary, resumed the same way after a cut; and Spark SQL's sums of the Parquet it writes agree with the leaderboard.
 * Runs the built parley-spark module (the reactor builds it before this one) as the launcher does.
 */
class TournamentSparkIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void spark_givesTheLocalBackendsResults_rowForRow_andResumesTheSameWay() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, TournamentCommandTest.SPEC.replace("protocols: [alternating, saop]",
                "protocols: [alternating, saop, single-text]").replace("scenarios:\n",
                        "scenarios:\n  - ceasefire-2025\n")
                .replace("negotiator: [boulware, linear, random]",
                        "negotiator: [boulware, linear, random]\n  voter: [truthful, could-sign]"));
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertThat(Cli.run("tournament", spec.toString(), "--out", local.toString(), "--jobs", "2").exitCode())
                .isZero();
        Cli run = Cli.run("tournament", spec.toString(), "--out", spark.toString(), "--spark", "local[*]");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = TournamentCommandTest.sortedLines(local);
        assertThat(TournamentCommandTest.sortedLines(spark)).isEqualTo(expected);
        assertThat(Files.readString(spark.resolve("summary.json"))).isEqualTo(Files.readString(local.resolve(
                "summary.json")));
        assertThat(spark.resolve("sessions.parquet")).isDirectory();
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(local.resolve("summary.json")));
        List<List<String>> sums = CsvRead.parse(Files.readString(spark.resolve("spark-leaderboard.csv")));
        assertThat(sums).hasSize(1 + summary.get("leaderboard").size());
        for (JsonNode row : summary.get("leaderboard")) {
            List<String> s = sums.stream().filter(r -> r.get(0).equals(row.get("agent").asText())).findFirst()
                    .orElseThrow();
            assertThat(Integer.parseInt(s.get(1))).isEqualTo(row.get("plays").asInt());
            assertThat(Double.parseDouble(s.get(2))).isCloseTo(row.get("advantage").asDouble(), within(1e-9));
        }
        // cut as a kill leaves it, then resumed on Spark
        List<String> lines = Files.readAllLines(spark.resolve("sessions.csv"));
        Files.writeString(spark.resolve("sessions.csv"), String.join("\n", lines.subList(0, 31)) + "\n" + lines
                .get(31).substring(0, 10));
        Cli resumed = Cli.run("tournament", spec.toString(), "--out", spark.toString(), "--spark", "local[*]",
                "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("30 already in");
        assertThat(TournamentCommandTest.sortedLines(spark)).isEqualTo(expected);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aForecastOnSpark_isTheLocalForecast() throws Exception {
        Cli local = Cli.run("forecast", "--runs", "80", "--seed", "3", "--format", "json", "--out", tmp.resolve("l")
                .toString());
        Cli spark = Cli.run("forecast", "--runs", "80", "--seed", "3", "--format", "json", "--out", tmp.resolve("s")
                .toString(), "--spark", "local[*]");
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.json()).isEqualTo(local.json());
        assertThat(Files.readString(tmp.resolve("s/samples.csv"))).isEqualTo(Files.readString(tmp.resolve(
                "l/samples.csv")));
    }
}
