package dev.parley.bench;

import dev.parley.engine.monitor.Clause;
import dev.parley.engine.monitor.Clauses;
import dev.parley.engine.monitor.Dashboard;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.Violation;
import dev.parley.scenario.monitor.MonitorImport;
import dev.parley.server.MonitoringLog;
import dev.parley.store.AuditKey;
import dev.parley.store.Store;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 18's scale figures: importing 100,000 claims into a store (parsing the missile-attack CSV, checking each
 * against the ledger, appending in shared commits), reading them back, and the dashboard's aggregates (daily counts,
 * baselines, sides, quantities, violations, places) over 1,000,000 incidents, in memory and as read from the store.
 * On the embedded H2 database in a temporary folder, or on the database given, which keeps the logs it writes
 * (2.2 million entries): give it a database of its own, not the tests' (the store tests audit every chain there).
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.MonitorScale [JDBC-URL] [CLAIMS] [INCIDENTS]
 * </pre>
 */
public final class MonitorScale {
    private MonitorScale() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 && !args[0].equals("h2") ? args[0] : null;
        int claims = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int incidents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path data = Files.createTempDirectory("parley-monitor-scale");
        List<Clause> clauses = Clauses.of(Map.of("CF", "energy-and-sea"), Instant.parse("2025-03-18T00:00:00Z"))
                .clauses();
        try (Store store = url == null ? Store.openDefault(data) : Store.open(url, AuditKey.load(data))) {
            String csv = csv(claims);
            long t0 = System.nanoTime();
            var read = new ArrayList<dev.parley.engine.monitor.Claim>(claims);
            MonitorImport.read("claims.csv", new StringReader(csv), Optional.empty(), read::add);
            long t1 = System.nanoTime();
            var log = new MonitoringLog(store, "scale-" + Long.toHexString(System.nanoTime()));
            log.record(read);
            long t2 = System.nanoTime();
            Ledger back = log.read();
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s: import %,d claims: parse %.2f s, record %.2f s (%,.0f claims/s "
                    + "end to end); read back %.2f s%n", url == null ? "H2" : "database", claims, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, claims / ((t2 - t0) / 1e9), (t3 - t2) / 1e9);
            // a second import of the same rows adds nothing, and costs a read of the ledger and a check per row
            long t4 = System.nanoTime();
            var again = log.record(read);
            System.out.printf(Locale.ROOT, "  again: %,d new, %,d already recorded, %.2f s%n", again.added().size(),
                    again.already(), (System.nanoTime() - t4) / 1e9);
            if (back.incidents().size() != claims) {
                throw new IllegalStateException("read back " + back.incidents().size() + " incidents");
            }

            Ledger big = new Ledger();
            long b0 = System.nanoTime();
            var bigCsv = csv(incidents);
            MonitorImport.read("big.csv", new StringReader(bigCsv), Optional.empty(), big::add);
            long b1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "in memory: %,d incidents parsed and folded in %.2f s%n", incidents,
                    (b1 - b0) / 1e9);
            for (int rep = 0; rep < 3; rep++) {
                long d0 = System.nanoTime();
                Dashboard d = Dashboard.of(big.incidents(), clauses, 30);
                List<Violation> v = Violation.check(big.incidents(), clauses);
                System.out.printf(Locale.ROOT, "  dashboard + check over %,d incidents: %.2f s (%d days, %d "
                        + "violations)%n", d.incidents(), (System.nanoTime() - d0) / 1e9, d.days().size(), v.size());
            }
            var bigLog = new MonitoringLog(store, "scale-big-" + Long.toHexString(System.nanoTime()));
            long s0 = System.nanoTime();
            bigLog.record(new ArrayList<>(big.incidents().stream().map(i -> i.claims().get(0)).toList()));
            long s1 = System.nanoTime();
            Ledger loaded = bigLog.read();
            long s2 = System.nanoTime();
            Dashboard.of(loaded.incidents(), clauses, 30);
            long s3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "stored: %,d incidents recorded in %.1f s (%,.0f/s); read back %.1f s; "
                    + "dashboard %.2f s%n", incidents, (s1 - s0) / 1e9, incidents / ((s1 - s0) / 1e9),
                    (s2 - s1)
                            / 1e9,
                    (s3 - s2) / 1e9);
        }
    }

    /** {@code n} rows of the missile-attack format, one night each going back from 2025-04-16, a fifth on energy. */
    static String csv(int n) {
        var s = new StringBuilder(n * 90).append("time_start,time_end,model,target,target_main,launched,destroyed,"
                + "source\n");
        LocalDateTime end = LocalDateTime.of(2025, 4, 16, 20, 0);
        String[] places = {"Ukraine", "Kyiv oblast", "Odesa oblast", "Kharkiv oblast", "Sumy oblast"};
        for (int i = 0; i < n; i++) {
            LocalDateTime t = end.minusMinutes(7L * i);
            s.append(t.toLocalDate()).append(' ').append(String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t
                    .getMinute())).append(',').append(t.plusHours(1).toLocalDate()).append(' ').append(String.format(
                            Locale.ROOT, "%02d:%02d", t.plusHours(1).getHour(), t.getMinute()))
                    .append(i % 3 == 0
                            ? ",Kalibr,"
                            : ",Shahed-136,")
                    .append(places[i % places.length]).append(i % 5 == 0
                            ? ",energy infrastructure,"
                            : ",,")
                    .append(5 + i % 40).append(',').append(i % 5).append(",row-")
                    .append(i).append('\n');
        }
        return s.toString();
    }
}
