package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The organiser's API over a real server: a class created at once and listed with its seats, a seat's invite issued
 * again (the old token refused at once, what the seat shared kept), the status kept true as the talks end, and the
 * organiser watching the mediator's view without being able to move.
 */
class OrganiserApiIT extends HttpHarness {
    private JsonNode list(String query) throws Exception {
        Reply r = call("GET", "/api/negotiations" + query, ADMIN, null);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r.body();
    }

    private static JsonNode seat(JsonNode row, String party) {
        for (JsonNode s : row.get("seats")) {
            if (s.get("party").asText().equals(party)) {
                return s;
            }
        }
        throw new AssertionError("no seat " + party + " in " + row);
    }

    /** Opens a seat's live socket; its messages and its close go to {@code inbox}. */
    void socket(String id, String token, LiveIT.Inbox inbox) {
        http.newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port()
                + "/api/negotiations/" + id + "/live?token=" + token + "&after=0"), inbox).join();
    }

    @Test
    void aClass_isCreatedAtOnce_oneNegotiationPerGroup_andListedWithItsSeats() throws Exception {
        Reply made = call("POST", "/api/classes", ADMIN, "{\"class\": \"Room 4\", \"groups\": 3, "
                + AGENTS_BESIDE_THE_MEDIATOR + "}");
        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        assertThat(made.body().get("class").asText()).isEqualTo("Room 4");
        JsonNode groups = made.body().get("negotiations");
        assertThat(groups).hasSize(3);
        var ids = new ArrayList<String>();
        for (int g = 0; g < 3; g++) {
            assertThat(groups.get(g).get("group").asInt()).isEqualTo(g + 1);
            assertThat(groups.get(g).get("tokens").properties()).extracting(Map.Entry::getKey).containsExactly("US");
            ids.add(groups.get(g).get("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
        create("{\"scenario\": \"ceasefire-2025\"}"); // not of the class

        // Group 2's mediator opens the invite: only that seat is listed as joined.
        assertThat(call("GET", "/api/negotiations/" + ids.get(1), groups.get(1).get("tokens").get("US").asText(),
                null).status()).isEqualTo(200);
        JsonNode listed = list("?class=" + URLEncoder.encode("Room 4", StandardCharsets.UTF_8));
        assertThat(listed).hasSize(3);
        for (int g = 0; g < 3; g++) {
            JsonNode row = listed.get(g);
            assertThat(row.get("id").asText()).isEqualTo(ids.get(g));
            assertThat(row.get("group").asInt()).isEqualTo(g + 1);
            assertThat(row.get("class").asText()).isEqualTo("Room 4");
            assertThat(row.get("status").asText()).isEqualTo("open");
            assertThat(row.get("protocol").asText()).isEqualTo("single-text");
            assertThat(row.get("watchable").asBoolean()).isTrue();
            assertThat(row.get("scenario").get("title").asText()).isEqualTo(S.title());
            assertThat(row.get("lastActivity").asLong()).isGreaterThanOrEqualTo(row.get("createdAt").asLong());
            JsonNode us = seat(row, "US");
            assertThat(us.get("filledBy").asText()).isEqualTo("person");
            assertThat(us.get("name").asText()).isEqualTo(S.party("US").orElseThrow().name());
            assertThat(us.get("joined").asBoolean()).as("group " + (g + 1)).isEqualTo(g == 1);
            assertThat(seat(row, "RU").get("filledBy").asText()).isEqualTo("agent");
            assertThat(seat(row, "RU").get("agent").asText()).isEqualTo("truthful");
        }
        assertThat(list("")).hasSize(4);

        Reply again = call("POST", "/api/classes", ADMIN, "{\"class\": \" Room 4 \", \"groups\": 1, "
                + AGENTS_BESIDE_THE_MEDIATOR + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error").asText()).contains("'Room 4' already");
        Reply none = call("POST", "/api/classes", ADMIN, "{\"class\": \"Room 5\", \"groups\": 0, "
                + AGENTS_BESIDE_THE_MEDIATOR + "}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("field").asText()).isEqualTo("groups");
        for (String bad : new String[]{"Room/5", "..", "50%"}) { // a class's name stands in a route's path
            Reply refused = call("POST", "/api/classes", ADMIN, "{\"class\": \"" + bad + "\", \"groups\": 1, "
                    + AGENTS_BESIDE_THE_MEDIATOR + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).isEqualTo("class");
        }
        assertThat(call("POST", "/api/classes", "not-the-key", "{}").status()).isEqualTo(403);
        assertThat(list("")).hasSize(4); // nothing was created by the refused requests
    }

    @Test
    void aReissuedInvite_opensTheSeat_theOldOneFailsAtOnce_andTheShareStays() throws Exception {
        JsonNode created = createForUkraine();
        String id = created.get("id").asText();
        String old = created.get("tokens").get("UA").asText();
        assertThat(call("POST", "/api/negotiations/" + id + "/share", old, "{}").status()).isEqualTo(200);
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).isTrue();
        var listening = new LiveIT.Inbox();
        socket(id, old, listening);
        assertThat(listening.messages.poll(10, java.util.concurrent.TimeUnit.SECONDS)).as("its backlog").isNotNull();

        Reply issued = call("POST", "/api/negotiations/" + id + "/seats/UA/invite", ADMIN, "{}");
        assertThat(issued.status()).as(String.valueOf(issued.body())).isEqualTo(200);
        String fresh = issued.body().get("token").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(call("GET", "/api/negotiations/" + id, old, null).status()).isEqualTo(403);
        assertThat(listening.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the old holder's socket")
                .isEqualTo(4408);
        var again = new LiveIT.Inbox();
        socket(id, old, again);
        assertThat(again.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("reconnecting with it")
                .isEqualTo(4403);
        assertThat(call("GET", "/api/negotiations/" + id + "/monitoring/incidents", old, null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", old, "{\"type\": \"vote\", \"accept\": true}")
                .status()).isEqualTo(403);
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).as("nobody has opened the new invite")
                .isFalse();
        JsonNode view = call("GET", "/api/negotiations/" + id, fresh, null).body();
        assertThat(view.get("party").asText()).isEqualTo("UA");
        assertThat(view.get("shared").toString()).contains("\"UA\"");
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).isTrue();

        assertThat(call("POST", "/api/negotiations/" + id + "/seats/RU/invite", ADMIN, "{}").status()).as(
                "an agent's seat has no invite").isEqualTo(409);
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/XX/invite", ADMIN, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/UA/invite", fresh, "{}").status()).isEqualTo(403);

        // After a restart, the same: the new token opens the seat, the old does not, the share is kept.
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0);
        assertThat(call("GET", "/api/negotiations/" + id, old, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/negotiations/" + id, fresh, null).body().get("shared").toString()).contains(
                "\"UA\"");
        JsonNode audit = call("GET", "/api/negotiations/" + id + "/audit", ADMIN, null).body();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        assertThat(store.log(id, 0)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("seat");
            assertThat(e.party()).contains("UA");
            assertThat(e.payload()).contains("\"invite\":\"reissued\"");
        });
    }

    @Test
    void aSeatGivenToAnotherPerson_isNotJoinedUntilTheNewInviteIsOpened_andTheOldHolderIsCutOff() throws Exception {
        JsonNode created = createForUkraine();
        String id = created.get("id").asText();
        String old = created.get("tokens").get("UA").asText();
        var listening = new LiveIT.Inbox();
        socket(id, old, listening);
        assertThat(listening.messages.poll(10, java.util.concurrent.TimeUnit.SECONDS)).as("its backlog").isNotNull();
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).isTrue();
        Reply given = call("POST", "/api/negotiations/" + id + "/seats/UA", ADMIN, "{}");
        assertThat(given.status()).isEqualTo(200);
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).isFalse();
        assertThat(listening.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4408);
        assertThat(call("GET", "/api/negotiations/" + id, old, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/negotiations/" + id, given.body().get("token").asText(), null).status())
                .isEqualTo(200);
        assertThat(seat(list("").get(0), "UA").get("joined").asBoolean()).isTrue();
    }

    @Test
    void theStatus_saysHowTheTalksEnded_andSurvivesARestart() throws Exception {
        // Agents in every seat: the talks run to their end as the negotiation is created.
        var expected = new java.util.LinkedHashMap<String, String>();
        for (String protocol : List.of("single-text", "alternating")) {
            for (int rounds : new int[]{1, 200}) {
                Settings settings = Settings.defaults(S).withKind(ProtocolKind.require("protocol", protocol))
                        .withRounds(rounds);
                if (settings.kind().needsMediator()) { // the server's rule: a served text opens from public facts
                    settings = settings.withOpening(java.util.Optional.of(dev.parley.engine.protocol.SingleText
                            .publicOpening(S)));
                }
                var p = settings.create(S);
                Map<String, String> agents = Seating.defaults(p);
                // The engine alone says how these talks end; the server must record the same.
                Session alone = Session.run(S, p, Seating.agents(p, agents, 1, "agents"));
                String body = TestJson.MAPPER.writeValueAsString(Map.of("scenario", "ceasefire-2025", "protocol",
                        protocol, "rounds", rounds, "agents", agents));
                expected.put(create(body).get("id").asText(), alone.agreement().isPresent()
                        ? "agreed"
                        : "no-agreement");
            }
        }
        assertThat(expected.values()).contains("agreed", "no-agreement"); // both ends are exercised
        String open = create("{\"scenario\": \"ceasefire-2025\"}").get("id").asText();
        expected.put(open, "open");
        for (JsonNode row : list("")) {
            assertThat(row.get("status").asText()).as(row.get("protocol").asText()).isEqualTo(expected.get(row.get(
                    "id").asText()));
        }
        String agreed = expected.entrySet().stream().filter(e -> e.getValue().equals("agreed")).findFirst()
                .orElseThrow().getKey();
        assertThat(call("POST", "/api/negotiations/" + agreed + "/close", ADMIN, "{}").body().get("status").asText())
                .as("closing ended talks keeps how they ended").isEqualTo("agreed");
        assertThat(call("POST", "/api/negotiations/" + open + "/close", ADMIN, "{}").body().get("status").asText())
                .isEqualTo("closed");
        expected.put(open, "closed");

        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0);
        for (JsonNode row : list("")) {
            assertThat(row.get("status").asText()).isEqualTo(expected.get(row.get("id").asText()));
            JsonNode audit = call("GET", "/api/negotiations/" + row.get("id").asText() + "/audit", ADMIN, null).body();
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        }
    }

    @Test
    void aStatusLeftOpen_byAStopJustAfterTheLastMove_isPutRightOnTheNextLoad() throws Exception {
        String id = create("{" + AGENTS_BESIDE_THE_MEDIATOR.replace("\"UA\": \"truthful\", ", "\"UA\": \"truthful\", "
                + "\"US\": \"hill-climb\", ") + "}").get("id").asText();
        assertThat(list("").get(0).get("status").asText()).isEqualTo("agreed");
        store.status(id, "open"); // as if the server had stopped between the last move and its status
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0);
        assertThat(list("").get(0).get("status").asText()).as("the list reads the store only").isEqualTo("open");
        call("GET", "/api/negotiations/" + id, ADMIN, null); // loads it
        assertThat(list("").get(0).get("status").asText()).isEqualTo("agreed");
    }

    @Test
    void theOrganiser_watchesTheMediatorsView_butCannotMove() throws Exception {
        JsonNode created = create("{" + AGENTS_BESIDE_THE_MEDIATOR + "}");
        String id = created.get("id").asText();
        Reply watched = call("GET", "/api/negotiations/" + id, ADMIN, null);
        assertThat(watched.status()).isEqualTo(200);
        assertThat(watched.body().get("party").asText()).isEqualTo("US");
        assertThat(watched.body().get("watching").asBoolean()).isTrue();
        assertThat(call("GET", "/api/negotiations/" + id + "/zone", ADMIN, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/negotiations/" + id + "/suggestion", ADMIN, null).status()).isEqualTo(200);
        Reply move = call("POST", "/api/negotiations/" + id + "/moves", ADMIN, "{\"type\": \"end\"}");
        assertThat(move.status()).isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/share", ADMIN, "{}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/forecast", ADMIN, "{\"runs\": 5}").status()).as(
                "the mediator's forecast is the mediator's to start").isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/forecast/cancel", ADMIN, "{}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/profile", ADMIN, "{}").status()).isEqualTo(403);
        // It follows the mediator's events live, on connections of its own: the mediator's are not used up.
        var watching = new java.util.ArrayList<LiveIT.Inbox>();
        for (int k = 0; k < Limits.DEFAULTS.maxSubscriptions(); k++) {
            var inbox = new LiveIT.Inbox();
            socket(id, ADMIN, inbox);
            assertThat(inbox.messages.poll(10, java.util.concurrent.TimeUnit.SECONDS).size())
                    .isEqualTo(watched.body().get("events").size());
            watching.add(inbox);
        }
        assertThat(seat(list("").get(0), "US").get("joined").asBoolean()).as("watching is not joining").isFalse();
        var mediator = new LiveIT.Inbox();
        socket(id, created.get("tokens").get("US").asText(), mediator);
        assertThat(mediator.messages.poll(10, java.util.concurrent.TimeUnit.SECONDS).size())
                .isEqualTo(watched.body().get("events").size());
        JsonNode own = call("GET", "/api/negotiations/" + id, created.get("tokens").get("US").asText(), null).body();
        assertThat(own.get("watching").asBoolean()).isFalse();
        assertThat(watched.body().get("events")).isEqualTo(own.get("events"));

        String saop = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"saop\"}").get("id").asText();
        Reply none = call("GET", "/api/negotiations/" + saop, ADMIN, null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body().get("error").asText()).contains("no mediator's view");
    }
}
