package dev.parley.cli;

import dev.parley.scenario.TournamentReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The Spark backend as a process of its own: the {@code parley-spark} module's runner with Spark's libraries, started
 * with the flags Spark needs on Java 17+, so that Spark and the command line never share a class path. It prints each
 * session's line on its stdout; its own messages go to {@code DIR/spark.log}. Stateless.
 */
final class SparkProcess {
    /** Where the built parley-spark module is: its {@code target} folder, as the launcher says. */
    static final String HOME = "parley.spark.home";

    private SparkProcess() {
    }

    /** @throws UsageException when the module is not built, saying how to build it */
    static Path home() {
        String home = System.getProperty(HOME);
        Path dir = home == null ? null : Path.of(home);
        if (dir == null || !Files.exists(dir.resolve("runtime-classpath.txt")) || !Files.exists(dir.resolve(
                "classes/spark-jvm-options.txt"))) {
            throw new UsageException("--spark needs the parley-spark module built: run it through ./parley, which "
                    + "builds it on first use (or ./mvnw -pl parley-spark -am package -DskipTests)");
        }
        return dir;
    }

    /**
     * Plays the sessions numbered in {@code todo} on {@code master}, each line handed to {@code rows}; then, on the
     * same Spark, writes {@code DIR/sessions.parquet} and {@code DIR/spark-leaderboard.csv} from
     * {@code DIR/sessions.csv}, which holds every row by then.
     */
    static void play(Path home, TournamentReader.Source source, int[] todo, String master, Path dir, int principals,
            Consumer<String> rows, IntConsumer progress) throws IOException {
        Path sourceFile = Files.createTempFile(dir, ".source", ".bin");
        Path todoFile = Files.createTempFile(dir, ".todo", ".txt");
        try {
            try (var out = new ObjectOutputStream(Files.newOutputStream(sourceFile))) {
                out.writeObject(source);
            }
            var text = new StringBuilder();
            for (int i : todo) {
                text.append(i).append('\n');
            }
            Files.writeString(todoFile, text);
            Process p = start(home, dir, List.of("play", sourceFile.toString(), todoFile.toString(), master, dir
                    .toString(), String.valueOf(principals)));
            read(p, "row\t", rows, progress);
            await(p, dir);
        } finally {
            Files.deleteIfExists(sourceFile);
            Files.deleteIfExists(todoFile);
        }
    }

    /**
     * Runs every draw of a forecast on {@code master}, each run's line ({@code ForecastRuns.line}) handed to
     * {@code lines}; Spark's messages go to {@code logDir/spark.log}.
     */
    static void forecast(Path home, dev.parley.scenario.wire.ForecastRuns.Source source, String master, Path logDir,
            Consumer<String> lines, IntConsumer progress) throws IOException {
        Files.createDirectories(logDir);
        Path sourceFile = Files.createTempFile(logDir, ".forecast", ".bin");
        try {
            try (var out = new ObjectOutputStream(Files.newOutputStream(sourceFile))) {
                out.writeObject(source);
            }
            Process p = start(home, logDir, List.of("forecast", sourceFile.toString(), master));
            read(p, "run\t", lines, progress);
            await(p, logDir);
        } finally {
            Files.deleteIfExists(sourceFile);
        }
    }

    /**
     * Reads the runner's stdout to its end: each line after {@code prefix} to {@code lines} (with a line break);
     * {@code played} answered on its stdin once every line before it has been handled.
     */
    private static void read(Process p, String prefix, Consumer<String> lines, IntConsumer progress)
            throws IOException {
        int done = 0;
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(prefix)) {
                    lines.accept(line.substring(prefix.length()) + "\n");
                    progress.accept(++done);
                } else if (line.equals("played")) { // every line is handled: Spark may read the folder
                    p.getOutputStream().write('\n');
                    p.getOutputStream().flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly(); // this side failed: Spark must not go on alone
            throw e;
        }
    }

    private static Process start(Path home, Path dir, List<String> args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(Files.readString(home.resolve("classes/spark-jvm-options.txt")).strip().split(
                "\\s+")));
        command.addAll(List.of("-cp", home.resolve("classes") + java.io.File.pathSeparator + Files.readString(home
                .resolve("runtime-classpath.txt")).strip(), "dev.parley.spark.SparkRunner"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("spark.log")
                .toFile())).start();
    }

    private static void await(Process p, Path dir) throws IOException {
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Spark ran", e);
        }
        if (code != 0) {
            List<String> log = Files.readAllLines(dir.resolve("spark.log"));
            String last = log.stream().filter(l -> l.contains("Exception") || l.contains("Error")).reduce((a, b) -> b)
                    .orElse(log.isEmpty() ? "" : log.get(log.size() - 1));
            throw new IllegalStateException("Spark stopped with exit code " + code + ": " + last + " (the whole log: "
                    + dir.resolve("spark.log") + ")");
        }
    }
}
