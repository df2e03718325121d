package dev.parley.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario file: where it is (file, line and column, path in the document tree) and which
 * rule it breaks. Immutable.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the file as a whole
 * @param column 1-based column, or 0 with line 0
 * @param path dotted path in the document, e.g. {@code profiles.UA.weights}; empty for the whole document
 * @param message what is wrong
 */
public record Problem(String file, int line, int column, String path, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the file as a whole: it is missing, unreadable, too large... */
    static Problem ofFile(String file, String message) {
        return new Problem(file, 0, 0, "", message);
    }

    /** {@code file:line:column path: message}, leaving out what is not known. */
    @Override
    public String toString() {
        var s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        if (!path.isEmpty()) {
            s.append(' ').append(path);
        }
        return s.append(": ").append(message).toString();
    }
}
