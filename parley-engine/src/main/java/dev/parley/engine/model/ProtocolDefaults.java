package dev.parley.engine.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A scenario's defaults for {@code parley run}: which protocol, who mediates, how many rounds, the discount factor
 * per round. Immutable.
 *
 * @param type the protocol's id, as the scenario file names it (checked against the protocols there are where the
 *     file is read)
 * @param discount in (0, 1]; what a deal is worth per round of delay
 */
public record ProtocolDefaults(String type, Optional<String> mediator, OptionalInt rounds, OptionalDouble discount) {
    public ProtocolDefaults {
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
}
