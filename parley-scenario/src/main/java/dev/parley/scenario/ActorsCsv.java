package dev.parley.scenario;

import dev.parley.engine.forecast.ExpectedUtility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the actors of a one-issue expected-utility model from CSV: a header naming the columns {@code actor},
 * {@code capability}, {@code position} and {@code salience} (in any order, any case), then one actor per line;
 * capability a number of at least 0, position any number (the scale), salience in [0, 1]. Every problem is
 * reported at once, each with its line and column. Stateless.
 */
public final class ActorsCsv {
    static final List<String> COLUMNS = List.of("actor", "capability", "position", "salience");
    /** Files larger than this are refused before reading. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private ActorsCsv() {
    }

    /** @throws ScenarioException naming every problem, with its line and column */
    public static List<ExpectedUtility.Actor> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_BYTES) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "", "over 10 MB; an actors file is a few "
                    + "lines")));
        }
        return read(name, Files.readString(file));
    }

    /** The actors in {@code text}, read as the file {@code name}. */
    public static List<ExpectedUtility.Actor> read(String name, String text) {
        var problems = new ArrayList<Problem>();
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "", "empty; expected a header "
                    + String.join(",", COLUMNS) + " and one line per actor")));
        }
        List<String> header = List.of(lines.get(0).split(",", -1)).stream().map(h -> h.strip().toLowerCase(
                Locale.ROOT)).toList();
        int[] at = new int[COLUMNS.size()];
        for (int k = 0; k < COLUMNS.size(); k++) {
            at[k] = header.indexOf(COLUMNS.get(k));
            if (at[k] < 0) {
                problems.add(new Problem(name, 1, 1, "", "no column '" + COLUMNS.get(k) + "' in the header (columns: "
                        + String.join(", ", COLUMNS) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        var out = new ArrayList<ExpectedUtility.Actor>();
        var seen = new java.util.HashSet<String>();
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int lineNo = l + 1;
            if (cells.length != header.size()) {
                problems.add(new Problem(name, lineNo, 1, "", cells.length + " cells; the header has " + header
                        .size()));
                continue;
            }
            String actor = cells[at[0]].strip();
            double capability = number(problems, name, lineNo, cells, at[1], "capability", 0, Double.MAX_VALUE);
            double position = number(problems, name, lineNo, cells, at[2], "position", -Double.MAX_VALUE,
                    Double.MAX_VALUE);
            double salience = number(problems, name, lineNo, cells, at[3], "salience", 0, 1);
            if (actor.isEmpty()) {
                problems.add(new Problem(name, lineNo, column(cells, at[0]), "actor", "no actor named"));
            } else if (!seen.add(actor)) {
                problems.add(new Problem(name, lineNo, column(cells, at[0]), "actor", "'" + actor + "' comes twice"));
            }
            if (!Double.isNaN(capability) && !Double.isNaN(position) && !Double.isNaN(salience) && !actor.isEmpty()) {
                out.add(new ExpectedUtility.Actor(actor, capability, position, salience));
            }
        }
        if (problems.isEmpty() && out.size() < 2) {
            problems.add(new Problem(name, Math.max(1, lines.size()), 1, "", "the model needs at least two actors"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    private static double number(List<Problem> problems, String name, int line, String[] cells, int k, String what,
            double min, double max) {
        String cell = cells[k].strip();
        try {
            double x = Double.parseDouble(cell);
            if (!(x >= min && x <= max) || Double.isInfinite(x)) {
                problems.add(new Problem(name, line, column(cells, k), what, cell + " is outside " + (max == 1
                        ? "[0, 1]"
                        : min == 0 ? "the numbers of at least 0" : "the finite numbers")));
                return Double.NaN;
            }
            return x;
        } catch (NumberFormatException e) {
            problems.add(new Problem(name, line, column(cells, k), what, "'" + cell + "' is not a number"));
            return Double.NaN;
        }
    }

    /** The 1-based column where cell {@code k} starts. */
    private static int column(String[] cells, int k) {
        int c = 1;
        for (int i = 0; i < k; i++) {
            c += cells[i].length() + 1;
        }
        return c;
    }
}
