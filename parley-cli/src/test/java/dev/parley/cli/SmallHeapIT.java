package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact frontier of 10^6 outcomes, every one of them on it, within a heap of 64 MB: the runnable jar in a JVM
 * of its own with {@code -Xmx64m}. Two parties over 6 issues of 10 options: option k is worth k/9 to A and the rest
 * to B, issue i weighted in proportion to 10^i, so A's utility is the outcome's digits read as a number over
 * 999,999, B's is 1 minus that: no two outcomes tie and none dominates another.
 */
class SmallHeapIT {
    private static final Path JAR = Path.of("target/parley.jar").toAbsolutePath();

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMillionOutcomesOnTheFrontier_runIn64MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opposed.yaml");
        Files.writeString(file, opposed(6));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-jar", JAR.toString(), "analyze", file.toString(),
                "--no-blocking", "--format", "json")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.get("notes")).as("nothing refused or cut").isEmpty();
        assertThat(doc.get("frontier").get("size").asLong()).isEqualTo(1_000_000);
        assertThat(doc.get("frontier").get("distinct").asLong()).isEqualTo(1_000_000);
        // A = n / 999,999 and B = 1 - A: the Nash product is largest at n = 499,999 or 500,000, A within 1/999,999
        // of one half.
        JsonNode nash = doc.get("solutions").get("nash").get("utilities");
        assertThat(nash.get("A").asDouble()).isCloseTo(0.5, within(1.0 / 999_999));
        assertThat(nash.get("A").asDouble() + nash.get("B").asDouble()).isCloseTo(1.0, within(1e-9));
    }

    /** The scenario above, as a parley/1 file. */
    private static String opposed(int issues) {
        var y = new StringBuilder("format: parley/1\nid: opposed\ntitle: Opposed values\nparties:\n");
        for (String party : List.of("A", "B")) {
            y.append("  - {id: ").append(party).append(", name: ").append(party).append(", role: principal, ")
                    .append("ratifies: true}\n");
        }
        y.append("issues:\n");
        for (int i = 0; i < issues; i++) {
            y.append("  - {id: I").append(i).append(", options: [o0, o1, o2, o3, o4, o5, o6, o7, o8, o9]}\n");
        }
        y.append("profiles:\n");
        double total = (Math.pow(10, issues) - 1) / 9; // 1 + 10 + ... + 10^(issues - 1)
        for (String party : List.of("A", "B")) {
            y.append("  ").append(party).append(":\n    reservation: 0\n    weights: {");
            for (int i = 0; i < issues; i++) {
                y.append(i == 0 ? "" : ", ").append("I").append(i).append(": ").append(Math.pow(10, i) / total);
            }
            y.append("}\n    values:\n");
            for (int i = 0; i < issues; i++) {
                y.append("      I").append(i).append(": [");
                for (int k = 0; k < 10; k++) {
                    y.append(k == 0 ? "" : ", ").append((party.equals("A") ? k : 9 - k) / 9.0);
                }
                y.append("]\n");
            }
        }
        return y.toString();
    }
}
