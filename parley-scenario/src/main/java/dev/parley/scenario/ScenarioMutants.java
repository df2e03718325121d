package dev.parley.scenario;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Seeded mutants of a scenario file's text, for fuzzing the reader: one to four edits, each a deletion, a
 * duplication, a swap of two characters, or an insertion of a fragment a reader must cope with (YAML tags,
 * anchors and aliases, odd scalars, structure, control and bidi characters). Stateless.
 */
public final class ScenarioMutants {
    /** The fragments an insertion chooses from. */
    static final List<String> FRAGMENTS = List.of("!!binary aGk=", "&a ", "*a", "!!set {a, b}", "? [x]\n: y", "<<: *a",
            ".nan", "-.inf", "1e400", "99999999999999999999", "~", "null", "true", "\"\"", "[]", "{}", "- ", ": ",
            "\n", "\t", "#", "'", "\"", "{", "}", "[", "]", ",", "0x1F", "1_000", "!!int 3", "!foo bar", "%YAML 1.2\n",
            "---\n", "...\n", "\u0000", "\u202e");

    private ScenarioMutants() {
    }

    /** A mutant of {@code text}. */
    public static String mutate(String text, RandomGenerator r) {
        var s = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            int len = 1 + r.nextInt(Math.min(40, s.length() - at));
            switch (r.nextInt(4)) {
                case 0 -> s.delete(at, at + len);
                case 1 -> s.insert(at, s.substring(at, at + len));
                case 2 -> s.insert(at, FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
                default -> {
                    int other = r.nextInt(s.length());
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, c);
                }
            }
        }
        return s.toString();
    }

    /**
     * What reading one mutant gave: read and written back equal; refused with located problems (on a path of the
     * document, or at a line of it as a whole, like a syntax error); or a failure of the reader (an exception, a
     * problem that names no line, a round trip that differs), described.
     */
    public sealed interface Outcome {
        record Read() implements Outcome {
        }

        record Refused(boolean onAPath) implements Outcome {
        }

        record Failed(String why) implements Outcome {
        }
    }

    /** Reads one mutant and judges the reader by it. */
    public static Outcome judge(String name, String text, Format format) {
        dev.parley.engine.model.Scenario read;
        try {
            read = ScenarioReader.read(name, text, format);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                // Only a problem with the whole file (empty, too large) may name no line.
                if (p.line() <= 0 && !(p.path().isEmpty() && (p.message().equals("file is empty") || p.message()
                        .contains("over the 10 MB limit")))) {
                    return new Outcome.Failed("unlocated: " + p);
                }
                if (p.message().contains("Exception") || p.message().contains("java.") || p.message().contains(
                        "com.fasterxml")) {
                    return new Outcome.Failed("internal text: " + p);
                }
            }
            return new Outcome.Refused(e.problems().stream().anyMatch(p -> !p.path().isEmpty()));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Failed("crash: " + e);
        }
        try {
            String again = ScenarioWriter.write(read, format);
            return ScenarioReader.read(name, again, format).equals(read)
                    ? new Outcome.Read()
                    : new Outcome.Failed("read back differs");
        } catch (RuntimeException e) {
            return new Outcome.Failed("written, not read back: " + e.getMessage());
        }
    }
}
