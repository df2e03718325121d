package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.Format;
import dev.parley.scenario.wire.Json;
import dev.parley.scenario.ScenarioWriter;
import dev.parley.server.ParleyServer;
import dev.parley.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained moves through the HTTP API with persistence and WebSocket fan-out, on loopback only, bounded in count
 * and time: 8 two-person SAOP negotiations, one client thread each posting its seats' offers in turn, one WebSocket
 * subscriber per negotiation; client and server share the machine's cores. A warm-up of 30,000 moves (until the JIT
 * has compiled the server's paths its threads take much of two cores), then 40,000 measured moves, each phase bounded
 * to 60 s. Reports moves per second and p50/p99 latency of the measured phase; target on 2 cores with H2: 2,000 moves/s,
 * p99 20 ms.
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.ServerLoad [JDBC-URL]   # default: H2 in a temp dir
 * </pre>
 */
public final class ServerLoad {
    static final int NEGOTIATIONS = 8;
    static final int WARMUP_MOVES = 30_000;
    static final int MAX_MOVES = 40_000;
    static final long MAX_NANOS = 60_000_000_000L;

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        // Only warnings from the libraries (pool, migrations, Jetty): the figures are the output.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("parley-load");
        try (Store store = args.length > 0
                ? Store.open(args[0], dev.parley.store.AuditKey.load(dir))
                : Store.openDefault(dir);
                ParleyServer server = ParleyServer.start(store, "admin", "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/api";
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            Scenario s = RandomScenarios.generate(new SplittableRandom(3), RandomScenarios.Settings.of(2, 4, 5));
            String offer = Json.write(java.util.Map.of("type", "offer", "package", Outcome.of(0, 1, 2, 3).toMap(s
                    .issues())));
            var pushed = new AtomicLong();
            var ids = new ArrayList<String>();
            var tokens = new ArrayList<String[]>();
            var sockets = new ArrayList<WebSocket>();
            for (int n = 0; n < NEGOTIATIONS; n++) {
                String body = "{\"scenario\": " + ScenarioWriter.write(s, Format.JSON) + ", \"protocol\": \"saop\", "
                        + "\"rounds\": 10000}";
                JsonNode created = send(http, "POST", base + "/negotiations", "admin", body);
                ids.add(created.get("id").asText());
                tokens.add(new String[]{created.get("tokens").get("P0").asText(),
                        created.get("tokens").get("P1").asText()});
                sockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                        + "/api/negotiations/" + ids.get(n) + "/live?token=" + tokens.get(n)[0]), new Counter(pushed))
                        .join());
            }
            ExecutorService pool = Executors.newFixedThreadPool(NEGOTIATIONS);
            int[] turns = new int[NEGOTIATIONS];
            // Warm-up, as JMH does: until the JIT has compiled the server's paths, the compiler threads take most
            // of the two cores; the measured phase is the sustained rate after.
            Phase warm = phase(pool, http, base, ids, tokens, turns, offer, WARMUP_MOVES);
            long pushedBefore = pushed.get();
            Phase run = phase(pool, http, base, ids, tokens, turns, offer, MAX_MOVES);
            pool.shutdown();
            sockets.forEach(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "done").join());
            System.out.printf(Locale.ROOT, "%s: warm-up %s; measured %s; %d events pushed over WebSocket%n",
                    args.length > 0 ? "given database" : "H2", warm, run, pushed.get() - pushedBefore);
        }
    }

    /** Posts offers from every negotiation's client thread until {@code limit} moves or the time bound. */
    private static Phase phase(ExecutorService pool, HttpClient http, String base, List<String> ids,
            List<String[]> tokens, int[] turns, String offer, int limit) throws Exception {
        var moves = new AtomicLong();
        long[][] latencies = new long[NEGOTIATIONS][limit];
        int[] counts = new int[NEGOTIATIONS];
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int n = 0; n < NEGOTIATIONS; n++) {
            int k = n;
            futures.add(pool.submit(() -> {
                while (moves.incrementAndGet() <= limit && System.nanoTime() - start < MAX_NANOS) {
                    long t0 = System.nanoTime();
                    send(http, "POST", base + "/negotiations/" + ids.get(k) + "/moves", tokens.get(k)[turns[k]], offer);
                    latencies[k][counts[k]++] = System.nanoTime() - t0;
                    turns[k] = 1 - turns[k]; // the seats of a SAOP negotiation take turns
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

    private static JsonNode send(HttpClient http, String method, String url, String token, String body)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                + token).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return Json.read("response", r.body());
    }

    /** Counts the events pushed to one subscriber. */
    private record Counter(AtomicLong pushed) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) {
                pushed.incrementAndGet();
            }
            ws.request(1);
            return null;
        }
    }
}
