package dev.parley.scenario.monitor;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Estimate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of an imported file, read by column name. Every reading that fails throws {@link InvalidInput} naming the
 * column, which the importer turns into a problem at that row and column. Immutable.
 */
final class Cells {
    private final Map<String, Integer> header;
    final CsvRecords.Row row;

    Cells(Map<String, Integer> header, CsvRecords.Row row) {
        this.header = header;
        this.row = row;
    }

    /** The column's text, trimmed; empty when the column is absent or the cell blank. */
    Optional<String> optional(String column) {
        Integer k = header.get(column);
        if (k == null || k >= row.fields().size()) {
            return Optional.empty();
        }
        String v = row.fields().get(k).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    String required(String column) {
        return optional(column).orElseThrow(() -> new InvalidInput(column, "empty; " + column + " is required"));
    }

    Optional<Long> count(String column) {
        Optional<String> v = optional(column);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(v.get()); // some exports write counts as 12.0
            if (d < 0 || d != Math.rint(d) || d > 1e15) {
                throw new NumberFormatException();
            }
            return Optional.of((long) d);
        } catch (NumberFormatException e) {
            throw new InvalidInput(column, "'" + v.get() + "' is not a whole number of at least 0");
        }
    }

    Optional<Estimate> estimate(String column) {
        return count(column).map(Estimate::exactly);
    }

    Optional<Integer> code(String column) {
        return count(column).map(Long::intValue);
    }

    Optional<Double> degrees(String column) {
        return optional(column).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InvalidInput(column, "'" + v + "' is not a number of degrees");
            }
        });
    }

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm[:ss][.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]",
                    Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter
            .ofPattern("d MMMM yyyy", Locale.ENGLISH), DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT));

    /**
     * A date or a date and time in {@code zone}; {@code endOfDay} makes a bare date mean the end of that day (the
     * last instant before the next). Accepts {@code 2025-03-18}, {@code 2025-03-18 19:00[:00[.000]]},
     * {@code 18 March 2025} and {@code 18/03/2025}.
     */
    Instant time(String column, ZoneId zone, boolean endOfDay) {
        String v = required(column);
        Instant fast = fast(v, zone, endOfDay);
        if (fast != null) {
            return fast;
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(v, f).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(v, f);
                return endOfDay
                        ? d.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                        : d.atStartOfDay(zone)
                                .toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new InvalidInput(column, "'" + v + "' is not a date (2025-03-18) or a date and time (2025-03-18 19:00)");
    }

    /**
     * The common forms {@code 2025-03-18}, {@code 2025-03-18 19:00} and {@code 2025-03-18 19:00:00} read without a
     * formatter (a formatter's parse costs more than the rest of a row); null for any other text, or a date that does
     * not exist, which the formatters then read or refuse.
     */
    private static Instant fast(String v, ZoneId zone, boolean endOfDay) {
        int n = v.length();
        if ((n != 10 && n != 16 && n != 19) || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int y = digits(v, 0, 4);
        int mo = digits(v, 5, 2);
        int d = digits(v, 8, 2);
        int h = 0;
        int mi = 0;
        int sec = 0;
        if (n > 10) {
            if (v.charAt(10) != ' ' || v.charAt(13) != ':' || (n == 19 && v.charAt(16) != ':')) {
                return null;
            }
            h = digits(v, 11, 2);
            mi = digits(v, 14, 2);
            sec = n == 19 ? digits(v, 17, 2) : 0;
        }
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) {
            return null;
        }
        try {
            if (n == 10) {
                LocalDate day = LocalDate.of(y, mo, d);
                return endOfDay
                        ? day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                        : day.atStartOfDay(
                                zone).toInstant();
            }
            return LocalDateTime.of(y, mo, d, h, mi, sec).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String v, int from, int count) {
        int x = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    /** Whether a time cell holds a time of day, not just a date. */
    boolean hasTime(String column) {
        return optional(column).filter(v -> v.length() > 10 && v.contains(":")).isPresent();
    }

    /** The 1-based column of a cell, for problems. */
    int columnOf(String column) {
        Integer k = header.get(column);
        return k == null || k >= row.columns().length ? 1 : row.columns()[k];
    }

    int lineOf(String column) {
        Integer k = header.get(column);
        return k == null || k >= row.lines().length ? row.line() : row.lines()[k];
    }

    /**
     * The trimmed cells of these columns, in this order, joined: what a row's claim id is a digest of, so that the
     * same data exported with its columns in another order, or others added, or cells padded, is the same claim.
     */
    String content(List<String> columns) {
        var s = new StringBuilder();
        for (String c : columns) {
            s.append(optional(c).orElse("")).append('\u001f');
        }
        return s.toString();
    }
}
