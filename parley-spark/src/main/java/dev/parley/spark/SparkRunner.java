package dev.parley.spark;

import dev.parley.engine.tournament.Standings;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.TournamentFolder;
import dev.parley.scenario.TournamentReader;
import dev.parley.scenario.wire.Csv;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SessionsCsv;
import dev.parley.scenario.wire.TournamentJson;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The Spark side of {@code parley tournament --spark}, and the application spark-submit runs. Three commands:
 * <ul>
 * <li>{@code play SOURCE TODO MASTER [DIR PRINCIPALS]}: plays the sessions numbered in the file TODO of the
 * tournament serialised in SOURCE, and prints each one's line of {@code sessions.csv} on stdout after
 * {@code row<TAB>} (the command line appends them to its folder); with DIR, then prints {@code played}, waits for a
 * line on stdin (the command line has appended every row) and finishes DIR as below, on the same Spark;</li>
 * <li>{@code finish DIR PRINCIPALS MASTER}: writes {@code DIR/sessions.parquet} and {@code DIR/spark-leaderboard.csv}
 * (each agent's plays and mean advantage, summed by Spark SQL);</li>
 * <li>{@code forecast SOURCE MASTER}: every draw of the forecast serialised in SOURCE, each run's line printed on
 * stdout after {@code run<TAB>};</li>
 * <li>{@code run SPEC.yaml DIR [--resume]}: the whole tournament on the cluster's driver — sessions.csv,
 * summary.json, sessions.parquet; {@code parley tournament SPEC.yaml --out DIR --resume} then adds the report.</li>
 * </ul>
 * Everything else Spark prints goes to stderr.
 */
public final class SparkRunner {
    private SparkRunner() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream rows = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout carries rows and nothing else
        if (args.length < 1) {
            usage();
        }
        switch (args[0]) {
            case "play" -> {
                require(args, 4);
                TournamentReader.Source source;
                try (var in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
                    source = (TournamentReader.Source) in.readObject();
                }
                int[] todo = Arrays.stream(Files.readString(Path.of(args[2])).split("\\s+")).filter(s -> !s
                        .isEmpty()).mapToInt(Integer::parseInt).toArray();
                try (var spark = new SparkTournament(args[3])) {
                    spark.play(source, todo, line -> emit(rows, "row\t", line), d -> {
                        if (d % 256 == 0) {
                            flush(rows);
                        }
                    });
                    flush(rows);
                    if (args.length >= 6) {
                        rows.println("played");
                        flush(rows);
                        String go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                                StandardCharsets.UTF_8)).readLine();
                        if (go == null) {
                            gone();
                        }
                        finish(spark, Path.of(args[4]), Integer.parseInt(args[5]));
                    }
                }
            }
            case "forecast" -> {
                require(args, 3);
                dev.parley.scenario.wire.ForecastRuns.Source source;
                try (var in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
                    source = (dev.parley.scenario.wire.ForecastRuns.Source) in.readObject();
                }
                try (var spark = new SparkTournament(args[2])) {
                    spark.forecast(source, line -> emit(rows, "run\t", line), d -> {
                        if (d % 256 == 0) {
                            flush(rows);
                        }
                    });
                }
                flush(rows);
            }
            case "finish" -> {
                require(args, 4);
                try (var spark = new SparkTournament(args[3])) {
                    finish(spark, Path.of(args[1]), Integer.parseInt(args[2]));
                }
            }
            case "run" -> {
                require(args, 3);
                boolean resume = args.length > 3 && args[3].equals("--resume");
                String master = System.getProperty("spark.master", "local[*]");
                try (var spark = new SparkTournament(master)) {
                    run(spark, Path.of(args[1]), Path.of(args[2]), resume);
                }
            }
            default -> usage();
        }
    }

    /** The whole tournament with this driver: as {@code parley tournament}, without the report. */
    static void run(SparkTournament spark, Path specFile, Path dir, boolean resume) throws IOException {
        TournamentReader.Spec spec = TournamentReader.read(specFile);
        Tournament t = spec.tournament();
        int width = t.maxPrincipals();
        var standings = new Standings.Accumulator();
        try (TournamentFolder folder = TournamentFolder.open(dir, spec, resume)) {
            folder.existing().forEach(standings::add);
            int[] todo = folder.todo();
            spark.play(spec.source(), todo, line -> {
                try {
                    folder.append(line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                standings.add(SessionsCsv.parse(line.substring(0, line.length() - 1), width));
            }, d -> {
            });
        }
        Files.writeString(dir.resolve("summary.json"), Json.pretty(TournamentJson.of(spec.title(), t, standings
                .standings())) + "\n");
        finish(spark, dir, width);
    }

    static void finish(SparkTournament spark, Path dir, int principals) throws IOException {
        List<Row> agents = spark.finish(dir, principals);
        var out = new StringBuilder(Csv.row(List.of("agent", "plays", "advantage")));
        for (Row r : agents) {
            out.append(Csv.row(List.of(r.getString(0), r.getLong(1), Json.exact(r.getDouble(2)))));
        }
        Files.writeString(dir.resolve("spark-leaderboard.csv"), out.toString());
    }

    private static void emit(PrintStream rows, String prefix, String line) {
        rows.print(prefix);
        rows.print(line);
        if (rows.checkError()) {
            gone();
        }
    }

    private static void flush(PrintStream rows) {
        rows.flush();
        if (rows.checkError()) {
            gone();
        }
    }

    /** The command line that reads the lines has gone (killed): what is played now would be lost; stop. */
    private static void gone() {
        System.err.println("parley-spark: the command line is gone; stopping");
        Runtime.getRuntime().halt(3);
    }

    private static void require(String[] args, int n) {
        if (args.length < n) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: SparkRunner play SOURCE TODO MASTER [DIR PRINCIPALS] | forecast SOURCE MASTER | "
                + "finish DIR PRINCIPALS MASTER | run SPEC.yaml DIR [--resume]  (run: the master from spark-submit's --master)");
        System.exit(2);
    }
}
