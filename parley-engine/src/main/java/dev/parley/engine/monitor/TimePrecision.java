package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;

/**
 * How precisely a source knows when an incident happened: the finest unit its time is good to. UCDP GED's
 * {@code date_prec} and ACLED's {@code time_precision} codes map onto it ({@link #ucdp}, {@link #acled}).
 */
public enum TimePrecision {
    MINUTE("minute"), HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), YEAR("year");

    private final String id;

    TimePrecision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TimePrecision of(String field, String id) {
        return Ids.named(field, id, values(), TimePrecision::id, "time precision");
    }

    /**
     * UCDP GED's {@code date_prec}: 1 the exact day, 2 within 2–6 days, 3 the week, 4 the month, 5 longer.
     *
     * @throws InvalidInput for another code
     */
    public static TimePrecision ucdp(String field, int code) {
        return switch (code) {
            case 1 -> DAY;
            case 2, 3 -> WEEK;
            case 4 -> MONTH;
            case 5 -> YEAR;
            default -> throw new InvalidInput(field, "date_prec must be 1 to 5, not " + code);
        };
    }

    /**
     * ACLED's {@code time_precision}: 1 the day, 2 the week (or a range of days), 3 the month.
     *
     * @throws InvalidInput for another code
     */
    public static TimePrecision acled(String field, int code) {
        return switch (code) {
            case 1 -> DAY;
            case 2 -> WEEK;
            case 3 -> MONTH;
            default -> throw new InvalidInput(field, "time_precision must be 1, 2 or 3, not " + code);
        };
    }
}
