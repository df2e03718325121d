package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Scenario;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free loopback port with an H2 file store (or the store a subclass opens), and a client. */
abstract class HttpHarness {
    static final String ADMIN = "admin-secret";
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();

    /** What the server logged during the test, printed only when the test fails. */
    final ServerLog log = new ServerLog();

    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher printLogOnFailure = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            log.print(context.getDisplayName());
        }
    };

    @TempDir
    Path dir;
    Store store;
    ParleyServer server;
    final HttpClient http = HttpClient.newHttpClient();

    record Reply(int status, JsonNode body) {
    }

    /** The store under test: an H2 file in a fresh folder. */
    Store openStore() {
        return Store.openDefault(dir);
    }

    /** The server's limits: the defaults, unless a test class needs tighter ones. */
    Limits limits() {
        return Limits.DEFAULTS;
    }

    @BeforeEach
    void start() {
        log.attach();
        store = openStore();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0, limits());
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the database was not there and the test was skipped
            server.close();
        }
        if (store != null) {
            store.close();
        }
        log.detach();
    }

    Reply call(String method, String path, String token, String body) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : TestJson.MAPPER.readTree(r.body()));
    }

    /** The default talks with a person in Ukraine's seat and agents in every other. */
    JsonNode createForUkraine() throws IOException, InterruptedException {
        return create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"US\": \"hill-climb\", \"RU\": "
                + "\"truthful\", \"EUR\": \"truthful\"}}");
    }

    JsonNode create(String body) throws IOException, InterruptedException {
        Reply r = call("POST", "/api/negotiations", ADMIN, body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body();
    }

    /** The default talks in single-text with a person as the mediator and agents (their profiles shared) elsewhere. */
    static final String AGENTS_BESIDE_THE_MEDIATOR = "\"scenario\": \"ceasefire-2025\", \"protocol\": "
            + "\"single-text\", \"agents\": {\"UA\": \"truthful\", \"RU\": \"truthful\", \"EUR\": \"truthful\"}, "
            + "\"shared\": [\"UA\", \"RU\", \"EUR\"]";

    /**
     * The mediator of {@link #AGENTS_BESIDE_THE_MEDIATOR}'s talks proposes the zone's Nash package, votes for it, calls
     * the final vote and ratifies: the agents accept it, and the talks end in that agreement. Returns the package.
     */
    JsonNode playToTheNash(String id, String mediator) throws IOException, InterruptedException {
        String n = "/api/negotiations/" + id;
        JsonNode nash = call("GET", n + "/zone", mediator, null).body().get("solutions").get("nash").get("outcome");
        for (String move : new String[]{"{\"type\": \"propose\", \"text\": " + nash + "}",
                "{\"type\": \"vote\", \"accept\": true}", "{\"type\": \"end\"}",
                "{\"type\": \"vote\", \"accept\": true}"}) {
            Reply r = call("POST", n + "/moves", mediator, move);
            assertThat(r.status()).as(move + ": " + r.body()).isEqualTo(200);
        }
        assertThat(call("GET", n, mediator, null).body().get("agreement")).isEqualTo(nash);
        return nash;
    }

    /** UA's and RU's delegations share their profiles from their seats, in the talks {@code created} answered. */
    void shareTheDelegations(JsonNode created) throws IOException, InterruptedException {
        for (String party : new String[]{"UA", "RU"}) {
            Reply shared = call("POST", "/api/negotiations/" + created.get("id").asText() + "/share", created.get(
                    "tokens").get(party).asText(), "{}");
            assertThat(shared.status()).as(String.valueOf(shared.body())).isEqualTo(200);
        }
    }
}
