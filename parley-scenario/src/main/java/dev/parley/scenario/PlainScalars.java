package dev.parley.scenario;

import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.util.Set;

/**
 * How YAML 1.1 (SnakeYAML's resolver, then Jackson) reads a plain scalar, for the cases {@link FastYaml} reads itself:
 * text, {@code true} and {@code false}, decimal numbers and dates; every other case is left to the general path.
 * Stateless.
 */
final class PlainScalars {
    /** Words YAML 1.1 reads as true, false or null. */
    static final Set<String> WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false",
            "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~");

    private PlainScalars() {
    }

    /** Whether a plain scalar may start with {@code c} here: none of YAML's indicators. */
    static boolean canStart(char c) {
        return "-?:,[]{}#&*!|>'\"%@`<=~ ".indexOf(c) < 0;
    }

    /**
     * A plain scalar as YAML 1.1 resolves it (and Jackson gives it), or null when it is other than text, true/false,
     * a decimal number or a date.
     */
    static ScalarNode resolve(int line, int column, String t) {
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(0);
        if ((c >= '0' && c <= '9') || c == '+' || c == '.') {
            if (decimal(t)) {
                double value = Double.parseDouble(t);
                return Double.isFinite(value) ? new ScalarNode(line, column, ScalarType.NUMBER, t, value) : null;
            }
            if (date(t) || (c >= '0' && c <= '9' && wordy(t))) { // a timestamp (Jackson gives its text), or text
                return new ScalarNode(line, column, ScalarType.STRING, t, Double.NaN);
            }
            return null;
        }
        if (WORDS.contains(t)) {
            if (t.equals("true") || t.equals("false")) {
                return new ScalarNode(line, column, ScalarType.BOOLEAN, t, Double.NaN);
            }
            return null;
        }
        return new ScalarNode(line, column, ScalarType.STRING, t, Double.NaN);
    }

    /**
     * {@code 0}, an integer without a leading zero (at most 15 digits), or digits '.' digits, either perhaps with an
     * exponent ({@code 1.0E-4}, {@code 2e5}): what YAML 1.1 reads as an int or a float and Java's
     * {@link Double#parseDouble} reads alike.
     */
    private static boolean decimal(String t) {
        int n = t.length();
        if (n > 24) {
            return false;
        }
        int exp = Math.max(t.indexOf('e'), t.indexOf('E'));
        if (exp >= 0) {
            int from = exp + 1 < n && (t.charAt(exp + 1) == '-' || t.charAt(exp + 1) == '+') ? exp + 2 : exp + 1;
            return exp > 0 && from < n && digits(t, from, n) && mantissa(t.substring(0, exp));
        }
        if (t.indexOf('.') < 0) {
            return n <= 15 && (t.equals("0") || (t.charAt(0) >= '1' && t.charAt(0) <= '9' && digits(t, 1, n)));
        }
        return mantissa(t);
    }

    /** Digits, or digits '.' digits. */
    private static boolean mantissa(String t) {
        int dot = t.indexOf('.');
        return dot < 0
                ? !t.isEmpty() && digits(t, 0, t.length())
                : dot > 0 && dot < t.length() - 1 && digits(t, 0,
                        dot) && digits(t, dot + 1, t.length());
    }

    /**
     * Whether the text holds a letter that none of YAML 1.1's numbers or timestamps can hold (they hold only digits,
     * signs, '.', ':', '_', spaces and a-f, x, o, T, Z, e): text, though it starts with a digit ("40 days").
     */
    private static boolean wordy(String t) {
        for (int k = 0; k < t.length(); k++) {
            if ("ghijklmnpqrsuvwyzGHIJKLMNPQRSUVWY".indexOf(t.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code yyyy-mm-dd}. */
    private static boolean date(String t) {
        return t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' && digits(t, 0, 4) && digits(t, 5, 7)
                && digits(t, 8, 10);
    }

    private static boolean digits(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.charAt(k) < '0' || t.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
