package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.scenario.wire.Json;
import dev.parley.server.ParleyServer;
import dev.parley.store.AuditKey;
import dev.parley.store.Store;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained moves through the HTTP API with persistence and WebSocket fan-out, on loopback only, bounded in count
 * and time: N two-person SAOP negotiations (8 unless told), one client thread each posting its seats' offers in turn
 * and waiting for each answer (a move is answered once it is committed), one WebSocket subscriber per negotiation
 * counting the messages pushed; client and server share the machine's cores.
 *
 * <p>
 * Warm-up, as JMH does, but until the JIT has settled rather than for a fixed count: rounds of 10,000 moves until
 * the compiler's time in a round is under 2% of it (at least 30,000 moves, at most 100,000 or 150 s); on two
 * cores the compiler threads still take a quarter of the machine after 30,000 moves of this stack. Then 40,000 measured
 * moves (bounded to 60 s). Reports moves per second and p50/p99 latency of the measured phase.
 *
 * <p>
 * The client is a plain HTTP/1.1 one on a kept-alive socket per negotiation, and a plain WebSocket reader, so that
 * the two cores go to the server; {@code --client jdk} uses the JDK's {@link HttpClient} and {@link WebSocket}
 * instead (as this benchmark did before), which costs about 100 µs of a core per move on the client's side.
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.ServerLoad [--negotiations N] [--client plain|jdk] [JDBC-URL]
 * </pre>
 *
 * With no JDBC URL, the store is the default embedded H2 in a temporary folder.
 */
