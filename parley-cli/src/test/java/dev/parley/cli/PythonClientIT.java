package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Python client's own tests ({@code clients/python}), run with Debian's {@code python3} and
 * {@code python3-websockets} against this build's jar: they start a real {@code parley serve} on loopback. Skipped
 * on a developer machine without them; under CI, whose {@code .ci/run} installs them, their absence fails.
 */
class PythonClientIT {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void thePythonClientsTests_passAgainstARealServer() throws Exception {
        boolean ready = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import websockets")
                .start().waitFor() == 0;
        if (!ready) {
            if (System.getenv("CI") != null) {
                fail("CI must install python3 and python3-websockets (apt-get install -y python3-websockets)");
            }
            Assumptions.abort("no /usr/bin/python3 with websockets (apt-get install python3-websockets)");
        }
        var pb = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v", "test_parley_client").directory(Path
                .of("../clients/python").toFile()).redirectErrorStream(true);
        pb.environment().put("PARLEY_JAR", Path.of("target/parley.jar").toAbsolutePath().toString());
        pb.environment().put("PARLEY_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        // every test the file holds ran: none was skipped or lost to an import error
        long tests = Files.readAllLines(Path.of("../clients/python/test_parley_client.py")).stream().filter(l -> l
                .startsWith("    def test_")).count();
        assertThat(tests).isGreaterThanOrEqualTo(5);
        assertThat(output).contains("Ran " + tests + " tests").contains("OK");
    }
}
