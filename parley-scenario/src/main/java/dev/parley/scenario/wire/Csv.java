package dev.parley.scenario.wire;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: a field holding a comma, a quote or a line break is quoted, its
 * quotes doubled; figures are written to the 12 decimals the analysis is exact to, in plain notation. Stateless.
 */
public final class Csv {
    private Csv() {
    }

    /** One field: text as it is, quoted when it must be; a number as a plain decimal; nothing for null. */
    public static String field(Object x) {
        if (x == null) {
            return "";
        }
        if (x instanceof Double d) {
            return plain(d);
        }
        String s = x.toString();
        return quoted(s) ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static boolean quoted(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link Json#exact} of {@code d} as a plain decimal without trailing zeros: {@code BigDecimal}'s
     * {@code stripTrailingZeros().toPlainString()} of it, made from {@code Double.toString} directly when that is
     * already plain (one of its digits per decimal, as {@code BigDecimal.valueOf} reads it), which is most figures.
     */
    static String plain(double d) {
        double x = Json.exact(d);
        String t = Double.toString(x);
        if (t.indexOf('E') >= 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
        int end = t.length();
        while (t.charAt(end - 1) == '0') {
            end--;
        }
        if (t.charAt(end - 1) == '.') {
            end--;
        }
        String out = t.substring(0, end);
        return out.equals("-0") ? "0" : out;
    }

    /** One line: the fields, comma-separated, ending in a line break. */
    public static String row(List<?> fields) {
        var line = new StringBuilder(16 * fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append('\n').toString();
    }

    /**
     * The fields of one line written by {@link #row} (without its line break): quoted fields unquoted, their doubled
     * quotes made single.
     *
     * @throws IllegalArgumentException when a quoted field is not closed
     */
    public static List<String> parse(String line) {
        var out = new java.util.ArrayList<String>();
        var field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    int q = line.indexOf('"', i);
                    if (q < 0) {
                        throw new IllegalArgumentException("a quoted field is not closed");
                    }
                    field.append(line, i, q);
                    if (q + 1 < line.length() && line.charAt(q + 1) == '"') {
                        field.append('"');
                        i = q + 2;
                    } else {
                        i = q + 1;
                        break;
                    }
                }
            } else {
                int c = line.indexOf(',', i);
                int end = c < 0 ? line.length() : c;
                field.append(line, i, end);
                i = end;
            }
            out.add(field.toString());
            if (i >= line.length()) {
                return out;
            }
            if (line.charAt(i) != ',') {
                throw new IllegalArgumentException("a quoted field is followed by more than a comma");
            }
            i++;
        }
    }
}
