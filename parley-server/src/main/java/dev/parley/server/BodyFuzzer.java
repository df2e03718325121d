package dev.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.scenario.ScenarioMutants;
import dev.parley.scenario.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutation fuzzer of the request bodies, against a running server: mutants ({@link ScenarioMutants#mutate})
 * of valid bodies for creating a negotiation, making each kind of move, editing a profile, assessing a package,
 * filling a seat and validating a file, in single-text, shuttle and saop. Every answer must be a success or a 4xx in the one error shape, never a 500, never a Java
 * message. For the integration test (a few thousand) and the long run in the benchmarks; the server must not limit
 * the rate of public or refused requests, so that every mutant reaches the decoder.
 */
public final class BodyFuzzer {
    /** What a run found: the bodies answered badly, and how many mutants were refused (400) and accepted (2xx). */
    public record Result(List<String> failures, int sent, int refused, int accepted) {
    }

    private static final String PACKAGE = "{\"CF\": \"full-30d\", \"KU\": \"corridor\", \"TR\": \"de-facto-line\", "
            + "\"MO\": \"mutual-pause\", \"AID\": \"us-pause-europe-continues\", \"PK\": \"neutral-monitors\", "
            + "\"SG\": \"binding-us-europe\", \"NATO\": \"neutrality\", \"SAN\": \"phased-with-snapback\"}";

    private record Target(String path, String token, String body) {
    }

    /** How many bodies each protocol's negotiation is fuzzed with. */
    public static final int BODIES = 11;

    private final String base;
    private final String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A fuzzer of the server at {@code base} (e.g. {@code http://127.0.0.1:8080}) with this admin token. */
    public BodyFuzzer(String base, String admin) {
        this.base = base;
        this.admin = admin;
    }

    /** Sends {@code perBody} mutants of each body ({@link #BODIES} bodies in each of 3 protocols). */
    public Result run(int perBody) throws IOException, InterruptedException {
        var failures = new ArrayList<String>();
        int sent = 0;
        int refused = 0;
        int accepted = 0;
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        String profile = Json.write(dev.parley.scenario.ScenarioWriter.profile(s.issues(), s.profiles().get("UA")));
        for (String protocol : List.of("single-text", "shuttle", "saop")) {
            String eu = protocol.equals("single-text") ? "truthful" : "boulware";
            JsonNode created = Json.read("created", send("/api/negotiations", admin, "{\"scenario\": "
                    + "\"ceasefire-2025\", \"protocol\": \"" + protocol + "\", \"agents\": {\"EU\": \"" + eu
                    + "\"}, \"shared\": [\"EU\"]}").body());
            String id = created.get("id").asText();
            String ua = created.get("tokens").get("UA").asText();
            String us = created.get("tokens").has("US") ? created.get("tokens").get("US").asText() : ua;
            String at = "/api/negotiations/" + id;
            String moves = at + "/moves";
            send(at + "/share", ua, "{}"); // so that the mediator may assess
            send(at + "/share", created.get("tokens").get("RU").asText(), "{}");
            var targets = List.of(new Target("/api/negotiations", admin, "{\"scenario\": \"ceasefire-2025\", "
                    + "\"protocol\": \"" + protocol + "\", \"rounds\": 50, \"agents\": {\"EU\": \"truthful\"}, "
                    + "\"shared\": [\"EU\"], \"seed\": 3}"),
                    new Target(moves, us, "{\"type\": \"propose\", \"text\": " + PACKAGE + "}"),
                    new Target(moves, ua, "{\"type\": \"vote\", \"accept\": true}"),
                    new Target(moves, ua, "{\"type\": \"offer\", \"package\": " + PACKAGE + "}"),
                    new Target(moves, us, "{\"type\": \"present\", \"to\": \"UA\", \"package\": " + PACKAGE
                            + ", \"relay\": {\"original\": 1, \"verbatim\": false, \"text\": \"Kyiv wants "
                            + "movement.\"}}"),
                    new Target(moves, ua, "{\"type\": \"reject\", \"objections\": [\"KU\"], \"toward\": "
                            + "[\"KU=hold\"]}"),
                    new Target(moves, ua, "{\"type\": \"end\", \"reason\": \"enough\"}"),
                    new Target(at + "/profile", ua, profile),
                    new Target(at + "/assess", us, "{\"package\": " + PACKAGE + "}"),
                    new Target(at + "/seats/EU", admin, "{\"agent\": \"" + eu + "\"}"),
                    new Target("/api/validate", null, "{\"upload\": {\"file\": \"t.json\", \"text\": \"{}\"}}"));
            for (Target t : targets) {
                for (long seed = 1; seed <= perBody; seed++) {
                    String body = ScenarioMutants.mutate(t.body(), new SplittableRandom(seed * 17 + t.path()
                            .length()));
                    HttpResponse<String> r = send(t.path(), t.token(), body);
                    sent++;
                    refused += r.statusCode() == 400 ? 1 : 0;
                    accepted += r.statusCode() < 300 ? 1 : 0;
                    if (badly(r)) {
                        failures.add(r.statusCode() + " for " + t.path() + " " + body + " → " + r.body());
                    }
                }
            }
        }
        return new Result(failures, sent, refused, accepted);
    }

    /** A 5xx, a Java text, or a 4xx that is not the one error shape. */
    private static boolean badly(HttpResponse<String> r) {
        String text = r.body();
        if (r.statusCode() >= 500 || text.contains("Exception") || text.contains("java.") || text.contains(
                "com.fasterxml")) {
            return true;
        }
        if (r.statusCode() < 400) {
            return false;
        }
        try {
            return !Json.read("answer", text).has("error");
        } catch (RuntimeException notJson) {
            return true;
        }
    }

    private HttpResponse<String> send(String path, String token, String body) throws IOException,
            InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
