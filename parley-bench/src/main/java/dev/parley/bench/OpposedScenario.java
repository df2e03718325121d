package dev.parley.bench;

import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes issue 20's all-frontier input as a {@code parley/1} file: 2 principals over ISSUES issues of 10 options
 * with opposed values ({@link Scenarios#opposed(int, int)}), so that every one of the 10^ISSUES outcomes is on the
 * frontier. Time {@code ./parley analyze FILE} on it (6 issues: 10^6, 7 issues: 10^7).
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.OpposedScenario [ISSUES [FILE]]
 * </pre>
 */
public final class OpposedScenario {
    private OpposedScenario() {
    }

    public static void main(String[] args) throws IOException {
        int issues = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path file = Path.of(args.length > 1 ? args[1] : "out/opposed-" + issues + ".yaml");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, ScenarioWriter.write(Scenarios.opposed(issues, 10), Format.YAML));
        System.out.println("wrote " + file + ": 10^" + issues + " outcomes, all on the frontier");
    }
}
