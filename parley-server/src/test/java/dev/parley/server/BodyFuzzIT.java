package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.scenario.ScenarioMutants;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer of the request bodies: mutants of valid bodies for creating a negotiation, making each
 * kind of move, editing a profile and validating a file are sent to a real server, and every answer must be a
 * success or a 4xx with the one error shape, never a 500, never a Java message. The server has no public-route rate
 * limit here, so that every mutant reaches the decoder.
 */
class BodyFuzzIT extends HttpHarness {
    static final int PER_BODY = 60;

    @Override
    Limits limits() {
        return Limits.DEFAULTS.withMaxPublicPerMinute(Integer.MAX_VALUE).withMaxRefusedPerMinute(Integer.MAX_VALUE);
    }

    @Test
    void noMutatedBody_getsA500_orAJavaMessage() throws Exception {
        String pkg = "{\"CF\": \"full-30d\", \"KU\": \"corridor\", \"TR\": \"de-facto-line\", \"MO\": \"mutual-pause\", "
                + "\"AID\": \"us-pause-europe-continues\", \"PK\": \"neutral-monitors\", \"SG\": \"binding-us-europe\", "
                + "\"NATO\": \"neutrality\", \"SAN\": \"phased-with-snapback\"}";
        record Target(String path, String token, String body) {
        }
        var failures = new ArrayList<String>();
        int refused = 0;
        int accepted = 0;
        for (String protocol : List.of("single-text", "shuttle", "saop")) {
            JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"" + protocol + "\"}");
            String id = created.get("id").asText();
            String ua = created.get("tokens").get("UA").asText();
            String us = created.get("tokens").get("US") == null ? ua : created.get("tokens").get("US").asText();
            String moves = "/api/negotiations/" + id + "/moves";
            var targets = List.of(new Target("/api/negotiations", ADMIN, "{\"scenario\": \"ceasefire-2025\", "
                    + "\"protocol\": \"" + protocol + "\", \"rounds\": 50, \"agents\": {\"EU\": \"truthful\"}, "
                    + "\"shared\": [\"EU\"], \"seed\": 3}"),
                    new Target(moves, us, "{\"type\": \"propose\", \"text\": " + pkg + "}"),
                    new Target(moves, ua, "{\"type\": \"vote\", \"accept\": true}"),
                    new Target(moves, ua, "{\"type\": \"offer\", \"package\": " + pkg + "}"),
                    new Target(moves, us,
                            "{\"type\": \"present\", \"to\": \"UA\", \"package\": " + pkg + ", \"relay\": "
                                    + "{\"original\": 1, \"verbatim\": false, \"text\": \"Kyiv wants movement.\"}}"),
                    new Target(moves, ua,
                            "{\"type\": \"reject\", \"objections\": [\"KU\"], \"toward\": [\"KU=hold\"]}"),
                    new Target(moves, ua, "{\"type\": \"end\", \"reason\": \"enough\"}"),
                    new Target("/api/validate", null, "{\"upload\": {\"file\": \"t.json\", \"text\": \"{}\"}}"));
            for (Target t : targets) {
                for (long seed = 1; seed <= PER_BODY; seed++) {
                    String body = ScenarioMutants.mutate(t.body(), new SplittableRandom(seed * 17 + t.path().length()));
                    Reply r = call("POST", t.path(), t.token(), body);
                    String text = String.valueOf(r.body());
                    refused += r.status() == 400 ? 1 : 0;
                    accepted += r.status() < 300 ? 1 : 0;
                    if (r.status() >= 500 || text.contains("Exception") || text.contains("java.") || text.contains(
                            "com.fasterxml") || (r.status() >= 400 && (r.body() == null || !r.body().has("error")))) {
                        failures.add(r.status() + " for " + t.path() + " " + body + " → " + text);
                    }
                }
            }
        }
        assertThat(failures).as("bodies answered badly").isEmpty();
        assertThat(refused).as("mutants the decoder refused").isGreaterThan(100);
        assertThat(accepted).as("mutants accepted").isPositive();
    }
}
