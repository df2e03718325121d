package dev.parley.cli;

import dev.parley.scenario.wire.Json;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Comma-separated values as RFC 4180 writes them: a field holding a comma, a quote or a line break is quoted, its
 * quotes doubled; figures are written to the 12 decimals the analysis is exact to, in plain notation. Stateless.
 */
final class Csv {
    private Csv() {
    }

    /** One field: text as it is, quoted when it must be; a number as a plain decimal; nothing for null. */
    static String field(Object x) {
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
    static String row(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }
}
