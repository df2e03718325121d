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

    /** The row's cells joined, for a digest that makes an imported row's id. */
    String content() {
        return String.join("\u001f", row.fields());
    }
}
