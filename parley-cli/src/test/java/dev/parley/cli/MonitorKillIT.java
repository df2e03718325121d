package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Incident;
import dev.parley.server.MonitoringLog;
import dev.parley.store.AuditKey;
import dev.parley.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley monitor import} as a real process, SIGKILLed while it records a large file: every claim it said was
 * committed (its {@code --progress-log} lines) is in the store, what is there is a prefix of the file, the chain is
 * intact, and importing again completes the file without a claim twice. On H2 here, on PostgreSQL in
 * {@link MonitorKillPostgresIT}.
 */
class MonitorKillIT {
    static final int ROWS = 60_000;

    @TempDir
    Path tmp;

    /** The store options of the child and of the test's own look at the store. */
    List<String> storeArgs() {
        return List.of();
    }

    Store open(Path data) {
        return storeArgs().isEmpty()
                ? Store.open(Store.defaultUrl(data), AuditKey.existing(data))
                : Store.open(storeArgs().get(1), AuditKey.existing(data));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigkillWhileRecording_losesNothingAcknowledged_andAReimportCompletes() throws Exception {
        Path small = tmp.resolve("small.csv");
        Path big = tmp.resolve("big.csv");
        Files.writeString(small, rows(0, 50));
        Files.writeString(big, rows(50, ROWS));
        Path data = tmp.resolve("data");
        String log = "kill-" + Long.toHexString(System.nanoTime());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/parley.jar")
                .toAbsolutePath().toString(), "monitor", "import", small.toString(), big.toString(), "--data",
                data
                        .toString(),
                "--log", log, "--progress-log"));
        command.addAll(storeArgs());
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        boolean smallDone = false;
        try (var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.endsWith("of " + small)) {
                    smallDone = true;
                } else if (line.endsWith("of " + big)) {
                    acknowledged = Integer.parseInt(line.split(" ")[1]);
                    if (acknowledged >= 3_000) {
                        break;
                    }
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(smallDone).as("the small file was recorded first").isTrue();
        assertThat(acknowledged).as("the process said it committed claims of the big file").isGreaterThanOrEqualTo(
                3_000);

        List<String> expected = new ArrayList<>();
        MonitorImportIds.read(small, expected);
        MonitorImportIds.read(big, expected);
        try (Store store = open(data)) {
            var ledger = new MonitoringLog(store, log).read();
            List<String> stored = ledger.incidents().stream().map(Incident::claims).flatMap(List::stream).map(
                    Claim::id).toList();
            assertThat(stored.size()).as("every acknowledged claim is there").isGreaterThanOrEqualTo(50
                    + acknowledged);
            assertThat(stored.size()).as("killed before the end").isLessThan(ROWS);
            assertThat(stored).as("a prefix of the files, in order").isEqualTo(expected.subList(0, stored.size()));
            assertThat(store.audit("monitor-" + log).intact()).isTrue();
        }
        var again = new ArrayList<>(List.of("monitor", "import", small.toString(), big.toString(), "--data", data
                .toString(), "--log", log));
        again.addAll(storeArgs());
        Cli c = Cli.run(again.toArray(String[]::new));
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("50 rows, 0 new claims, 50 already recorded");
        try (Store store = open(data)) {
            var ledger = new MonitoringLog(store, log).read();
            assertThat(ledger.incidents().stream().mapToInt(i -> i.claims().size()).sum()).isEqualTo(ROWS);
            assertThat(ledger.incidents().stream().map(Incident::claims).flatMap(List::stream).map(Claim::id).toList())
                    .isEqualTo(expected);
            // counted in the log itself, not through the fold (which would read a claim stored twice once)
            assertThat(store.log("monitor-" + log, 0).stream().filter(e -> e.kind().equals("claim")).count())
                    .as("no claim stored twice").isEqualTo(ROWS);
            assertThat(store.audit("monitor-" + log).intact()).isTrue();
        }
    }

    /** Rows {@code from} to {@code to} of a missile-attack file, each a different night. */
    static String rows(int from, int to) {
        var s = new StringBuilder("time_start,time_end,model,target,launched,destroyed,source\n");
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (int i = from; i < to; i++) {
            LocalDate d = day.plusDays(i);
            s.append(d).append(" 20:00,").append(d.plusDays(1)).append(" 06:00,Shahed-136,Ukraine,").append(10 + i % 50)
                    .append(',').append(i % 10).append(",row-").append(i).append('\n');
        }
        return s.toString();
    }

    /** The claim ids a file gives, in order, read with the importer itself in this process. */
    static final class MonitorImportIds {
        static void read(Path file, List<String> ids) throws Exception {
            try (var in = Files.newBufferedReader(file)) {
                dev.parley.scenario.monitor.MonitorImport.read(file.toString(), in, java.util.Optional.empty(),
                        c -> ids.add(c.id()));
            }
        }
    }
}
