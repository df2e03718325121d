package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Who sees and does what in a negotiation's monitoring, over real HTTP: seats read claims and final assessments but
 * never drafts, and claim only as their own party; monitors read drafts and assess under their own name; a monitor's
 * token stops working when the organiser issues a new one; a negotiation's tokens open nothing in another's.
 */
class MonitorApiIT extends HttpHarness {
    static final String FACTS = "{\"occurredFrom\": \"2025-03-19T02:00:00Z\", \"occurredTo\": \"2025-03-19T04:00:00Z\", "
            + "\"timePrecision\": \"hour\", \"incidentType\": \"missile\", \"targetCategory\": \"energy\", "
            + "\"perpetrator\": \"%s\"}";

    @Test
    void seatsClaimAsThemselves_monitorsAssess_andDraftsStayWithTheMonitors() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String m = "/api/negotiations/" + created.get("id").asText() + "/monitoring";
        String ua = created.get("tokens").get("UA").asText();
        String ru = created.get("tokens").get("RU").asText();
        Reply uaClaim = call("POST", m + "/claims", ua, "{\"incident\": \"kr-19\", \"facts\": " + FACTS.formatted("RU")
                + "}");
        assertThat(uaClaim.status()).as(uaClaim.body().toString()).isEqualTo(201);
        assertThat(uaClaim.body().path("entry").path("claimant").asText()).isEqualTo("UA");
        Reply ruClaim = call("POST", m + "/claims", ru, "{\"incident\": \"kr-19\", \"channel\": \"Ministry of "
                + "Defence\", \"facts\": " + FACTS.formatted("UA") + "}");
        assertThat(ruClaim.status()).isEqualTo(201);
        assertThat(call("POST", m + "/claims", ua, "{\"incident\": \"kr-19\", \"claimant\": \"RU\", \"facts\": "
                + FACTS.formatted("UA") + "}").status()).as("a seat cannot claim for another party").isEqualTo(403);

        assertThat(call("POST", m + "/observations", ua, "{\"incident\": \"kr-19\", \"seen\": \"x\"}").status()).as(
                "a seat is no monitor").isEqualTo(403);
        String osce = call("POST", m + "/monitors", ADMIN, "{\"name\": \"osce\"}").body().get("token").asText();
        assertThat(call("POST", m + "/monitors", osce, "{\"name\": \"other\"}").status()).isEqualTo(403);
        assertThat(call("POST", m + "/observations", osce, "{\"incident\": \"kr-19\", \"seen\": \"a fire at the "
                + "substation\"}").status()).isEqualTo(201);
        Reply asOther = call("POST", m + "/assessments", osce, "{\"incident\": \"kr-19\", \"aspect\": \"occurrence\", "
                + "\"status\": \"verified\", \"reason\": \"seen\", \"assessor\": \"someone-else\"}");
        assertThat(asOther.status()).as("a monitor assesses under its own name").isEqualTo(403);
        assertThat(call("POST", m + "/assessments", osce, "{\"incident\": \"kr-19\", \"aspect\": \"occurrence\", "
                + "\"status\": \"verified\", \"reason\": \"seen by the team\"}").status()).isEqualTo(201);
        assertThat(call("POST", m + "/assessments", osce, "{\"incident\": \"kr-19\", \"aspect\": \"attribution\", "
                + "\"status\": \"corroborated\", \"party\": \"RU\", \"reason\": \"still weighing\", \"draft\": true}")
                .status()).isEqualTo(201);

