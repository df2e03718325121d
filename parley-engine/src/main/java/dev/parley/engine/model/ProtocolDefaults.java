package dev.parley.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A scenario's defaults for {@code parley run}: which protocol, who mediates, how many rounds, the discount factor
 * per round. Immutable.
 *
 * @param type one of {@link #TYPES}
 * @param discount in (0, 1]; what a deal is worth per round of delay
 */
public record ProtocolDefaults(String type, Optional<String> mediator, OptionalInt rounds, OptionalDouble discount) {
    /** The protocols Parley knows, by the name used in files and on the command line. */
    public static final List<String> TYPES = List.of("single-text", "shuttle", "saop", "alternating", "zeuthen");

    public ProtocolDefaults {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown protocol " + type);
        }
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
}
