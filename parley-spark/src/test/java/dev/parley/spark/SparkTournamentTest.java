package dev.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.tournament.Referee;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.Format;
import dev.parley.scenario.TournamentReader;
import dev.parley.scenario.wire.SessionsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark backend in {@code local[*]}: the same lines as the engine's referee plays on this thread, row for row. */
class SparkTournamentTest {
    static final String SPEC = """
            format: parley-tournament/1
            seed: 11
            repetitions: 3
            rounds: 40
            protocols: [alternating, saop, single-text]
            agents:
              negotiator: [boulware, linear, random, nash-seeker]
              voter: [truthful, could-sign]
            scenarios:
              - ceasefire-2025
              - generate: {count: 4, parties: 2, issues: 3, options: 5, reservation: 0.3, seed: 3}
            """;

    static SparkTournament spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = new SparkTournament("local[*]");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    static TournamentReader.Spec spec() {
        return TournamentReader.read("t.yaml", SPEC, Format.YAML, Path.of("."));
    }

    @Test
    void spark_playsEverySessionOnce_withTheLinesOfTheLocalReferee() {
        TournamentReader.Spec spec = spec();
        Tournament t = spec.tournament();
        int width = t.maxPrincipals();
        int[] todo = IntStream.range(0, t.sessions().size()).filter(i -> i % 3 != 1).toArray();
        var lines = new ArrayList<String>();
        int[] progress = {0};
        spark.play(spec.source(), todo, lines::add, d -> progress[0] = d);
        assertThat(progress[0]).isEqualTo(todo.length);
        var referee = new Referee(t);
        List<String> local = IntStream.of(todo).mapToObj(i -> SessionsCsv.row(referee.play(t.sessions().get(i)),
                width)).toList();
        assertThat(sorted(lines)).isEqualTo(sorted(local));
    }

    @Test
    void finish_writesParquet_andSparkSqlSumsTheLeaderboardAsTheRowsDo() throws Exception {
        TournamentReader.Spec spec = spec();
        Tournament t = spec.tournament();
        int width = t.maxPrincipals();
        var text = new StringBuilder(SessionsCsv.header(width));
        var referee = new Referee(t);
        Map<String, double[]> sums = new HashMap<>();
        for (var c : t.sessions()) {
            var r = referee.play(c);
            text.append(SessionsCsv.row(r, width));
            if (r.status().played()) {
                for (var seat : r.seats()) {
                    double[] s = sums.computeIfAbsent(seat.agent(), a -> new double[2]);
                    s[0]++;
                    s[1] += SessionsCsv.parse(SessionsCsv.row(r, width).strip(), width).seats().get(r.seats()
                            .indexOf(seat)).advantage();
                }
            }
        }
        Files.writeString(tmp.resolve("sessions.csv"), text);
        List<Row> agents = spark.finish(tmp, width);
        assertThat(tmp.resolve("sessions.parquet")).isDirectory();
        assertThat(agents).extracting(r -> r.getString(0)).containsExactlyInAnyOrderElementsOf(sums.keySet());
        for (Row r : agents) {
            double[] s = sums.get(r.getString(0));
            assertThat(r.getLong(1)).isEqualTo((long) s[0]);
            assertThat(r.getDouble(2)).isCloseTo(s[1] / s[0], within(1e-9));
        }
    }

    @Test
    void aForecastsDraws_onSpark_areTheLocalDraws() {
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        var plan = new dev.parley.engine.forecast.Forecast.Plan(dev.parley.engine.protocol.Settings.defaults(s)
                .withRounds(60), Map.of(), 50, 4, true);
        var lines = new ArrayList<String>();
        spark.forecast(dev.parley.scenario.wire.ForecastRuns.Source.of(s, plan), lines::add, d -> {
        });
        var runs = lines.stream().map(l -> dev.parley.scenario.wire.ForecastRuns.parse(l.strip(), s)).sorted(
                java.util.Comparator.comparingInt(dev.parley.engine.forecast.Forecast.Run::index)).toList();
        assertThat(runs).hasSize(50);
        for (var r : runs) {
            assertThat(r).isEqualTo(dev.parley.engine.forecast.Forecast.run(s, plan, r.index()));
        }
        assertThat(runs.stream().map(dev.parley.engine.forecast.Forecast.Run::deal).distinct()).hasSizeGreaterThan(1);
    }

    static List<String> sorted(List<String> lines) {
        var out = new ArrayList<>(lines);
        out.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
        return out;
    }
}
