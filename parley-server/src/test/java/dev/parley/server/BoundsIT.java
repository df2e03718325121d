package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every request and every negotiation bounded: each limit reached is refused with a clear error and leaves the
 * store as it was. The server runs with tight limits so that each is reached in a few requests.
 */
class BoundsIT extends HttpHarness {
    @Override
    Limits limits() {
        return Limits.DEFAULTS.withMaxPublicPerMinute(3).withMaxRefusedPerMinute(3);
    }

    @Test
    void aDeadlineOf2000000000Rounds_orPastTheServersLimit_isRefused_andNothingIsStored() throws Exception {
        int before = store.negotiations().size();
        Reply huge = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"rounds\": "
                + "2000000000, \"agents\": {\"US\": \"hill-climb\", \"UA\": \"truthful\", \"RU\": \"truthful\", "
                + "\"EUR\": \"truthful\"}}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("field").asText()).isEqualTo("rounds");
        Reply past = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"rounds\": "
                + "20000}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("error").asText()).isEqualTo("rounds: 20000 is more than the 10000 a served "
                + "negotiation may have");
        assertThat(store.negotiations()).hasSize(before);
    }

    @Test
    void thePublicValidateRoute_isRateLimitedPerAddress() throws Exception {
        String body = "{\"upload\": {\"file\": \"t.json\", \"text\": " + TestJson.MAPPER.writeValueAsString(
                dev.parley.scenario.ScenarioWriter.write(S, dev.parley.scenario.Format.JSON)) + "}}";
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/api/validate", null, body).status()).isEqualTo(200);
        }
        HttpResponse<String> fourth = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server
                .port() + "/api/validate")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).contains("60");
        assertThat(TestJson.MAPPER.readTree(fourth.body()).get("error").asText()).isEqualTo("validate: at most 3 "
                + "requests a minute from one address; try again later");
    }

    @Test
    void refusedMoves_areKeptInTheLog_andASeatThatKeepsProbingIsSlowedDown() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"shuttle\"}");
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        JsonNode opening = call("GET", "/api/negotiations/" + id, us, null).body().get("opening");
        String leak = "{\"type\": \"present\", \"to\": \"UA\", \"package\": " + opening + ", \"relay\": {\"original\": "
                + "1, \"verbatim\": false, \"text\": \"They would settle for 0.%d\"}}";
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/api/negotiations/" + id + "/moves", us, leak.formatted(40 + i)).status())
                    .isIn(409, 422);
        }
        Reply slowed = call("POST", "/api/negotiations/" + id + "/moves", us, leak.formatted(50));
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.body().get("error").asText()).isEqualTo("3 moves of this seat were refused in the last "
                + "minute: wait before the next");
        assertThat(store.log(id, 0)).filteredOn(e -> e.kind().equals("refused")).hasSize(3).allSatisfy(e -> assertThat(
                e.party()).contains("US"));
        assertThat(store.audit(id).intact()).isTrue();
        // The refused entries are not moves: the negotiation rebuilds as it was.
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0, limits());
        assertThat(call("GET", "/api/negotiations/" + id, us, null).body().get("opening")).isEqualTo(opening);
    }

    @Test
    void aPartyMayChangeItsProfileOnlySoOften() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        var got = (com.fasterxml.jackson.databind.node.ObjectNode) call("GET", "/api/negotiations/" + id + "/profile",
                ua, null).body();
        got.remove(java.util.List.of("party", "editable"));
        String profile = got.toString();
        for (int i = 0; i < Limits.DEFAULTS.maxProfileEdits(); i++) {
            Reply edited = call("POST", "/api/negotiations/" + id + "/profile", ua, profile);
            assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
        }
        Reply more = call("POST", "/api/negotiations/" + id + "/profile", ua, profile);
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.body().get("error").asText()).isEqualTo("this seat has changed its profile 20 times, the most "
                + "allowed");
    }

    @Test
    void anotherOriginsRequests_areRefused_andNoPageMayFrameTheConsole() throws Exception {
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/negotiations")).header("Origin", "http://evil.example").header("Authorization", "Bearer "
                        + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"ceasefire-2025\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("requests from another origin (http://evil.example) are refused");
        assertThat(foreign.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/health")).header("Origin", "http://127.0.0.1:" + server.port()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains(
                "frame-ancestors 'none'");
    }

    /**
     * Two principals who care about one issue and 29 issues nobody weighs: their frontier holds 2 · 2^29 tied
     * packages. Validating it only validates; zeuthen, which would list that frontier, is refused before anything
     * is stored, instead of running out of memory.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPathologicalScenario_validates_butZeuthenOnItIsRefusedBeforeAnythingIsStored() throws Exception {
        var yaml = new StringBuilder("format: parley/1\nid: ties\ntitle: Ties\nparties:\n  - {id: A, role: "
                + "principal}\n  - {id: B, role: principal}\nissues:\n");
        for (int i = 0; i < 30; i++) {
            yaml.append("  - {id: I").append(i).append(", options: [x, y]}\n");
        }
        String zeros = java.util.stream.IntStream.range(1, 30).mapToObj(i -> ", I" + i + ": 0")
                .collect(java.util.stream.Collectors.joining());
        yaml.append("profiles:\n  A: {reservation: 0, weights: {I0: 1" + zeros + "}, values: {I0: [1, 0]}}\n"
                + "  B: {reservation: 0, weights: {I0: 1" + zeros + "}, values: {I0: [0, 1]}}\n");
        String upload = "{\"file\": \"ties.yaml\", \"text\": " + TestJson.MAPPER.writeValueAsString(yaml.toString())
                + "}";
        Reply valid = call("POST", "/api/validate", null, "{\"upload\": " + upload + "}");
        assertThat(valid.status()).as(String.valueOf(valid.body())).isEqualTo(200);
        int before = store.negotiations().size();
        Reply zeuthen = call("POST", "/api/negotiations", ADMIN, "{\"upload\": " + upload + ", \"protocol\": "
                + "\"zeuthen\"}");
        assertThat(zeuthen.status()).as(String.valueOf(zeuthen.body())).isEqualTo(400);
        assertThat(zeuthen.body().get("error").asText()).isEqualTo("zeuthen cannot run here: it concedes along A's "
                + "and B's frontier, which holds 1073741824 packages, more than 100000");
        assertThat(store.negotiations()).hasSize(before);
    }

    @Test
    void anOrganisersShare_lapsesWhenTheSeatGoesToAPerson_evenAfterARestart() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"EUR\": \"truthful\"}, "
                + "\"shared\": [\"EUR\"]}");
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        for (String party : java.util.List.of("UA", "RU")) {
            call("POST", "/api/negotiations/" + id + "/share", created.get("tokens").get(party).asText(), "{}");
        }
        assertThat(call("GET", "/api/negotiations/" + id + "/analysis", us, null).status()).isEqualTo(200);
        Reply most = call("GET", "/api/negotiations/" + id + "/analysis?limit=10000", us, null);
        assertThat(most.status()).isEqualTo(200);
        JsonNode frontier = most.body().get("frontier");
        assertThat(frontier.get("size").asLong()).isBetween(1L, 10_000L);
        assertThat(frontier.get("shown").asLong()).isEqualTo(frontier.get("size").asLong());
        Reply over = call("GET", "/api/negotiations/" + id + "/analysis?limit=10001", us, null);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body().get("error").asText()).isEqualTo("limit must be 0 to 10000, not 10001");
        assertThat(over.body().get("field").asText()).isEqualTo("limit");
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/EUR", ADMIN, "{}").status()).isEqualTo(200);
        String missing = "the analysis needs every profile: EUR has not shared theirs with the mediator";
        assertThat(call("GET", "/api/negotiations/" + id + "/analysis", us, null).body().get("error").asText())
                .isEqualTo(missing);
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0, limits());
        assertThat(call("GET", "/api/negotiations/" + id + "/analysis", us, null).body().get("error").asText())
                .isEqualTo(missing);
        assertThat(store.audit(id).intact()).isTrue();
    }
}
