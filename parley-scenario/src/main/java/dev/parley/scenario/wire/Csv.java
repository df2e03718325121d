package dev.parley.scenario.wire;

import java.util.List;
import java.util.stream.Collectors;

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
            return java.math.BigDecimal.valueOf(Json.exact(d)).stripTrailingZeros().toPlainString();
        }
        String s = x.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
    }

    /** One line: the fields, comma-separated, ending in a line break. */
    public static String row(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
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
