package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;

/**
 * How precisely a source knows where: UCDP GED's {@code where_prec} and ACLED's {@code geo_precision} codes map onto it
 * ({@link #ucdp}, {@link #acled}).
 */
public enum PlacePrecision {
    /** The exact place (a town, a village, a position). */
    EXACT("exact"),
    /** Near a named place, within about 25 km. */
    NEAR("near"),
    /** Somewhere in a second-order administrative area (a district, a raion). */
    ADMIN2("admin2"),
    /** Somewhere in a first-order administrative area (a region, an oblast). */
    ADMIN1("admin1"),
    /** Along a line or in an area that is no administrative unit (a front line, a sea). */
    AREA("area"),
    /** Only the country is known. */
    COUNTRY("country");

    private final String id;

    PlacePrecision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PlacePrecision of(String field, String id) {
        return Ids.named(field, id, values(), PlacePrecision::id, "place precision");
    }

    /**
     * UCDP GED's {@code where_prec}: 1 exact, 2 within 25 km, 3 second-order administrative division, 4 first-order,
     * 5 a linear feature or area, 6 the country, 7 international waters or airspace.
     */
    public static PlacePrecision ucdp(String field, int code) {
        return switch (code) {
            case 1 -> EXACT;
            case 2 -> NEAR;
            case 3 -> ADMIN2;
            case 4 -> ADMIN1;
            case 5, 7 -> AREA;
            case 6 -> COUNTRY;
            default -> throw new InvalidInput(field, "where_prec must be 1 to 7, not " + code);
        };
    }

    /** ACLED's {@code geo_precision}: 1 the town itself, 2 near it or part of a region, 3 a larger region. */
    public static PlacePrecision acled(String field, int code) {
        return switch (code) {
            case 1 -> EXACT;
            case 2 -> NEAR;
            case 3 -> ADMIN1;
            default -> throw new InvalidInput(field, "geo_precision must be 1, 2 or 3, not " + code);
        };
    }
}
