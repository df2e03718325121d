package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley serve} as a real process: moves are acknowledged, the process is killed with SIGKILL, and after a
 * restart on the same data every acknowledged move is there and the state is identical.
 */
class ServeKillIT {
    static final Pattern LISTENING = Pattern.compile("Parley is serving on http://127\\.0\\.0\\.1:(\\d+)/api");

    @TempDir
    Path data;
    final HttpClient http = HttpClient.newHttpClient();

    record Server(Process process, int port) {
    }

    /** Extra {@code parley serve} options naming the store; none: the default H2 file under the data folder. */
    List<String> storeArgs() {
        return List.of();
    }

    Server start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-jar", Path.of("target/parley.jar").toAbsolutePath()
                .toString(), "serve", "--port", "0", "--data", data.toString()));
        command.addAll(storeArgs());
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
        throw new AssertionError("parley serve exited before listening (exit " + p.waitFor(5, TimeUnit.SECONDS) + ")");
    }

    JsonNode call(int port, String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Bearer " + token).method(method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Test
    void sigkill_losesNoAcknowledgedMove() throws Exception {
        Server first = start();
        JsonNode created = call(first.port(), "POST", "/api/negotiations", "admin",
                "{\"scenario\": \"ceasefire-2025\", "
                        + "\"agents\": {\"US\": \"hill-climb\", \"RU\": \"truthful\", \"EU\": \"truthful\"}}");
        String id = created.get("id").asText();
        String ua = created.get("tokens").get("UA").asText();
        for (int i = 0; i < 6; i++) {
            JsonNode v = call(first.port(), "GET", "/api/negotiations/" + id, ua, null);
            if (v.get("ended").asBoolean()) {
                break;
            }
            call(first.port(), "POST", "/api/negotiations/" + id + "/moves", ua, "{\"type\": \"vote\", \"accept\": "
                    + (i % 2 == 0) + "}");
        }
        JsonNode before = call(first.port(), "GET", "/api/negotiations/" + id, ua, null);

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        Server second = start();
        try {
            JsonNode after = call(second.port(), "GET", "/api/negotiations/" + id, ua, null);
            assertThat(after).isEqualTo(before);
            JsonNode audit = call(second.port(), "GET", "/api/negotiations/" + id + "/audit", "admin", null);
            assertThat(audit.get("intact").asBoolean()).isTrue();
        } finally {
            second.process().destroy();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
