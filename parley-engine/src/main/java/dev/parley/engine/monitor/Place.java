package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an incident happened, as a claim or an observation gives it. Immutable.
 *
 * @param name the place's name (a town, a position, "Black Sea")
 * @param admin1 the first-order administrative area (oblast, region), if given
 * @param admin2 the second-order one (raion, district), if given
 * @param latitude degrees north, with {@code longitude}, if given
 * @param precision how precisely the place is known
 * @param controlledBy the party controlling the place at the time, if given
 */
public record Place(String name, Optional<String> admin1, Optional<String> admin2, Optional<Double> latitude,
        Optional<Double> longitude, PlacePrecision precision, Optional<String> controlledBy) {
    public Place {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidInput("place", "a place needs a name");
        }
        if (latitude.isPresent() != longitude.isPresent()) {
            throw new InvalidInput("place", "give latitude and longitude together");
        }
        if (latitude.filter(v -> !(v >= -90 && v <= 90)).isPresent() || longitude.filter(v -> !(v >= -180
                && v <= 180)).isPresent()) {
            throw new InvalidInput("place", "latitude must be within -90..90 and longitude within -180..180");
        }
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(controlledBy, "controlledBy");
    }

    /** A place known by name only, to that precision. */
    public static Place named(String name, PlacePrecision precision) {
        return new Place(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), precision,
                Optional.empty());
    }

    public Place withAdmin(Optional<String> admin1, Optional<String> admin2) {
        return new Place(name, admin1, admin2, latitude, longitude, precision, controlledBy);
    }

    public Place withPosition(double latitude, double longitude) {
        return new Place(name, admin1, admin2, Optional.of(latitude), Optional.of(longitude), precision, controlledBy);
    }

    public Place controlledBy(String party) {
        return new Place(name, admin1, admin2, latitude, longitude, precision, Optional.of(party));
    }

    /** The name with its first-order area, for tables: "Kryvyi Rih (Dnipropetrovsk)". */
    public String label() {
        return admin1.filter(a -> !a.equalsIgnoreCase(name)).map(a -> name + " (" + a + ")").orElse(name);
    }
}
