package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.parley.scenario.BuiltinScenarios;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real answers of a real server against the schemas {@code /openapi.json} declares for them, by a JSON-schema
 * validator of its own (networknt, draft 2020-12): every route is called, and every answer — errors too, and a
 * WebSocket message — must match its route's schema for its status, so the description cannot drift from the server.
 */
class OpenApiResponsesIT extends HttpHarness {
    final Set<String> checked = new HashSet<>();
    JsonNode doc;
    final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void everyAnswer_matchesItsSchema() throws Exception {
        doc = call("GET", "/openapi.json", null, null).body();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        check("GET", "/api/health", null, null);
        check("GET", "/api/catalogue", null, null);
        var upload = TestJson.MAPPER.createObjectNode();
        upload.putObject("upload").put("file", "t.yaml").put("text", BuiltinScenarios.source("ceasefire-2025")
                .orElseThrow());
        check("POST", "/api/validate", null, upload.toString());
        JsonNode created = check("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"RU\": \"truthful\", \"EUR\": \"truthful\"}, \"shared\": [\"RU\", \"EUR\"]}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        String us = created.get("tokens").get("US").asText();
        String n = "/api/negotiations/" + id;
        check("GET", "/api/negotiations", ADMIN, null);
        check("GET", n, ua, null);
        ObjectNode profile = (ObjectNode) check("GET", n + "/profile", ua, null);
        profile.remove("party");
        profile.remove("editable");
        check("POST", n + "/profile", ua, profile.toString());
        check("POST", n + "/share", ua, "{}");
        check("GET", n + "/analysis", us, null);
        check("GET", n + "/analysis?limit=10001", us, null); // 400
        check("GET", n + "/progress", us, null);
        check("GET", n + "/zone", us, null);
        check("GET", n + "/suggestion", us, null);
        JsonNode view = check("GET", n, us, null);
        check("POST", n + "/assess", us, "{\"package\": " + view.get("currentText") + "}");
        check("POST", n + "/forecast", us, "{\"runs\": 20, \"analysisOnly\": true}");
        check("GET", n + "/forecast?wait=30000", us, null);
        check("POST", n + "/forecast/cancel", us, "{}");
        // a proposal, the votes, and an out-of-turn move (409): events of several kinds through the oneOf
        ObjectNode text = ((ObjectNode) view.get("currentText")).deepCopy();
        JsonNode firstIssue = view.get("scenario").get("issues").get(0);
        for (JsonNode o : firstIssue.get("options")) {
            if (!o.get("id").asText().equals(text.get(firstIssue.get("id").asText()).asText())) {
                text.put(firstIssue.get("id").asText(), o.get("id").asText());
                break;
            }
        }
        check("POST", n + "/moves", us, "{\"type\": \"propose\", \"text\": " + text + "}");
        for (String token : new String[]{us, ua}) {
            if (call("GET", n, token, null).body().get("actions").toString().contains("vote")) {
                check("POST", n + "/moves", token, "{\"type\": \"vote\", \"accept\": false, \"objections\": [\""
                        + firstIssue.get("id").asText() + "\"], \"toward\": [\"" + firstIssue.get("options").get(0)
                                .get("id").asText()
                        + "\"]}");
            }
        }
        check("POST", n + "/moves", ua, "{\"type\": \"vote\", \"accept\": true}"); // not UA's turn now: 409
        check("GET", n + "/audit", ADMIN, null);
        check("GET", "/api/checkpoint", ADMIN, null);
        check("POST", n + "/seats/RU", ADMIN, "{\"agent\": \"truthful\"}"); // RU has moved: 409
        JsonNode other = check("POST", "/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\"}");
        check("POST", "/api/negotiations/" + other.get("id").asText() + "/seats/RU", ADMIN,
                "{\"agent\": \"truthful\"}");
        monitoring(n, ua);
        organiser(n, "/api/negotiations/" + other.get("id").asText());
        check("POST", n + "/close", ADMIN, "{}");
        check("GET", n, "not-a-token", null); // 403
        live(id, ua);
        Set<String> every = new HashSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters") && !p.getKey().endsWith("/live") && !p.getKey().equals("/openapi.json")) {
                every.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(checked).as("every route was called").containsAll(every);
    }

    /** The organiser's routes: a class, an invite issued again, the debriefs, the mediator's view watched. */
    void organiser(String n, String other) throws Exception {
        String cls = "{\"class\": \"Room 1\", \"groups\": 2, \"scenario\": \"ceasefire-2025\", \"agents\": "
                + "{\"UA\": \"truthful\", \"RU\": \"truthful\", \"EUR\": \"truthful\"}}";
        check("POST", "/api/classes", ADMIN, cls);
        check("POST", "/api/classes", ADMIN, cls); // 409: the name is taken
        check("POST", "/api/classes", ADMIN, "{\"class\": \"\", \"groups\": 2}"); // 400
        check("POST", other + "/seats/UA/invite", ADMIN, "{}");
        check("POST", n + "/seats/RU/invite", ADMIN, "{}"); // 409: an agent's seat
        check("POST", n + "/seats/XX/invite", ADMIN, "{}"); // 400
        check("GET", n, ADMIN, null); // the organiser watches the mediator's view
        check("GET", n + "/debrief?format=json", ADMIN, null);
        check("GET", n + "/debrief?format=pdf", ADMIN, null); // 400
        check("GET", "/api/negotiations/none/debrief?format=json", ADMIN, null); // 404
        check("GET", "/api/classes/Room%201/debrief?format=json", ADMIN, null);
        check("GET", "/api/classes/none/debrief?format=json", ADMIN, null); // 404
        check("GET", "/api/negotiations?class=Room%201", ADMIN, null);
    }

    /** The monitoring routes, with the answers of each role: recorded, already recorded, refused, unknown. */
    void monitoring(String n, String ua) throws Exception {
        String m = n + "/monitoring";
        String monitor = check("POST", m + "/monitors", ADMIN, "{\"name\": \"osce\"}").get("token").asText();
        String claim = "{\"incident\": \"i1\", \"statedAt\": \"2025-03-19T08:00:00Z\", \"facts\": {"
                + "\"occurredFrom\": \"2025-03-19T02:00:00Z\", \"occurredTo\": \"2025-03-19T04:00:00Z\", "
                + "\"timePrecision\": \"hour\", \"incidentType\": \"missile\", \"perpetrator\": \"RU\", "
                + "\"targetCategory\": \"energy\", \"launched\": {\"low\": 6, \"best\": 6, \"high\": 6}, "
                + "\"place\": {\"name\": \"Kryvyi Rih\", \"precision\": \"exact\"}}}";
        check("POST", m + "/claims", ua, claim); // 201
        check("POST", m + "/claims", ua, claim); // 200: the same claim, already recorded
        check("POST", m + "/claims", ua, "{\"incident\": \"i1\", \"claimant\": \"RU\", \"facts\": {}}"); // 403
        check("POST", m + "/observations", monitor, "{\"incident\": \"i1\", \"seen\": \"smoke\"}");
        check("POST", m + "/assessments", monitor, "{\"incident\": \"i1\", \"aspect\": \"occurrence\", "
                + "\"status\": \"verified\", \"reason\": \"seen\"}");
        check("POST", m + "/assessments", monitor, "{\"incident\": \"i1\", \"aspect\": \"attribution\", "
                + "\"status\": \"corroborated\", \"party\": \"RU\", \"reason\": \"debris\", \"draft\": true}");
        check("POST", m + "/assessments", monitor, "{\"incident\": \"nope\", \"aspect\": \"occurrence\", "
                + "\"status\": \"disputed\", \"reason\": \"r\"}"); // 400
        check("POST", m + "/assessments", ua, "{}"); // 403
        check("POST", m + "/clauses", ADMIN, "{\"package\": {\"CF\": \"energy-and-sea\"}, \"from\": "
                + "\"2025-03-18T00:00:00Z\"}");
        check("POST", m + "/clauses", ua, "{}"); // 403
        check("POST", m + "/clauses", ADMIN, "{\"agreement\": true, \"from\": \"2025-03-18T00:00:00Z\"}"); // 409
        check("GET", m + "/incidents", ua, null);
        check("GET", m + "/incidents?type=laser", ua, null); // 400
        check("GET", m + "/incidents", null, null); // 401
        check("GET", m + "/incidents/i1", monitor, null);
        check("GET", m + "/incidents/nope", ua, null); // 404
        check("GET", m + "/dashboard", ua, null);
        check("GET", m + "/dashboard?window=0", ua, null); // 400
        check("GET", "/api/negotiations/none/monitoring/dashboard", ADMIN, null); // 404
    }

    /** Calls a route, checks its answer against the route's schema for the status it answered, and returns it. */
    JsonNode check(String method, String path, String token, String body) throws Exception {
        Reply r = call(method, path, token, body);
        String route = route(path);
        JsonNode responses = doc.get("paths").get(route).get(method.toLowerCase(Locale.ROOT)).get("responses");
        JsonNode declared = responses.get(String.valueOf(r.status()));
        assertThat(declared).as("%s %s answered %d, which it does not declare: %s", method, route, r.status(), r
                .body()).isNotNull();
        JsonNode schema = declared.path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %d has a schema", method, route, r.status()).isFalse();
        validate(schema, r.body(), method + " " + route + " " + r.status());
        checked.add(method + " " + route);
        return r.body();
    }

    void validate(JsonNode schema, JsonNode value, String what) {
        ObjectNode rooted = TestJson.MAPPER.createObjectNode();
        rooted.setAll(schema.isObject() ? (ObjectNode) schema : TestJson.MAPPER.createObjectNode());
        rooted.set("components", doc.get("components")); // where its $refs point
        Schema s = registry.getSchema(SchemaLocation.of("urn:parley:openapi"), rooted);
        assertThat(s.validate(value)).as("%s: %s", what, value).isEmpty();
    }

    /** The route a path answers to: its ids in their braces. */
    String route(String path) {
        String bare = path.replaceFirst("\\?.*$", "");
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext();) {
            String route = it.next();
            if (bare.matches(route.replaceAll("\\{[^/]+}", "[^/]+"))) {
                return route;
            }
        }
        throw new AssertionError("no route described for " + path);
    }

    /** The first WebSocket message, against LiveMessage. */
    void live(String id, String token) throws Exception {
        var message = new CompletableFuture<String>();
        var text = new StringBuilder();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                + "/api/negotiations/" + id + "/live?token=" + token + "&after=0"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            message.complete(text.toString());
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        try {
            JsonNode first = TestJson.MAPPER.readTree(message.get(30, TimeUnit.SECONDS));
            assertThat(first.get("events").size()).isPositive();
            validate(Map.of("$ref", "#/components/schemas/LiveMessage").entrySet().stream().collect(
                    TestJson.MAPPER::createObjectNode, (o, e) -> o.put(e.getKey(), e.getValue()), ObjectNode::setAll),
                    first, "live message");
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(30, TimeUnit.SECONDS);
        }
    }
}
