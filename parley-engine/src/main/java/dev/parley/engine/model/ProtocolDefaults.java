package dev.parley.engine.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A scenario's defaults for {@code parley run}: which protocol, who mediates, how many rounds, the discount factor
 * per round; and, for forecasts in calendar time, how long a round lasts and when the talks start. Immutable.
 *
 * @param type the protocol's id, as the scenario file names it (checked against the protocols there are where the
 *     file is read)
 * @param discount in (0, 1]; what a deal is worth per round of delay
 * @param roundDuration how long one round of the talks lasts, positive
 * @param start the day the talks start (round 0)
 */
public record ProtocolDefaults(String type, Optional<String> mediator, OptionalInt rounds, OptionalDouble discount,
        Optional<java.time.Duration> roundDuration, Optional<java.time.LocalDate> start) {
    /** Defaults without calendar time. */
    public ProtocolDefaults(String type, Optional<String> mediator, OptionalInt rounds, OptionalDouble discount) {
        this(type, mediator, rounds, discount, Optional.empty(), Optional.empty());
    }

    public ProtocolDefaults {
        Objects.requireNonNull(roundDuration, "roundDuration");
        Objects.requireNonNull(start, "start");
        if (roundDuration.isPresent() && (roundDuration.get().isNegative() || roundDuration.get().isZero())) {
            throw new IllegalArgumentException("a round must last some time");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mediator, "mediator");
        Objects.requireNonNull(rounds, "rounds");
        if (rounds.isPresent() && rounds.getAsInt() < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        Objects.requireNonNull(discount, "discount");
        if (discount.isPresent() && !(discount.getAsDouble() > 0 && discount.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1]");
        }
    }

    /** A duration as ISO-8601, in whole days where it is some ({@code P1D}, not the JDK's {@code PT24H}). */
    public static String iso(java.time.Duration d) {
        if (d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
