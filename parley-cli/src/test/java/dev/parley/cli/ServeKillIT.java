package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley serve} as a real process, killed right after each acknowledgement: a move is sent, its 200 read, and
 * the process SIGKILLed at once, with no other request in between; after the restart the move must be there, and the
 * state must be the one acknowledged. {@value #KILLS} kills on the default H2 store (and on PostgreSQL in the
 * subclass). The JVMs start from a class-data archive made once, with the client compiler only, so a kill and
 * restart takes well under a second. The 1,000-kill soak is {@code parley-bench/scripts/kill-after-ack.py}.
 */
class ServeKillIT {
    static final Pattern LISTENING = Pattern.compile("Parley is serving on http://127\\.0\\.0\\.1:(\\d+)/api");
    static final int KILLS = 50;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path archive;

    @TempDir
    Path data;
    final HttpClient http = HttpClient.newHttpClient();

    record Server(Process process, int port) {
    }

    /** Extra {@code parley serve} options naming the store; none: the default H2 file under the data folder. */
    List<String> storeArgs() {
        return List.of();
    }

    /** Makes the class-data archive: one start and a clean stop, which writes it. */
    @BeforeAll
    static void archiveTheClasses() throws Exception {
        archive = shared.resolve("parley.jsa");
        Process p = launch(List.of("-XX:ArchiveClassesAtExit=" + archive), shared.resolve("warm"), List.of()).process();
        p.destroy(); // SIGTERM: the shutdown hook runs and the VM writes the archive on its way out
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    static Server launch(List<String> jvm, Path data, List<String> storeArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", Path.of("target/parley.jar").toAbsolutePath().toString(), "serve", "--port",
                "0", "--data", data.toString()));
        command.addAll(storeArgs);
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PARLEY_ADMIN_TOKEN", "admin");
        Process p = pb.start();
        var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        // Reading the process's own lines is how we know it listens; readLine blocks until it says so or exits.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return new Server(p, Integer.parseInt(m.group(1)));
            }
        }
        throw new AssertionError("parley serve exited before listening (exit " + p.exitValue() + ")");
    }

    Server start() throws IOException {
        List<String> jvm = Files.exists(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
                : List.of();
        return launch(jvm, data, storeArgs());
    }

    JsonNode call(int port, String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Bearer " + token).method(method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    static void kill(Server s) throws InterruptedException {
        s.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigkillRightAfterEachAcknowledgement_losesNoMove_andLeavesTheAcknowledgedState() throws Exception {
        Server server = start();
        // People in every seat of an offer protocol: every move is one the test makes, and offers never end it.
        JsonNode created = call(server.port(), "POST", "/api/negotiations", "admin", "{\"scenario\": "
                + "\"ceasefire-2025\", \"protocol\": \"saop\", \"rounds\": 1000}");
        String id = created.get("id").asText();
        Map<String, String> tokens = JSON.convertValue(created.get("tokens"), Map.class);
        String ua = tokens.get("UA");
        int lost = 0;
        JsonNode view = call(server.port(), "GET", "/api/negotiations/" + id, ua, null);
        var expected = (ArrayNode) view.get("events");
        for (int kill = 0; kill < KILLS; kill++) {
            String mover = view.get("toMove").get(0).asText();
            ObjectNode offer = JSON.createObjectNode().put("type", "offer");
            ObjectNode pkg = offer.putObject("package");
            for (JsonNode issue : view.get("scenario").get("issues")) {
                JsonNode options = issue.get("options");
                pkg.put(issue.get("id").asText(), options.get(kill % options.size()).get("id").asText());
            }
            JsonNode reply = call(server.port(), "POST", "/api/negotiations/" + id + "/moves", tokens.get(mover),
                    offer.toString());
            kill(server); // at once: nothing read back first
            reply.get("events").forEach(expected::add);

            server = start();
            view = call(server.port(), "GET", "/api/negotiations/" + id, ua, null);
            JsonNode after = view.get("events");
            if (!after.equals(expected)) {
                lost++;
                expected = (ArrayNode) after; // go on from what the store kept, to count every loss
            }
        }
        try {
            assertThat(lost).as("acknowledged moves lost in " + KILLS + " kills").isZero();
            assertThat(expected).hasSizeGreaterThanOrEqualTo(KILLS);
            JsonNode audit = call(server.port(), "GET", "/api/negotiations/" + id + "/audit", "admin", null);
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        } finally {
            server.process().destroy();
            server.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
