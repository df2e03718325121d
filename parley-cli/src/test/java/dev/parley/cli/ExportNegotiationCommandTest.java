package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.server.ParleyServer;
import dev.parley.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley export negotiation}: the debrief of negotiations a real server ran, read from its store after it
 * stopped. The outcome is the engine's own for the same seats and seed; the transcript passes {@code parley replay};
 * the store is left as it was.
 */
class ExportNegotiationCommandTest {
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();

    @TempDir
    Path tmp;

    /** Creates through a real server on loopback, which then stops; returns the answers. */
    static JsonNode[] serve(Path data, String... bodies) throws Exception {
        var answers = new JsonNode[bodies.length];
        try (Store store = Store.openDefault(data);
                ParleyServer server = ParleyServer.start(store, "key",
                        "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < bodies.length; i++) {
                String path = bodies[i].contains("\"class\"") ? "/api/classes" : "/api/negotiations";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server
                        .port() + path)).header("Authorization", "Bearer key").POST(HttpRequest.BodyPublishers
                                .ofString(bodies[i]))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                answers[i] = Cli.MAPPER.readTree(r.body());
            }
        }
        return answers;
    }

    @Test
    void aServedNegotiation_isDebriefed_asTheEngineWouldHavePlayedIt() throws Exception {
        Path data = tmp.resolve("data");
        // A served single text opens from public facts (the server's rule), so the engine is asked the same.
        Settings settings = Settings.defaults(S).withOpening(java.util.Optional.of(dev.parley.engine.protocol.SingleText
                .publicOpening(S)));
        Map<String, String> agents = Seating.defaults(settings.create(S));
        String id = serve(data, Cli.MAPPER.writeValueAsString(Map.of("scenario", "ceasefire-2025", "agents", agents,
                "seed", 5)))[0].get("id").asText();
        long entries;
        try (Store store = Store.openDefault(data)) {
            entries = store.log(id, 0).size();
        }

        Cli json = Cli.run("export", "negotiation", id, "--data", data.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode doc = Cli.MAPPER.readTree(json.out());
        var p = settings.create(S);
        Session alone = Session.run(S, p, Seating.agents(p, agents, 5, "agents"));
        assertThat(doc.get("result").get("type").asText()).isEqualTo(alone.agreement().isPresent()
                ? "agreement"
                : "no-agreement");
        assertThat(Cli.MAPPER.convertValue(doc.get("result").get("package"), Map.class)).isEqualTo(alone.agreement()
                .map(o -> o.toMap(S.issues())).orElse(null));
        assertThat(doc.get("moves").asInt()).isEqualTo(alone.moves().size());
        assertThat(doc.get("negotiation").get("status").asText()).isEqualTo(alone.agreement().isPresent()
                ? "agreed"
                : "no-agreement");

        Path out = tmp.resolve("debrief");
        Cli all = Cli.run("export", "negotiation", id, "--data", data.toString(), "--out", out.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        String stem = "debrief-" + id;
        for (String ext : new String[]{".html", ".json", ".csv", ".jsonl"}) {
            assertThat(out.resolve(stem + ext)).isNotEmptyFile();
            assertThat(all.out()).contains("Wrote " + out.resolve(stem + ext));
        }
        assertThat(Files.readString(out.resolve(stem + ".html"))).startsWith("<!DOCTYPE html>").contains(
                "<canvas id=\"frontier\"");
        assertThat(Files.readString(out.resolve(stem + ".csv")).lines()).hasSize(doc.get("rounds").size() + 1);
        Cli replay = Cli.run("replay", out.resolve(stem + ".jsonl").toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();

        Cli again = Cli.run("export", "negotiation", id, "--data", data.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists; add --force");
        try (Store store = Store.openDefault(data)) {
            assertThat(store.log(id, 0)).as("nothing is written to the store").hasSize((int) entries);
        }
    }

    @Test
    void aClass_isDebriefedGroupByGroup_andWhatIsNotThereIsSaid() throws Exception {
        Path data = tmp.resolve("data");
        serve(data, "{\"class\": \"Tuesday\", \"groups\": 2, \"scenario\": \"ceasefire-2025\", \"agents\": {\"US\": "
                + "\"hill-climb\", \"UA\": \"truthful\", \"RU\": \"truthful\", \"EUR\": \"truthful\"}}");
        Cli csv = Cli.run("export", "negotiation", "--class", "Tuesday", "--data", data.toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        var lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("group,negotiation,round,");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, 2)).contains("1,", "2,");

        Cli html = Cli.run("export", "negotiation", "--class", "Tuesday", "--data", data.toString(), "--format",
                "html");
        assertThat(html.out()).contains("<table id=\"groups\">").contains("id=\"g2-story\"");

        Cli none = Cli.run("export", "negotiation", "nope", "--data", data.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no negotiation nope in the store; the newest: ");
        assertThat(Cli.run("export", "negotiation", "--class", "Monday", "--data", data.toString()).err()).contains(
                "no class 'Monday'");
        assertThat(Cli.run("export", "negotiation", "--data", data.toString()).err()).contains("give a negotiation's "
                + "ID or --class NAME");
        assertThat(Cli.run("export", "negotiation", "--class", "Tuesday", "--format", "transcript", "--data", data
                .toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli empty = Cli.run("export", "negotiation", "x", "--data", tmp.resolve("nothing").toString());
        assertThat(empty.err()).contains("no database in");
        assertThat(tmp.resolve("nothing")).doesNotExist();
    }
}
