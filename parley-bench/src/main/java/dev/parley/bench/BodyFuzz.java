package dev.parley.bench;

import dev.parley.server.BodyFuzzer;
import dev.parley.server.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The long fuzz run of the request bodies: {@code java -cp parley-bench/target/benchmarks.jar
 * dev.parley.bench.BodyFuzz [PER_BODY]} starts a server on loopback with an H2 store in a temporary folder and sends
 * PER_BODY mutants (default 3,100, so 102,300 in all) of each of 11 bodies in 3 protocols ({@link BodyFuzzer}). Prints
 * how many were refused and accepted, the refusals per body, the slowest answer and the first bodies answered badly;
 * exits 1 when any was, when a body's decoder was never reached, or when an answer took over a second.
 */
public final class BodyFuzz {
    private BodyFuzz() {
    }

    public static void main(String[] args) throws Exception {
        int perBody = args.length > 0 ? Integer.parseInt(args[0]) : 3_100;
        Path dir = Files.createTempDirectory("parley-body-fuzz");
        Limits open = Limits.DEFAULTS.withMaxPublicPerMinute(Integer.MAX_VALUE).withMaxRefusedPerMinute(
                Integer.MAX_VALUE);
        BodyFuzzer.Result r;
        long t = System.nanoTime();
        try (Store store = Store.openDefault(dir);
                ParleyServer server = ParleyServer.start(store, "admin", "127.0.0.1", 0, open)) {
            r = new BodyFuzzer("http://127.0.0.1:" + server.port(), "admin").run(perBody);
        }
        System.out.printf("bodies: %,d mutants in %.0f s: %,d refused (400), %,d accepted, %,d answered badly; "
                + "slowest answer %.1f ms%n", r.sent(), (System.nanoTime() - t) / 1e9, r.refused(), r.accepted(),
                r.failures().size(), r.slowestNanos() / 1e6);
        r.refusedBy().forEach((body, n) -> System.out.printf("  %s: %,d refused%n", body, n));
        r.failures().stream().limit(20).forEach(f -> System.out.println("  " + f));
        boolean unreached = r.refusedBy().values().stream().anyMatch(n -> n == 0);
        System.exit(r.failures().isEmpty() && !unreached && r.slowestNanos() <= 1_000_000_000L ? 0 : 1);
    }
}
