package dev.parley.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes issue 20's large input: a {@code parley/1} file of OPTIONS options in all (default 40,000: about 3.2 MB),
 * over 4 issues, with two ratifying principals and a mediator, every option labelled and valued by every party
 * (values drawn from a seeded generator, 4 decimals; each issue has a best option at 1 and a worst at 0) and a
 * reservation of 0.5; A's red lines leave ten options on every issue but the first, so that 10^7 of the 10^16
 * packages are within red lines and {@code analyze --no-blocking} is mostly reading the file; {@code analyze} also
 * says what each of its 29,973 red lines blocks, worked out from the zone, a sweep per issue, rather than one zone
 * analysis each. Time {@code ./parley validate FILE}, {@code show}, {@code analyze} and
 * {@code analyze --no-blocking} on it, e.g.
 * with {@code parley-bench/scripts/startup.py --large FILE}.
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.LargeScenario [OPTIONS [FILE]]
 * </pre>
 */
public final class LargeScenario {
    static final int ISSUES = 4;
    static final String[] PARTIES = {"A", "B", "M"};

    private LargeScenario() {
    }

    public static void main(String[] args) throws IOException {
        int options = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        Path file = Path.of(args.length > 1 ? args[1] : "out/large-" + options + ".yaml");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, options, 2026);
        }
        System.out.printf(Locale.ROOT, "%s: %,d options, %,d bytes%n", file, options, Files.size(file));
    }

    static void write(Writer w, int options, long seed) throws IOException {
        if (options < 2 * ISSUES) {
            throw new IllegalArgumentException("at least " + 2 * ISSUES + " options: two an issue");
        }
        int per = options / ISSUES;
        var rnd = new SplittableRandom(seed);
        w.write("format: parley/1\nid: large-" + options + "\ntitle: " + options
                + " options over 4 issues (issue 20's large input)\nparties:\n");
        for (String p : PARTIES) {
            w.write("  - id: " + p + "\n    name: Party " + p + "\n    role: "
                    + (p.equals("M") ? "mediator" : "principal")
                    + "\n    ratifies: " + !p.equals("M") + "\n");
        }
        w.write("issues:\n");
        for (int i = 0; i < ISSUES; i++) {
            w.write("  - id: I" + i + "\n    name: Issue " + i + "\n    options:\n");
            for (int k = 0; k < per + (i < options % ISSUES ? 1 : 0); k++) {
                w.write("      - id: o" + k + "\n        label: Option " + k + " of issue " + i + "\n");
            }
        }
        w.write("profiles:\n");
        for (String p : PARTIES) {
            w.write("  " + p + ":\n    reservation: 0.5\n    weights: {I0: 0.4, I1: 0.3, I2: 0.2, I3: 0.1}\n"
                    + "    values:\n");
            for (int i = 0; i < ISSUES; i++) {
                int n = per + (i < options % ISSUES ? 1 : 0);
                int best = rnd.nextInt(n);
                int worst = (best + 1 + rnd.nextInt(n - 1)) % n;
                var line = new StringBuilder("      I" + i + ": [");
                for (int k = 0; k < n; k++) {
                    double v = k == best ? 1 : k == worst ? 0 : Math.round(rnd.nextDouble() * 10_000) / 10_000.0;
                    line.append(k == 0 ? "" : ", ").append(v == 1
                            ? "1"
                            : v == 0
                                    ? "0"
                                    : String.format(Locale.ROOT,
                                            "%.4f", v));
                }
                w.write(line.append("]\n").toString());
            }
            if (p.equals("A")) { // on every issue but the first, all but ten options: 10^7 packages within red lines
                w.write("    redLines:\n");
                for (int i = 1; i < ISSUES; i++) {
                    var line = new StringBuilder("      I" + i + ": [");
                    int n = per + (i < options % ISSUES ? 1 : 0);
                    for (int k = Math.min(10, n - 1); k < n; k++) {
                        line.append(k == Math.min(10, n - 1) ? "" : ", ").append('o').append(k);
                    }
                    w.write(line.append("]\n").toString());
                }
            } else if (p.equals("B")) {
                w.write("    redLines: {I0: [o" + rnd.nextInt(per) + "]}\n");
            }
        }
    }
}
