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
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded mutation fuzzer of the request bodies, against a running server: mutants ({@link ScenarioMutants#mutate})
 * of valid bodies for creating a negotiation, making each kind of move, editing a profile, assessing a package,
 * filling a seat and validating a file, in single-text, shuttle and saop. Every answer must be a success or a 4xx in the one error shape, never a 500, never a Java
 * message. For the integration test (a few thousand) and the long run in the benchmarks; the server must not limit
 * the rate of public or refused requests, so that every mutant reaches the decoder.
 */
public final class BodyFuzzer {
    /**
     * What a run found: the bodies answered badly; how many mutants were sent, refused (400) and accepted (2xx); the
     * refusals per body (protocol and body name), so that a test can see every decoder was reached; the slowest
     * answer in nanoseconds.
     */
    public record Result(List<String> failures, int sent, int refused, int accepted, Map<String, Integer> refusedBy,
            long slowestNanos) {
    }

    private static final String PACKAGE = "{\"CF\": \"full-30d\", \"KU\": \"corridor\", \"TR\": \"de-facto-line\", "
            + "\"MO\": \"mutual-pause\", \"AID\": \"us-pause-europe-continues\", \"PK\": \"neutral-monitors\", "
            + "\"SG\": \"binding-us-europe\", \"NATO\": \"neutrality\", \"SAN\": \"phased-with-snapback\"}";

    /** A negotiation to fuzz against: its id and seat tokens, the mediator's when it has one (else UA's). */
    private record Talks(String at, String ua, String us) {
    }

    /**
     * One body: its name, where it goes and with whose token, and whether it needs talks nothing has happened in
     * (a profile edit, an assessment, a seat: an accepted move would make them 409 before their decoder).
     */
    private record Target(String name, java.util.function.Function<Talks, String> path,
            java.util.function.Function<Talks, String> token, String body, boolean fresh) {
    }

    /** How many bodies each protocol's talks are fuzzed with. */
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
        var refusedBy = new java.util.LinkedHashMap<String, Integer>();
        int sent = 0;
        int refused = 0;
        int accepted = 0;
        long slowest = 0;
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        String profile = Json.write(dev.parley.scenario.ScenarioWriter.profile(s.issues(), s.profiles().get("UA")));
        for (String protocol : List.of("single-text", "shuttle", "saop")) {
            String eu = protocol.equals("single-text") ? "truthful" : "boulware";
            java.util.function.Function<Talks, String> moves = t -> t.at() + "/moves";
            var targets = List.of(new Target("create", t -> "/api/negotiations", t -> admin, "{\"scenario\": "
                    + "\"ceasefire-2025\", \"protocol\": \"" + protocol + "\", \"rounds\": 50, \"agents\": {\"EUR\": \""
                    + eu + "\"}, \"shared\": [\"EUR\"], \"seed\": 3}", false),
                    new Target("propose", moves, Talks::us, "{\"type\": \"propose\", \"text\": " + PACKAGE + "}",
                            false),
                    new Target("vote", moves, Talks::ua, "{\"type\": \"vote\", \"accept\": true}", false),
                    new Target("offer", moves, Talks::ua, "{\"type\": \"offer\", \"package\": " + PACKAGE + "}",
                            false),
                    new Target("present", moves, Talks::us, "{\"type\": \"present\", \"to\": \"UA\", \"package\": "
                            + PACKAGE + ", \"relay\": {\"original\": 1, \"verbatim\": false, \"text\": \"Kyiv wants "
                            + "movement.\"}}", false),
                    new Target("reject", moves, Talks::ua, "{\"type\": \"reject\", \"objections\": [\"KU\"], "
                            + "\"toward\": [\"KU=hold\"]}", false),
                    new Target("end", moves, Talks::ua, "{\"type\": \"end\", \"reason\": \"enough\"}", false),
                    new Target("profile", t -> t.at() + "/profile", Talks::ua, profile, true),
                    new Target("assess", t -> t.at() + "/assess", Talks::us, "{\"package\": " + PACKAGE + "}", true),
                    new Target("seat", t -> t.at() + "/seats/EUR", t -> admin, "{\"agent\": \"" + eu + "\"}", true),
                    new Target("validate", t -> "/api/validate", t -> null, "{\"upload\": {\"file\": \"t.json\", "
                            + "\"text\": \"{}\"}}", false));
            Talks shared = talks(protocol, eu);
            for (Target t : targets) {
                Talks talks = t.fresh() ? talks(protocol, eu) : shared;
                String name = protocol + " " + t.name();
                refusedBy.put(name, 0);
                for (long seed = 1; seed <= perBody; seed++) {
                    String body = ScenarioMutants.mutate(t.body(), new SplittableRandom(seed * 17 + t.name()
                            .length()));
                    long began = System.nanoTime();
                    HttpResponse<String> r = send(t.path().apply(talks), t.token().apply(talks), body);
                    slowest = Math.max(slowest, System.nanoTime() - began);
                    sent++;
                    if (r.statusCode() == 400) {
                        refused++;
                        refusedBy.merge(name, 1, Integer::sum);
                    }
                    accepted += r.statusCode() < 300 ? 1 : 0;
                    if (badly(r)) {
                        failures.add(r.statusCode() + " for " + name + " " + body + " → " + r.body());
                    }
                    if (t.fresh() && r.statusCode() < 300) {
                        talks = talks(protocol, eu); // an accepted edit counts against the limit: start afresh
                    }
                }
            }
        }
        return new Result(failures, sent, refused, accepted, refusedBy, slowest);
    }

    /** New talks in {@code protocol}, EUR an agent, every profile shared so that the mediator may assess. */
    private Talks talks(String protocol, String eu) throws IOException, InterruptedException {
        JsonNode created = Json.read("created", send("/api/negotiations", admin, "{\"scenario\": "
                + "\"ceasefire-2025\", \"protocol\": \"" + protocol + "\", \"agents\": {\"EUR\": \"" + eu
                + "\"}, \"shared\": [\"EUR\"]}").body());
        String at = "/api/negotiations/" + created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        send(at + "/share", ua, "{}");
        send(at + "/share", created.get("tokens").get("RU").asText(), "{}");
        String us = created.get("tokens").has("US") ? created.get("tokens").get("US").asText() : ua;
        return new Talks(at, ua, us);
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
