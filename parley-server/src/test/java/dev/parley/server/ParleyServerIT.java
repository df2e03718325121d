package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.utility.UtilityTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP API, against a real server on a free loopback port with an H2 file store. */
class ParleyServerIT extends HttpHarness {
    @Test
    void aPersonNegotiatesWithAgents_toTheEnd_overHttp() throws Exception {
        JsonNode created = createForUkraine();
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        assertThat(created.get("tokens").size()).isEqualTo(1);
        UtilityTable mine = UtilityTable.of(S.space(), S.profiles().get("UA"));
        for (int moves = 0; moves < 5_000; moves++) {
            JsonNode v = call("GET", "/api/negotiations/" + id, ua, null).body();
            if (v.get("ended").asBoolean()) {
                assertThat(v.get("events").get(v.get("events").size() - 1).get("type").asText()).isEqualTo("ended");
                assertThat(call("GET", "/api/negotiations/" + id + "/audit", ADMIN, null).body().get("intact")
                        .asBoolean()).isTrue();
                return;
            }
            double onTable = mine.utility(
                    dev.parley.scenario.wire.PackageJson.read(v.get("onTable"), S.issues(), "package").toArray());
            boolean accept = v.get("phase").asText().equals("vote")
                    ? onTable >= mine.utility(dev.parley.scenario.wire.PackageJson
                            .read(v.get("currentText"), S.issues(), "package").toArray()) - 1e-9
                    : onTable >= 0.45 - 1e-9;
            Reply r = call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": "
                    + accept + "}");
            assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        }
        throw new AssertionError("the talks did not end");
    }

    @Test
    void everyEndpoint_withAnotherSeatsToken_showsNothingPrivateOfOthers() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"US\": \"hill-climb\"}}");
        String id = created.get("id").asText();
        JsonNode tokens = created.get("tokens");
        // Everyone votes once, so there are private votes to leak.
        for (String party : List.of("UA", "RU", "EUR")) {
            assertThat(call("POST", "/api/negotiations/" + id + "/moves", tokens.get(party).asText(),
                    "{\"type\": \"vote\", \"accept\": " + party.equals("UA") + "}").status()).isEqualTo(200);
        }
        for (String party : List.of("UA", "RU", "EUR")) {
            String token = tokens.get(party).asText();
            JsonNode view = call("GET", "/api/negotiations/" + id, token, null).body();
            assertThat(view.get("party").asText()).isEqualTo(party);
            for (JsonNode e : view.get("events")) {
                if (e.get("type").asText().equals("voted")) {
                    assertThat(e.get("party").asText()).isEqualTo(party);
                }
            }
            JsonNode profile = call("GET", "/api/negotiations/" + id + "/profile", token, null).body();
            assertThat(profile.get("party").asText()).isEqualTo(party);
            assertThat(profile.get("reservation").asDouble()).isEqualTo(S.profiles().get(party).reservation());
            assertThat(call("GET", "/api/negotiations", token, null).status()).isEqualTo(403);
            assertThat(call("GET", "/api/negotiations/" + id + "/audit", token, null).status()).isEqualTo(403);
            assertThat(call("GET", "/api/negotiations/" + id + "/analysis", token, null).status()).isEqualTo(403);
            assertThat(call("POST", "/api/negotiations", token, "{\"scenario\": \"ceasefire-2025\"}").status())
                    .isEqualTo(403);
        }
        // A token of another negotiation opens nothing here.
        String other = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"US\": \"hill-climb\"}}")
                .get("tokens").get("UA").asText();
        assertThat(call("GET", "/api/negotiations/" + id, other, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/negotiations/" + id + "/profile", other, null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", other, "{\"type\": \"vote\", \"accept\": true}")
                .status()).isEqualTo(403);
    }

    @Test
    void mediatorAnalysis_opensOnlyToTheMediator_onceEveryPartyHasShared_andSharingSurvivesARestart()
            throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String id = created.get("id").asText();
        JsonNode tokens = created.get("tokens");
        String analysis = "/api/negotiations/" + id + "/analysis";
        String us = tokens.get("US").asText();

        Reply none = call("GET", analysis, us, null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body().get("error").asText()).isEqualTo("the analysis needs every profile: UA, RU, EUR have "
                + "not shared theirs with the mediator");
        assertThat(call("GET", analysis, tokens.get("UA").asText(), null).body().get("error").asText())
                .isEqualTo("only the mediator's seat sees the analysis of every profile");
        assertThat(call("POST", "/api/negotiations/" + id + "/share", us, null).status()).isEqualTo(400);

        for (String party : List.of("UA", "RU")) {
            Reply r = call("POST", "/api/negotiations/" + id + "/share", tokens.get(party).asText(), null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().get("party").asText()).isEqualTo(party);
        }
        assertThat(call("GET", analysis, us, null).body().get("error").asText()).isEqualTo("the analysis needs every "
                + "profile: EUR has not shared theirs with the mediator");
        call("POST", "/api/negotiations/" + id + "/share", tokens.get("EUR").asText(), null);
        call("POST", "/api/negotiations/" + id + "/share", tokens.get("EUR").asText(), null); // again: no change

        // Restart: the sharing is in the log, not only in memory.
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0);
        Reply open = call("GET", analysis + "?limit=3", us, null);
        assertThat(open.status()).as(String.valueOf(open.body())).isEqualTo(200);
        assertThat(open.body().get("agreementZone").asLong()).isEqualTo(17_532);
        assertThat(open.body().get("frontier").get("size").asLong()).isEqualTo(486);
        assertThat(open.body().get("frontier").get("outcomes").size()).isEqualTo(3);
        assertThat(open.body().get("solutions").get("nash").get("utilities").get("UA").asDouble()).isEqualTo(0.5805);
        for (String party : List.of("UA", "RU", "EUR")) {
            assertThat(call("GET", analysis, tokens.get(party).asText(), null).status()).isEqualTo(403);
        }
        // Agents hold no token: the organiser shares their profiles at creation, checked before anything is stored.
        int before = store.negotiations().size();
        assertThat(call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"RU\": \"truthful\"}, \"shared\": [\"RU\", \"XX\"]}").body().get("error").asText()).isEqualTo(
                        "shared: XX is not a party of ceasefire-2025");
        // A person's profile only its delegation can share: the organiser cannot, for a person's seat.
        Reply person = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"shared\": "
                + "[\"UA\"]}");
        assertThat(person.status()).isEqualTo(400);
        assertThat(person.body().get("error").asText()).isEqualTo("shared: UA's seat is a person's; only UA's "
                + "delegation can share its profile, from its room");
        assertThat(store.negotiations()).hasSize(before);
        JsonNode agents = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"RU\": \"truthful\", "
                + "\"EUR\": \"truthful\"}, \"shared\": [\"RU\", \"EUR\"]}");
        String agentsAnalysis = "/api/negotiations/" + agents.get("id").asText() + "/analysis";
        String agentsUs = agents.get("tokens").get("US").asText();
        assertThat(call("GET", agentsAnalysis, agentsUs, null).body().get("error").asText()).isEqualTo("the "
                + "analysis needs every profile: UA has not shared theirs with the mediator");
        call("POST", "/api/negotiations/" + agents.get("id").asText() + "/share", agents.get("tokens").get("UA")
                .asText(), null);
        assertThat(call("GET", agentsAnalysis, agentsUs, null).status()).isEqualTo(200);
        assertThat(call("GET", analysis + "?limit=x", us, null).status()).isEqualTo(400);
        // Sharing is not a move: EUR's seat, shared but unmoved, can still change hands; the chain holds 9 entries:
        // the creation, each of the four invites' first use, three shares, the seat's change.
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/EUR", ADMIN, "{}").status()).isEqualTo(200);
        JsonNode audit = call("GET", "/api/negotiations/" + id + "/audit", ADMIN, null).body();
        assertThat(audit.get("intact").asBoolean()).isTrue();
        assertThat(audit.get("events").asLong()).isEqualTo(9);
        assertThat(store.log(id, 0)).extracting(dev.parley.store.Records.LogEntry::kind).containsExactlyInAnyOrder(
                "created", "joined", "joined", "joined", "joined", "share", "share", "share", "seat");
    }

    @Test
    void shuttle_aPartyMessagesTheMediatorPrivately_andARelayCannotStateAReservation() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"shuttle\"}");
        String id = created.get("id").asText();
        JsonNode tokens = created.get("tokens");
        String us = tokens.get("US").asText();
        String ua = tokens.get("UA").asText();
        JsonNode opening = call("GET", "/api/negotiations/" + id, us, null).body().get("opening");
        String present = "{\"type\": \"present\", \"to\": \"%s\", \"package\": " + opening + "%s}";
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", us, present.formatted("UA", "")).status())
                .isEqualTo(200);
        Reply said = call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"message\", \"text\": "
                + "\"Kursk is not ours to trade.\"}");
        assertThat(said.status()).as(String.valueOf(said.body())).isEqualTo(200);
        assertThat(said.body().get("events").get(0).get("type").asText()).isEqualTo("said");
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"message\"}").status())
                .isEqualTo(400);
        for (String party : List.of("US", "UA", "RU", "EUR")) {
            JsonNode events = call("GET", "/api/negotiations/" + id, tokens.get(party).asText(), null).body().get(
                    "events");
            boolean seen = false;
            for (JsonNode e : events) {
                seen |= e.get("type").asText().equals("said");
            }
            assertThat(seen).as(party).isEqualTo(party.equals("US") || party.equals("UA"));
        }
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"accept\"}").status())
                .isEqualTo(200);
        double reservation = S.profiles().get("UA").reservation();
        Reply leak = call("POST", "/api/negotiations/" + id + "/moves", us, present.formatted("RU",
                ", \"relay\": {\"original\": 2, \"verbatim\": false, \"text\": \"Kyiv would settle for "
                        + reservation + "\"}"));
        assertThat(leak.status()).isEqualTo(422);
        // The refusal never says whose reservation it was.
        assertThat(leak.body().get("error").asText()).isEqualTo("a relay never passes on a reservation value");
        Reply invented = call("POST", "/api/negotiations/" + id + "/moves", us, present.formatted("RU",
                ", \"relay\": {\"original\": 2, \"verbatim\": true, \"text\": \"Kursk is ours to trade.\"}"));
        assertThat(invented.status()).isEqualTo(422);
        assertThat(invented.body().get("error").asText()).startsWith("a verbatim relay repeats the party's words");
        Reply unlinked = call("POST", "/api/negotiations/" + id + "/moves", us, present.formatted("RU",
                ", \"relay\": {\"original\": 99, \"verbatim\": false, \"text\": \"Kyiv wants movement.\"}"));
        assertThat(unlinked.status()).isEqualTo(422);
        assertThat(unlinked.body().get("error").asText()).startsWith("a relay must link to an event of these talks");
        assertThat(call("POST", "/api/negotiations/" + id + "/moves", us, present.formatted("RU",
                ", \"relay\": {\"original\": 2, \"verbatim\": true, \"text\": \"Kursk is not ours to trade.\"}"))
                .status()).isEqualTo(200);
    }

    @Test
    void aSeat_changesHands_onlyBeforeItsFirstMove() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"agents\": {\"US\": \"hill-climb\"}}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        // RU becomes an agent before it has moved; EUR's seat gets a fresh token (the old one stops working).
        Reply ru = call("POST", "/api/negotiations/" + id + "/seats/RU", ADMIN, "{\"agent\": \"truthful\"}");
        assertThat(ru.status()).isEqualTo(200);
        assertThat(ru.body().get("token").isNull()).isTrue();
        String oldEu = created.get("tokens").get("EUR").asText();
        Reply eu = call("POST", "/api/negotiations/" + id + "/seats/EUR", ADMIN, "{}");
        String newEu = eu.body().get("token").asText();
        assertThat(newEu).isNotEqualTo(oldEu);
        assertThat(call("GET", "/api/negotiations/" + id, oldEu, null).status()).isEqualTo(403);

        call("POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}");
        // RU's agent voted by itself; EUR is next, with its new token.
        JsonNode view = call("GET", "/api/negotiations/" + id, newEu, null).body();
        assertThat(view.get("toMove").get(0).asText()).isEqualTo("EUR");

        Reply late = call("POST", "/api/negotiations/" + id + "/seats/UA", ADMIN, "{\"agent\": \"truthful\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("error").asText()).isEqualTo("UA has moved already: its seat can no longer change "
                + "hands");
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/XX", ADMIN, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/negotiations/" + id + "/seats/EUR", ua, "{}").status()).isEqualTo(403);
    }

    @Test
    void errors_areJsonWithTheRightStatus_mappedByType() throws Exception {
        JsonNode created = createForUkraine();
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        String moves = "/api/negotiations/" + id + "/moves";

        Reply noToken = call("GET", "/api/negotiations/" + id, null, null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().get("error").asText()).isEqualTo("a token is needed: Authorization: Bearer TOKEN");
        assertThat(call("GET", "/api/negotiations/" + id, "not-a-token", null).status()).isEqualTo(403);
        Reply unknown = call("GET", "/api/negotiations/nope", ua, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asText()).isEqualTo("no negotiation nope");

        // 422: UA may move, but not this move.
        Reply wrongKind = call("POST", moves, ua, "{\"type\": \"accept\"}");
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.body().get("error").asText()).isEqualTo("UA must vote on the proposal, not an accept");

        // 400: bad content, naming the field; never a Java message.
        Reply malformed = call("POST", moves, ua, "{\"type\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("error").asText()).startsWith("body: malformed JSON at line 1");
        Reply wrongType = call("POST", moves, ua, "{\"type\": \"dance\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("error").asText()).startsWith("type: no action 'dance'");
        assertThat(wrongType.body().get("field").asText()).isEqualTo("type");
        for (String notABoolean : List.of("\"yes\"", "null", "{}", "[]", "1")) {
            Reply vote = call("POST", moves, ua, "{\"type\": \"vote\", \"accept\": " + notABoolean + "}");
            assertThat(vote.status()).as(notABoolean).isEqualTo(400);
            assertThat(vote.body().get("field").asText()).as(notABoolean).isEqualTo("accept");
        }
        Reply extra = call("POST", moves, ua, "{\"type\": \"vote\", \"accept\": true, \"why\": 1}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body().get("error").asText()).startsWith("why: unknown field");
        Reply deep = call("POST", moves, ua, "[".repeat(5_000));
        assertThat(deep.status()).isEqualTo(400);
        Reply longNumber = call("POST", moves, ua, "{\"type\": \"vote\", \"accept\": " + "9".repeat(5_000) + "}");
        assertThat(longNumber.status()).isEqualTo(400);

        Reply badScenario = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": {\"format\": \"parley/1\", "
                + "\"id\": \"x\", \"parties\": [], \"issues\": [], \"profiles\": {}}}");
        assertThat(badScenario.status()).isEqualTo(400);
        assertThat(badScenario.body().get("error").asText()).isEqualTo("invalid scenario");
        assertThat(badScenario.body().get("details").get(0).asText()).contains("parties: 0 parties; a negotiation "
                + "needs at least 2");
        assertThat(call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2099\"}").status())
                .isEqualTo(400);
        Reply badAgent = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", "
                + "\"agents\": {\"RU\": \"sly\"}}");
        assertThat(badAgent.status()).isEqualTo(400);
        assertThat(badAgent.body().get("error").asText()).startsWith("unknown agent 'sly'");
        assertThat(badAgent.body().get("field").asText()).isEqualTo("agents.RU");
        Reply unfit = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", "
                + "\"agents\": {\"RU\": \"boulware\"}}");
        assertThat(unfit.status()).isEqualTo(400);
        assertThat(unfit.body().get("error").asText()).startsWith("boulware cannot fill a voter seat");
        Reply endless = call("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", "
                + "\"rounds\": 2000000000}");
        assertThat(endless.status()).isEqualTo(400);
        assertThat(endless.body().get("field").asText()).isEqualTo("rounds");
        String huge = "{\"scenario\": \"" + "x".repeat((int) ParleyServer.MAX_BODY + 10) + "\"}";
        assertThat(call("POST", "/api/negotiations", ADMIN, huge).status()).isEqualTo(413);

        // 409: out of turn, and against the negotiation's state.
        JsonNode people = create("{\"scenario\": \"ceasefire-2025\"}");
        String pid = people.get("id").asText();
        Reply outOfTurn = call("POST", "/api/negotiations/" + pid + "/moves", people.get("tokens").get("UA").asText(),
                "{\"type\": \"vote\", \"accept\": true}");
        assertThat(outOfTurn.status()).isEqualTo(409);
        assertThat(outOfTurn.body().get("error").asText()).isEqualTo("UA is not to move now (waiting for US)");
        assertThat(call("POST", "/api/negotiations/" + pid + "/close", ADMIN, null).status()).isEqualTo(200);
        Reply closed = call("POST", "/api/negotiations/" + pid + "/moves", people.get("tokens").get("US").asText(),
                "{\"type\": \"end\", \"reason\": \"done\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body().get("error").asText()).isEqualTo("negotiation " + pid + " is closed");

        // Every error has the one shape.
        for (Reply r : List.of(noToken, unknown, wrongKind, malformed, wrongType, extra, deep, badScenario,
                badAgent, outOfTurn, closed)) {
            assertThat(r.body().get("error").isTextual()).isTrue();
            assertThat(r.body().get("details").isArray()).isTrue();
        }
    }

    @Test
    void aLogThatNoLongerReplays_isTheServersFault_500WithALogId_andTheLogSaysWhy() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String id = created.get("id").asText();
        // A log entry no protocol accepts where it stands (the mediator must propose first), written past the
        // server, then the server starts afresh over the same store.
        store.append(id, "move", java.util.Optional.of("UA"), "{\"action\": {\"type\": \"vote\", \"accept\": "
                + "true}, \"events\": []}");
        server.close();
        server = ParleyServer.start(store, ADMIN, "127.0.0.1", 0);
        Reply r = call("GET", "/api/negotiations/" + id, created.get("tokens").get("UA").asText(), null);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body().get("error").asText()).isEqualTo("internal error");
        assertThat(r.body().get("logId").asText()).isNotBlank();
        assertThat(r.body().toString()).doesNotContain("Exception");
        assertThat(log.text()).contains(r.body().get("logId").asText()).contains("log entry 2 does not replay"); // after the creation
    }
}
