package dev.parley.cli;

import dev.parley.engine.analysis.ProgressListener;
import dev.parley.engine.tournament.Referee;
import dev.parley.engine.tournament.Result;
import dev.parley.engine.tournament.Standings;
import dev.parley.engine.tournament.Tournament;
import dev.parley.scenario.TournamentFolder;
import dev.parley.scenario.TournamentReader;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.wire.SessionsCsv;
import dev.parley.scenario.wire.TournamentJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley tournament}: many sessions, scored, on every core or on Apache Spark. */
@Command(name = "tournament", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Play a tournament: the agents a spec names over the principals' seats (every assignment, self-play on or "
                + "off), on its scenarios (built-in, parley/1 or GENIUS files, or generated) under its protocols, "
                + "with its repetitions; score every session and rank the agents.",
        "Writes DIR/sessions.csv (one line per session, appended as each finishes), DIR/summary.json (the "
                + "leaderboard: mean advantage with a 95%% interval, rank, rank-sum tests between agents; "
                + "agreement per protocol; agent against agent) and DIR/report.html. With --spark also "
                + "DIR/sessions.parquet.",
        "Each session's seed comes from the tournament's seed and the session's coordinates: the results are the "
                + "same whatever --jobs, locally or on Spark. A killed tournament continues with --resume, "
                + "losing and repeating no session.",
        "The spec (parley-tournament/1, YAML or JSON) is described in docs/tournament.md; an example is "
                + "examples/tournament.yaml."})
final class TournamentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The tournament spec.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the results go (default: out/ and the "
            + "spec's file name without extension).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads to play sessions on (default: every core).")
    Integer jobs;

    @Option(names = "--resume", description = "Continue the tournament DIR holds: play only the sessions not in "
            + "DIR/sessions.csv.")
    boolean resume;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Play the sessions on Apache Spark, e.g. "
            + "'local[*]' (every core of this machine) or spark://host:7077; runs the parley-spark module in a "
            + "process of its own, which ./parley builds on first use. Spark's messages go to DIR/spark.log.")
    String spark;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "The leaderboard as "
            + "text (default) or summary.json's document.")
    OutputFormat format;

    @Option(names = "--log", description = "One line per session on stderr as it finishes (index, key, status).")
    boolean log;

    @Override
    public Integer call() throws IOException {
        TournamentReader.Spec read = TournamentReader.read(specFile);
        Tournament t = read.tournament();
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1 || threads > 1024) {
            throw new UsageException("--jobs must be from 1 to 1024, not " + threads);
        }
        Path sparkHome = spark == null ? null : SparkProcess.home();
        Path dir = out != null ? out : Path.of("out", baseName(specFile));
        int width = t.maxPrincipals();
        var standings = new Standings.Accumulator();
        long started = System.nanoTime();
        int played;
        try (TournamentFolder file = open(dir, read)) {
            file.existing().forEach(standings::add);
            int[] todo = file.todo();
            played = todo.length;
            PrintWriter err = spec.commandLine().getErr();
            java.util.function.Consumer<String> rows = line -> {
                synchronized (standings) {
                    try {
                        file.append(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    // the standings read what was written, so a resumed tournament sums exactly the same figures
                    Result r = SessionsCsv.parse(line.substring(0, line.length() - 1), width);
                    standings.add(r);
                    if (log) {
                        err.println("session " + r.index() + " " + r.key() + " " + r.status().id());
                        err.flush();
                    }
                }
            };
            ProgressListener progress = TerminalProgress.forStderr("sessions");
            // the bar counts this run's sessions, so its rate and time left are this run's
            String stage = todo.length < t.sessions().size()
                    ? "tournament (" + (t.sessions().size() - todo.length)
                            + " done before)"
                    : "tournament";
            try {
                if (sparkHome != null) {
                    SparkProcess.play(sparkHome, read.source(), todo, spark, dir, width, rows, d -> progress
                            .progress(stage, d, todo.length));
                } else if (todo.length > 0) {
                    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                        Thread th = new Thread(r, "parley-tournament");
                        th.setDaemon(true);
                        return th;
                    });
                    try {
                        new Referee(t).play(todo, pool, threads, () -> false, r -> rows.accept(SessionsCsv.row(r,
                                width)), d -> progress.progress(stage, d, todo.length));
                    } finally {
                        pool.shutdownNow();
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                TerminalProgress.closeIfOpen(progress);
            }
        }
        Standings s = standings.standings();
        Map<String, Object> json = TournamentJson.of(read.title(), t, s);
        String summary = Json.pretty(json);
        AtomicFiles.write(dir.resolve("summary.json"), summary + "\n");
        AtomicFiles.write(dir.resolve("report.html"), TournamentReport.html(read.title(), t, s));
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            w.println(summary);
        } else {
            w.print(TournamentText.text(read.title(), t, s));
            w.printf(java.util.Locale.ROOT, "%nPlayed %d session%s in %.1f s (%.0f/s)%s.%n", played, played == 1
                    ? ""
                    : "s", seconds, played / Math.max(seconds, 1e-9),
                    played < t.sessions().size()
                            ? ", "
                                    + (t.sessions().size() - played) + " already in "
                                    + dir.resolve(TournamentFolder.CSV)
                            : "");
            w.println("Sessions: " + dir.resolve(TournamentFolder.CSV));
            w.println("Summary:  " + dir.resolve("summary.json"));
            w.println("Report:   " + dir.resolve("report.html"));
            if (sparkHome != null) {
                w.println("Parquet:  " + dir.resolve("sessions.parquet") + " (and the leaderboard as Spark SQL sums "
                        + "it: " + dir.resolve("spark-leaderboard.csv") + ")");
            }
        }
        return ExitCodes.OK;
    }

    private TournamentFolder open(Path dir, TournamentReader.Spec read) throws IOException {
        try {
            return TournamentFolder.open(dir, read, resume);
        } catch (TournamentFolder.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String baseName(Path spec) {
        String name = spec.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
