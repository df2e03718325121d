package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /openapi.json}, served by a real server, describes exactly the routes it serves. */
class OpenApiIT {
    @TempDir
    Path dir;

    @Test
    void everyRoute_isDescribed_andNothingElse() throws Exception {
        try (Store store = Store.openDefault(dir);
                ParleyServer server = ParleyServer.start(store, "a", "127.0.0.1",
                        0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = TestJson.MAPPER.readTree(r.body());
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            Set<String> described = new HashSet<>();
            doc.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                }
            }));
            Set<String> served = new HashSet<>();
            server.routes().forEach(route -> served.add(route.method() + " " + route.path()));
            served.add("GET /api/negotiations/{id}/live"); // the WebSocket, served apart
            served.add("GET /api/negotiations/{id}/monitoring/live"); // the monitoring WebSocket, served apart
            assertThat(described).isEqualTo(served);
        }
    }
}
