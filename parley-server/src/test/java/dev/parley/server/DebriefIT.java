package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.session.Move;
import dev.parley.engine.session.Session;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.wire.Csv;
import dev.parley.scenario.wire.PackageJson;
import dev.parley.scenario.wire.TranscriptJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The debrief downloads of a negotiation played to its end and of a class, checked against what the API said during
 * the talks and against the engine: the same agreement, every row's utilities those of its package under the
 * profiles, the transcript making the same events again, the CSV the same rows as the JSON; nothing is written.
 */
class DebriefIT extends HttpHarness {
    record Download(int status, String type, String disposition, String body) {
    }

    Download download(String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue(
                "Content-Disposition").orElse(""), r.body());
    }

    @Test
    void aNegotiationsDebrief_tellsTheTalksAsTheyWere_inEveryFormat() throws Exception {
        JsonNode created = create("{" + AGENTS_BESIDE_THE_MEDIATOR + "}");
        String id = created.get("id").asText();
        JsonNode nash = playToTheNash(id, created.get("tokens").get("US").asText());
        int entries = store.log(id, 0).size();

        Download json = download("/api/negotiations/" + id + "/debrief?format=json", ADMIN);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.type()).startsWith("application/json");
        assertThat(json.disposition()).isEqualTo("attachment; filename=\"debrief-" + id + ".json\"");
        JsonNode doc = TestJson.MAPPER.readTree(json.body());
        assertThat(doc.get("negotiation").get("status").asText()).isEqualTo("agreed");
        assertThat(doc.get("result").get("type").asText()).isEqualTo("agreement");
        assertThat(doc.get("result").get("package")).isEqualTo(nash);
        assertThat(doc.get("nashProductShare").asDouble()).isEqualTo(1.0); // the Nash package itself
        assertThat(doc.get("seats").get("US").asText()).isEqualTo("person");
        assertThat(doc.get("seats").get("RU").asText()).isEqualTo("truthful");
        // Every row's utilities are its package's under the true profiles, worked out here from the scenario.
        JsonNode rounds = doc.get("rounds");
        assertThat(rounds.size()).isGreaterThanOrEqualTo(2); // the opening text, then the one adopted
        for (JsonNode row : rounds) {
            Outcome o = PackageJson.read(row.get("package"), S.issues(), "package");
            S.profiles().forEach((party, profile) -> assertThat(row.get("utilities").get(party).asDouble()).as(party)
                    .isCloseTo(UtilityTable.of(S.space(), profile).utility(o.toArray()),
                            org.assertj.core.data.Offset.offset(1e-9)));
        }
        assertThat(rounds.get(rounds.size() - 1).get("package")).isEqualTo(nash);
        long stored = store.log(id, 0).stream().filter(e -> e.kind().equals("move")).count();
        assertThat(doc.get("transcript")).hasSize((int) stored);
        assertThat(doc.get("moves").asInt()).isEqualTo((int) stored);

        // The CSV: the same rows, the same utilities.
        Download csv = download("/api/negotiations/" + id + "/debrief?format=csv", ADMIN);
        assertThat(csv.type()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(rounds.size() + 1);
        List<String> header = Csv.parse(lines.get(0));
        for (int r = 0; r < rounds.size(); r++) {
            List<String> fields = Csv.parse(lines.get(r + 1));
            assertThat(Double.parseDouble(fields.get(header.indexOf("utility UA")))).isEqualTo(rounds.get(r).get(
                    "utilities").get("UA").asDouble());
            assertThat(fields.get(header.indexOf("CF"))).isEqualTo(rounds.get(r).get("package").get("CF").asText());
        }

        // The transcript makes the same events again through a fresh session of the engine.
        Download transcript = download("/api/negotiations/" + id + "/debrief?format=transcript", ADMIN);
        assertThat(transcript.disposition()).endsWith(".jsonl\"");
        List<String> tl = transcript.body().lines().toList();
        TranscriptJson.Header h = TranscriptJson.readHeader("transcript:1", tl.get(0));
        Session again = new Session(h.scenario(), h.settings().create(h.scenario()));
        for (int i = 1; i < tl.size(); i++) {
            TranscriptJson.Line line = TranscriptJson.readMove("transcript:" + (i + 1), tl.get(i), h.scenario(), i);
            Move made = again.move(line.move().party(), line.move().action());
            assertThat(TranscriptJson.events(made.events(), h.scenario())).isEqualTo(line.events());
        }
        assertThat(again.agreement().map(o -> o.toMap(S.issues()))).contains(TestJson.MAPPER.convertValue(nash,
                java.util.LinkedHashMap.class));

        // The page: the result first, the charts, no external resource.
        Download html = download("/api/negotiations/" + id + "/debrief", ADMIN);
        assertThat(html.type()).startsWith("text/html");
        assertThat(html.disposition()).endsWith(".html\"");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("Result: AGREEMENT").contains(
                "<canvas id=\"frontier\"").contains("window.ParleyCharts").doesNotContain("src=\"http")
                .doesNotContain("<script src=");
        assertThat(html.body().indexOf("Result: AGREEMENT")).isLessThan(html.body().indexOf("<canvas"));

        assertThat(store.log(id, 0)).as("a debrief writes nothing").hasSize(entries);
        assertThat(download("/api/negotiations/" + id + "/debrief", created.get("tokens").get("US").asText())
                .status()).as("the organiser's only").isEqualTo(403);
        assertThat(download("/api/negotiations/" + id + "/debrief?format=pdf", ADMIN).status()).isEqualTo(400);
    }

    @Test
    void aClassDebrief_putsItsGroupsSideBySide() throws Exception {
        JsonNode made = call("POST", "/api/classes", ADMIN, "{\"class\": \"Seminar B\", \"groups\": 2, "
                + AGENTS_BESIDE_THE_MEDIATOR + "}").body();
        JsonNode first = made.get("negotiations").get(0);
        JsonNode nash = playToTheNash(first.get("id").asText(), first.get("tokens").get("US").asText());
        String second = made.get("negotiations").get(1).get("id").asText();

        Download json = download("/api/classes/Seminar%20B/debrief?format=json", ADMIN);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.disposition()).isEqualTo("attachment; filename=\"seminar-b.json\"");
        JsonNode doc = TestJson.MAPPER.readTree(json.body());
        assertThat(doc.get("class").asText()).isEqualTo("Seminar B");
        assertThat(doc.get("groups")).hasSize(2);
        assertThat(doc.get("groups").get(0).get("negotiation").get("group").asInt()).isEqualTo(1);
        assertThat(doc.get("groups").get(0).get("result").get("package")).isEqualTo(nash);
        assertThat(doc.get("groups").get(1).get("negotiation").get("id").asText()).isEqualTo(second);
        assertThat(doc.get("groups").get(1).get("negotiation").get("status").asText()).isEqualTo("open");

        List<String> lines = download("/api/classes/Seminar%20B/debrief?format=csv", ADMIN).body().lines().toList();
        assertThat(Csv.parse(lines.get(0)).subList(0, 3)).containsExactly("group", "negotiation", "round");
        var groups = new ArrayList<String>();
        lines.subList(1, lines.size()).forEach(l -> groups.add(Csv.parse(l).get(0)));
        int rows1 = doc.get("groups").get(0).get("rounds").size();
        int rows2 = doc.get("groups").get(1).get("rounds").size();
        assertThat(groups).hasSize(rows1 + rows2);
        assertThat(groups.subList(0, rows1)).containsOnly("1");
        assertThat(groups.subList(rows1, groups.size())).containsOnly("2");

        String html = download("/api/classes/Seminar%20B/debrief", ADMIN).body();
        assertThat(html).contains("<table id=\"groups\">").contains("<tr data-group=\"1\">").contains(
                "<tr data-group=\"2\">").contains("id=\"g1-story\"").contains("id=\"g2-story\"").contains(
                        "<canvas id=\"g1-frontier\"")
                .contains("<select id=\"g2-pair\"");
        assertThat(download("/api/classes/nobody/debrief", ADMIN).status()).isEqualTo(404);
    }
}
