package dev.parley.cli;

import dev.parley.scenario.wire.Csv;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.wire.ForecastJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * {@code samples.csv}, written as the runs finish, in run order (a run that finishes early waits, in memory,
 * for those before it: a few rows, unless one draw takes far longer than the others), to a temporary file moved
 * into place once every run is in. Thread-safe.
 */
final class SamplesCsv {
    static final String HEADER = "run,zone_empty,agreed,rounds,nash_share,deal,nash,blocking\n";
    private final Path file;
    private final Path tmp;
    private final Scenario s;
    private final java.io.BufferedWriter writer;
    private final java.util.TreeMap<Integer, String> waiting = new java.util.TreeMap<>();
    /** Removes the temporary file when the process is stopped before the forecast is done. */
    private final Thread cleanUp;
    private int next;
    private boolean committed;

    SamplesCsv(Path file, Scenario s) throws IOException {
        this.file = file;
        this.s = s;
        this.tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".parley", ".tmp");
        java.io.BufferedWriter w = null;
        try {
            w = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8);
            w.write(HEADER);
        } catch (IOException e) {
            if (w != null) {
                w.close();
            }
            Files.deleteIfExists(tmp);
            throw e;
        }
        this.writer = w;
        Path leftover = tmp;
        this.cleanUp = new Thread(() -> {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException ignored) {
                // the process is going; nothing else to do
            }
        }, "parley-samples-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp); // Ctrl-C: no temporary file left behind
    }

    private void dropCleanUp() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException going) {
            // the process is already shutting down: the hook runs, and finds nothing or the temporary file
        }
    }

    synchronized void add(Forecast.Run r) {
        waiting.put(r.index(), row(s, r));
        try {
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                writer.write(waiting.pollFirstEntry().getValue());
                next++;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    synchronized void commit() throws IOException {
        writer.close();
        if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rw-r--r--"));
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        dropCleanUp();
    }

    /**
     * Removes the temporary file of a forecast that did not finish; nothing once committed. Best effort, and
     * quiet: it runs on the way out of a failure, which it must not hide.
     */
    synchronized void abandon() {
        if (!committed) {
            dropCleanUp();
            try {
                writer.close();
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the failure on its way out says what went wrong; a stray temporary file is all that is left
            }
        }
    }

    /** One draw's row: what it drew, how the talks ended, its fair package and what blocked its zone. */
    static String row(Scenario s, Forecast.Run r) {
        return r.index() + "," + r.zoneEmpty() + "," + r.agreed() + "," + r.rounds() + ","
                + ForecastJson.round(r.nashShare())
                + "," + r.deal().map(d -> pkg(s, d)).orElse("") + "," + r.nash().map(d -> pkg(s, d)).orElse("") + ","
                + Csv.field(String.join("; ", r.blocking())) + "\n";
    }

    private static String pkg(Scenario s, Outcome o) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < s.issues().size(); i++) {
            parts.add(s.issues().get(i).id() + "=" + s.issues().get(i).option(o.option(i)).id());
        }
        return String.join(";", parts);
    }
}