        JsonNode seen = call("GET", m + "/incidents/kr-19", ru, null).body();
        assertThat(seen.path("claimList")).hasSize(2);
        assertThat(seen.path("strikeStatus").asText()).isEqualTo("contested");
        assertThat(seen.path("occurrence").asText()).isEqualTo("verified");
        assertThat(seen.path("assessments")).as("a seat sees the final assessment only").hasSize(1);
        assertThat(seen.toString()).doesNotContain("still weighing");
        JsonNode monitors = call("GET", m + "/incidents/kr-19", osce, null).body();
        assertThat(monitors.path("assessments")).hasSize(2);
        assertThat(monitors.path("assessments").get(1).path("assessor").asText()).isEqualTo("osce");
        assertThat(monitors.path("attribution").asText()).as("a draft changes no status").isEqualTo("reported");
    }

    @Test
    void aReissuedMonitorToken_endsTheOldOne_andTokensOpenNothingInAnotherNegotiation() throws Exception {
        JsonNode a = create("{\"scenario\": \"ceasefire-2025\"}");
        JsonNode b = create("{\"scenario\": \"ceasefire-2025\"}");
        String ma = "/api/negotiations/" + a.get("id").asText() + "/monitoring";
        String mb = "/api/negotiations/" + b.get("id").asText() + "/monitoring";
        String first = call("POST", ma + "/monitors", ADMIN, "{\"name\": \"osce\"}").body().get("token").asText();
        assertThat(call("GET", ma + "/dashboard", first, null).status()).isEqualTo(200);
        String second = call("POST", ma + "/monitors", ADMIN, "{\"name\": \"osce\"}").body().get("token").asText();
        assertThat(call("GET", ma + "/dashboard", first, null).status()).as("the old token").isEqualTo(403);
        assertThat(call("GET", ma + "/dashboard", second, null).status()).isEqualTo(200);
        assertThat(call("GET", mb + "/dashboard", second, null).status()).as("A's monitor in B").isEqualTo(403);
        assertThat(call("GET", mb + "/incidents", a.get("tokens").get("UA").asText(), null).status()).as(
                "A's seat in B").isEqualTo(403);
        assertThat(call("POST", mb + "/clauses", b.get("tokens").get("US").asText(), "{\"package\": {\"CF\": "
                + "\"full-30d\"}, \"from\": \"2025-03-18T00:00:00Z\"}").status()).as("even the mediator's seat")
                .isEqualTo(403);
        Reply set = call("POST", mb + "/clauses", ADMIN, "{\"package\": {\"CF\": \"full-30d\"}, \"from\": "
                + "\"2025-03-18T00:00:00Z\"}");
        assertThat(set.status()).isEqualTo(201);
        JsonNode dashboard = call("GET", mb + "/dashboard", b.get("tokens").get("UA").asText(), null).body();
        assertThat(dashboard.path("clauses").get(0).path("id").asText()).isEqualTo("full-30d");
        for (JsonNode n : new JsonNode[]{a, b}) {
            assertThat(store.audit("monitor-n-" + n.get("id").asText()).intact()).isTrue();
        }
    }

    @Test
    void theLiveSocket_tellsASeatOfEntries_butNeverOfADraft() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String id = created.get("id").asText();
        String m = "/api/negotiations/" + id + "/monitoring";
        String ua = created.get("tokens").get("UA").asText();
        assertThat(call("POST", m + "/claims", ua, "{\"incident\": \"i\", \"facts\": " + FACTS.formatted("RU") + "}")
                .status()).isEqualTo(201);
        String osce = call("POST", m + "/monitors", ADMIN, "{\"name\": \"osce\"}").body().get("token").asText();
        var heard = new java.util.concurrent.LinkedBlockingQueue<String>();
        var opened = new java.util.concurrent.CompletableFuture<Void>();
        java.net.http.WebSocket socket = http.newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:"
                + server.port() + m + "/live?token=" + ua), new java.net.http.WebSocket.Listener() {
                    @Override
                    public void onOpen(java.net.http.WebSocket ws) {
                        opened.complete(null);
                        ws.request(10);
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                            boolean last) {
                        heard.add(data.toString());
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        opened.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).as("it listens from here on").isEqualTo(
                "{\"type\":\"connected\"}");
        assertThat(call("POST", m + "/assessments", osce, "{\"incident\": \"i\", \"aspect\": \"attribution\", "
                + "\"status\": \"disputed\", \"party\": \"RU\", \"reason\": \"weighing\", \"draft\": true}").status())
                .isEqualTo(201);
        assertThat(call("POST", m + "/observations", osce, "{\"incident\": \"i\", \"seen\": \"smoke\"}").status())
                .isEqualTo(201);
        String first = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(first).as("the draft is not told; the observation is").isEqualTo(
                "{\"type\":\"observation\",\"incident\":\"i\"}");
        socket.abort();
    }

    @Test
    void theClauses_comeFromTheNegotiationsOwnAgreement() throws Exception {
        JsonNode created = createForUkraine();
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        String m = "/api/negotiations/" + id + "/monitoring";
        assertThat(call("POST", m + "/clauses", ADMIN, "{\"agreement\": true, \"from\": \"2025-03-18T00:00:00Z\"}")
                .status()).as("no agreement yet").isEqualTo(409);
        JsonNode view = call("GET", "/api/negotiations/" + id, ua, null).body();
        for (int moves = 0; !view.get("ended").asBoolean() && moves < 5_000; moves++) {
            assertThat(call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}")
                    .status()).isEqualTo(200);
            view = call("GET", "/api/negotiations/" + id, ua, null).body();
        }
        JsonNode ended = view.get("events").get(view.get("events").size() - 1);
        assertThat(ended.get("type").asText()).isEqualTo("ended");
        assertThat(ended.get("result").asText()).isEqualTo("agreement");
        String cf = ended.get("package").get("CF").asText();
        Reply set = call("POST", m + "/clauses", ADMIN, "{\"agreement\": true, \"from\": \"2025-03-18T00:00:00Z\"}");
        if (cf.equals("in-final-settlement") && !ended.get("package").get("PK").asText().equals("neutral-monitors")) {
            assertThat(set.status()).as("a package with no ceasefire clause").isEqualTo(400);
        } else {
            assertThat(set.status()).as(set.body().toString()).isEqualTo(201);
            assertThat(set.body().path("entry").path("origin").asText()).startsWith("package CF=" + cf + ",");
        }
    }
}
