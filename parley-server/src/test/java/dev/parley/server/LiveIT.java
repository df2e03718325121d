package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live push over WebSocket: each seat gets exactly what it may see, numbered, and resumes without gaps. */
class LiveIT {
    @TempDir
    Path dir;
    Store store;
    ParleyServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = Store.openDefault(dir);
        server = ParleyServer.start(store, "admin", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    JsonNode post(String path, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return TestJson.MAPPER.readTree(r.body());
    }

    /** Collects the messages of one connection; each message is a batch of numbered events. */
    static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        /** Every message as it came, each a batch (possibly empty). */
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode batch = TestJson.MAPPER.readTree(partial.toString()).get("events");
                    messages.add(batch);
                    batch.forEach(events::add);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        /** The next {@code n} events, waiting for each up to 10 s. */
        List<JsonNode> take(int n) throws InterruptedException {
            var out = new ArrayList<JsonNode>();
            for (int i = 0; i < n; i++) {
                JsonNode e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("event %d of %d", i + 1, n).isNotNull();
                out.add(e);
            }
            return out;
        }
    }

    WebSocket connect(String id, String token, long after, Inbox inbox) {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                + "/api/negotiations/" + id + "/live?token=" + token + "&after=" + after), inbox).join();
    }

    @Test
    void eachSeat_getsWhatItMaySee_inOrder_andResumesWithoutGapsOrDuplicates() throws Exception {
        JsonNode created = post("/api/negotiations", "admin", "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"US\": \"hill-climb\", \"EUR\": \"truthful\"}}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        String ru = created.get("tokens").get("RU").asText();

        var inbox = new Inbox();
        WebSocket ws = connect(id, ua, 0, inbox);
        List<JsonNode> backlog = inbox.take(2); // the opening text and the mediator's first proposal
        assertThat(backlog).extracting(e -> e.get("type").asText()).containsExactly("text-adopted", "proposed");
        assertThat(backlog).extracting(e -> e.get("seq").asLong()).containsExactly(1L, 2L);

        post("/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}");
        post("/api/negotiations/" + id + "/moves", ru, "{\"type\": \"vote\", \"accept\": false}");
        // UA sees its own vote, not RU's nor the agents', its vote as the mediator heard it (not the others'), then
        // the outcome of the vote and the next proposal.
        List<JsonNode> round = inbox.take(4);
        assertThat(round).extracting(e -> e.get("type").asText()).containsExactly("voted", "criticised", "text-kept",
                "proposed");
        assertThat(round.get(0).get("party").asText()).isEqualTo("UA");
        assertThat(round.get(1).get("party").asText()).isEqualTo("UA");
        assertThat(round.get(1).get("accept").asBoolean()).isTrue();
        long last = round.get(3).get("seq").asLong();
        assertThat(round.get(0).get("seq").asLong()).isGreaterThan(2L);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();

        // Meanwhile UA votes again; a reconnection from the last seen number gets exactly what followed.
        post("/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": false}");
        var again = new Inbox();
        WebSocket ws2 = connect(id, ua, last, again);
        List<JsonNode> resumed = again.take(1);
        assertThat(resumed.get(0).get("type").asText()).isEqualTo("voted");
        assertThat(resumed.get(0).get("seq").asLong()).isGreaterThan(last);
        // RU's vote decides the round: UA is told its vote as heard, the result and the next proposal, and nothing
        // of the others' votes between them.
        post("/api/negotiations/" + id + "/moves", ru, "{\"type\": \"vote\", \"accept\": true}");
        List<JsonNode> next = again.take(3);
        assertThat(next).extracting(e -> e.get("type").asText()).containsExactly("criticised", "text-kept",
                "proposed");
        assertThat(next.get(0).get("party").asText()).isEqualTo("UA");
        assertThat(next.get(0).get("seq").asLong()).isGreaterThan(resumed.get(0).get("seq").asLong() + 1);
        assertThat(next.get(1).get("seq").asLong()).isGreaterThan(next.get(0).get("seq").asLong() + 1);
        assertThat(next.get(2).get("seq").asLong()).isEqualTo(next.get(1).get("seq").asLong() + 1);
        ws2.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void withinABallot_anothersVoteSendsNoMessageAtAll_notEvenAnEmptyOne() throws Exception {
        JsonNode created = post("/api/negotiations", "admin", "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"US\": \"hill-climb\", \"EUR\": \"truthful\"}}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        String ru = created.get("tokens").get("RU").asText();
        var inbox = new Inbox();
        WebSocket ws = connect(id, ru, 0, inbox);
        JsonNode backlog = inbox.messages.poll(10, TimeUnit.SECONDS);
        assertThat(backlog).isNotNull();
        assertThat(backlog.get(backlog.size() - 1).get("type").asText()).isEqualTo("proposed");
        post("/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}");
        post("/api/negotiations/" + id + "/moves", ru, "{\"type\": \"vote\", \"accept\": true}");
        // The next message RU gets is the one its own vote brought: UA's vote told it nothing, not even that it came.
        JsonNode next = inbox.messages.poll(10, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        assertThat(next.size()).as("the first message after the backlog").isPositive();
        assertThat(next.get(0).get("type").asText()).isEqualTo("voted");
        assertThat(next.get(0).get("party").asText()).isEqualTo("RU");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aConnectionFromAnotherOrigin_isClosedWith4403_evenWithAGoodToken() throws Exception {
        JsonNode created = post("/api/negotiations", "admin", "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"US\": \"hill-climb\"}}");
        var inbox = new Inbox();
        http.newWebSocketBuilder().header("Origin", "http://evil.example").buildAsync(URI.create("ws://127.0.0.1:"
                + server.port() + "/api/negotiations/" + created.get("id").asText() + "/live?token=" + created.get(
                        "tokens").get("UA").asText()),
                inbox).join();
        assertThat(inbox.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        assertThat(inbox.events).isEmpty();
    }

    @Test
    void aWrongToken_isClosedWith4403() throws Exception {
        JsonNode created = post("/api/negotiations", "admin", "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"US\": \"hill-climb\"}}");
        var inbox = new Inbox();
        connect(created.get("id").asText(), "nope", 0, inbox);
        assertThat(inbox.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        assertThat(inbox.events).isEmpty();
    }
}