public final class ServerLoad {
    static final int WARMUP_ROUND = 10_000;
    static final int MIN_WARMUP = 30_000;
    static final int MAX_WARMUP = 100_000;
    static final long MAX_WARMUP_NANOS = 150_000_000_000L;
    static final double SETTLED_JIT_SHARE = 0.02;
    static final int MEASURED_MOVES = 40_000;
    static final long MAX_NANOS = 60_000_000_000L;
    /** The most rounds a served negotiation may have; each round is two moves here. */
    static final int ROUNDS = 10_000;

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int negotiations = 8;
        boolean jdkClient = false;
        String url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--negotiations" -> negotiations = Integer.parseInt(args[++i]);
                case "--client" -> jdkClient = switch (args[++i]) {
                    case "jdk" -> true;
                    case "plain" -> false;
                    default -> throw new IllegalArgumentException("--client is plain or jdk, not " + args[i]);
                };
                default -> url = args[i];
            }
        }
        // Each negotiation has 2 × ROUNDS moves; the clients share the moves about evenly, so leave an eighth spare.
        int least = (int) Math.ceil((MAX_WARMUP + MEASURED_MOVES) / (2.0 * ROUNDS * 7 / 8));
        if (negotiations < least) {
            throw new IllegalArgumentException("--negotiations must be at least " + least + ", for "
                    + (MAX_WARMUP + MEASURED_MOVES) + " moves of at most " + 2 * ROUNDS + " a negotiation");
        }
        // Only warnings from the libraries (pool, migrations, Jetty): the figures are the output.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("parley-load");
        try (Store store = url != null ? Store.open(url, AuditKey.load(dir)) : Store.openDefault(dir);
                ParleyServer server = ParleyServer.start(store, "admin", "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/api";
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            Scenario s = RandomScenarios.generate(new SplittableRandom(3), RandomScenarios.Settings.of(2, 4, 5));
            String offer = Json.write(Map.of("type", "offer", "package", Outcome.of(0, 1, 2, 3).toMap(s.issues())));
            var pushed = new AtomicLong();
            var closedEarly = new AtomicLong(); // subscribers the server closed (too far behind, say)
            var seats = new ArrayList<LoadClients.Seats>();
            var subscribers = new ArrayList<AutoCloseable>();
            for (int n = 0; n < negotiations; n++) {
                String body = "{\"scenario\": " + ScenarioWriter.write(s, Format.JSON) + ", \"protocol\": \"saop\", "
                        + "\"rounds\": " + ROUNDS + "}";
                JsonNode created = jdkSend(http, base + "/negotiations", "admin", body);
                String id = created.get("id").asText();
                String[] tokens = {created.get("tokens").get("P0").asText(), created.get("tokens").get("P1")
                        .asText()};
                String path = "/api/negotiations/" + id;
                seats.add(jdkClient
                        ? new LoadClients.JdkSeats(http, base + "/negotiations/" + id + "/moves", tokens)
                        : new LoadClients.PlainSeats(server.port(), path + "/moves", tokens));
                subscribers.add(jdkClient
                        ? LoadClients.jdkSubscriber(http,
                                "ws://127.0.0.1:" + server.port() + path + "/live?token=" + tokens[0],
                                pushed, closedEarly)
                        : new LoadClients.PlainSubscriber(server.port(), path + "/live?token=" + tokens[0], pushed,
                                closedEarly));
            }
            ExecutorService pool = Executors.newFixedThreadPool(negotiations);
            var jit = ManagementFactory.getCompilationMXBean();
            int warmMoves = 0;
            long warmStart = System.nanoTime();
            Phase round;
            double jitShare;
            do {
                long jitBefore = jit.getTotalCompilationTime();
                round = phase(pool, seats, offer, WARMUP_ROUND);
                warmMoves += round.moves();
                jitShare = (jit.getTotalCompilationTime() - jitBefore) / 1e3 / round.seconds();
            } while (warmMoves < MAX_WARMUP && System.nanoTime() - warmStart < MAX_WARMUP_NANOS
                    && (warmMoves < MIN_WARMUP || jitShare > SETTLED_JIT_SHARE));
            long pushedBefore = pushed.get();
            Phase run = phase(pool, seats, offer, MEASURED_MOVES);
            pool.shutdown();
            long closed = closedEarly.get(); // before this side closes them
            for (AutoCloseable c : subscribers) {
                c.close();
            }
            for (LoadClients.Seats c : seats) {
                c.close();
            }
            System.out.printf(Locale.ROOT, "%s, %d negotiations, %s client: warm-up %d moves in %.0f s (last "
                    + "round: %s, compiler %.1f%% of it); measured %s; %d messages (batches of events) pushed over WebSocket%n",
                    url != null
                            ? "given database"
                            : "H2",
                    negotiations, jdkClient ? "JDK" : "plain", warmMoves, (System.nanoTime()
                            - warmStart) / 1e9 - run.seconds(),
                    round, 100 * jitShare, run, pushed.get()
                            - pushedBefore);
            if (closed > 0) {
                throw new IllegalStateException(closed + " of " + negotiations + " subscribers were closed by the "
                        + "server during the run: the figures are without their fan-out");
            }
        }
    }

    /** Posts offers from every negotiation's client thread until {@code limit} moves or the time bound. */
    private static Phase phase(ExecutorService pool, List<LoadClients.Seats> seats, String offer, int limit)
            throws Exception {
        var moves = new AtomicLong();
        long[][] latencies = new long[seats.size()][limit];
        int[] counts = new int[seats.size()];
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int n = 0; n < seats.size(); n++) {
            int k = n;
            futures.add(pool.submit(() -> {
                while (moves.incrementAndGet() <= limit && System.nanoTime() - start < MAX_NANOS) {
                    long t0 = System.nanoTime();
                    seats.get(k).offer(offer);
                    latencies[k][counts[k]++] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(a -> Arrays.stream(a).filter(x -> x > 0)).sorted()
                .toArray();
        return new Phase(all.length, seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    record Phase(int moves, double seconds, double p50, double p99) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d moves in %.1f s = %.0f moves/s, latency p50 %.2f ms, p99 %.2f ms",
                    moves, seconds, moves / seconds, p50, p99);
        }
    }

    private static JsonNode jdkSend(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(LoadClients.request(url, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return Json.read("response", r.body());
    }
}
