package dev.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The workload the build trains the JDK's start-up cache on (issue 20): the commands people start most, run one after
 * the other in one process, their output thrown away. {@code .mvn/startup-cache.sh} runs it after the runnable jar is
 * packaged, under the JDK the launcher will use, so that the cache holds the classes these commands load (linked, on
 * JDK 25+ with their method profiles too). Not for users: it is not a command.
 *
 * <pre>
 * java -XX:AOTCacheOutput=target/parley.aot -cp target/parley.jar dev.parley.cli.StartupTraining DIR
 * </pre>
 */
public final class StartupTraining {
    /**
     * The command lines trained on; {@code OUT} stands for the caller's folder, which holds the default scenario's
     * file.
     */
    static final List<List<String>> COMMANDS = List.of(List.of("--version"), List.of("--help"), List.of("scenarios"),
            List.of("show"), List.of("validate", "OUT/ceasefire-2025.yaml"), List.of("analyze"), List.of("analyze",
                    "--format", "json"),
            List.of("analyze", "--package",
                    "CF=full-30d,KU=surrender,TR=no-recognition,MO=ukraine-halts,AID=permanent-halt,PK=none,"
                            + "SG=binding-us-europe,NATO=neutrality,SAN=phased-with-snapback"),
            List.of("run"), List.of("run", "--format", "json"), List.of("run", "--protocol", "shuttle"), List.of(
                    "run", "--out", "OUT/run"));

    private StartupTraining() {
    }

    /**
     * Runs every command of {@link #COMMANDS}; fails (the JVM exits 1) naming the first that does not succeed, so a
     * broken command fails the build instead of training a cache on an error path.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StartupTraining DIR (a folder for the commands' files)");
        }
        Main.quietLibraries(); // as every command starts
        Path out = Files.createDirectories(Path.of(args[0]));
        String id = dev.parley.scenario.BuiltinScenarios.DEFAULT;
        Files.writeString(out.resolve(id + ".yaml"), dev.parley.scenario.BuiltinScenarios.source(id).orElseThrow());
        for (List<String> command : COMMANDS) {
            String[] argv = command.stream().map(a -> a.replace("OUT", out.toString())).toArray(
                    String[]::new);
            var err = new java.io.StringWriter();
            int code;
            try (var sink = new PrintWriter(Writer.nullWriter()); var errors = new PrintWriter(err)) {
                code = ParleyCommand.commandLine(sink, errors, argv).execute(argv);
            }
            if (code != ExitCodes.OK) {
                throw new IllegalStateException("start-up training: parley " + String.join(" ", argv) + " exited "
                        + code + ": " + err);
            }
        }
    }
}
