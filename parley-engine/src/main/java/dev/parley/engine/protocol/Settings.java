package dev.parley.engine.protocol;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Scenario;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a protocol. Every field has a default, from the scenario's protocol section or else the built-in one;
 * change one with its wither. Immutable; validated on construction, so a protocol is never built from settings out of
 * range.
 *
 * @param kind the protocol
 * @param rounds the deadline in rounds (the last round is {@code rounds - 1}); at most {@link #MAX_ROUNDS}
 * @param mediator the mediator (single-text, shuttle)
 * @param stallLimit single-text: proposals in a row without adoption before the talks end
 * @param opening single-text and shuttle: the opening text or package
 * @param discount alternating: δ per round, in (0, 1]
 */
public record Settings(ProtocolKind kind, int rounds, Optional<String> mediator, int stallLimit,
        Optional<Outcome> opening, double discount) {
    /** The longest deadline accepted: far beyond any talks, short of a session that never ends. */
    public static final int MAX_ROUNDS = 100_000;
    /** The default deadline. */
    public static final int DEFAULT_ROUNDS = 200;
    /** The default stall limit of single-text. */
    public static final int DEFAULT_STALL_LIMIT = 100;

    public Settings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediator, "mediator");
        Objects.requireNonNull(opening, "opening");
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new InvalidInput("rounds", "rounds must be from 1 to " + MAX_ROUNDS + ", not " + rounds);
        }
        if (stallLimit < 1) {
            throw new InvalidInput("stallLimit", "the stall limit must be at least 1, not " + stallLimit);
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new InvalidInput("discount", "the discount must be in (0, 1], not " + discount);
        }
    }

    /** The scenario's defaults, else single-text (saop without a mediator), 200 rounds, stall limit 100. */
    public static Settings defaults(Scenario s) {
        Optional<ProtocolDefaults> d = s.protocol();
        Optional<String> mediator = d.flatMap(ProtocolDefaults::mediator).or(s::mediator);
        ProtocolKind kind = d.map(x -> ProtocolKind.require("protocol.type", x.type()))
                .orElse(mediator.isPresent() ? ProtocolKind.SINGLE_TEXT : ProtocolKind.SAOP);
        int rounds = d.map(x -> x.rounds().orElse(DEFAULT_ROUNDS)).orElse(DEFAULT_ROUNDS);
        double discount = d.map(x -> x.discount().orElse(1.0)).orElse(1.0);
        return new Settings(kind, rounds, mediator, DEFAULT_STALL_LIMIT, Optional.empty(), discount);
    }

    /** Builds the protocol these settings describe. */
    public Protocol create(Scenario s) {
        return kind.create(s, this);
    }

    public Settings withKind(ProtocolKind k) {
        return new Settings(k, rounds, mediator, stallLimit, opening, discount);
    }

    public Settings withRounds(int r) {
        return new Settings(kind, r, mediator, stallLimit, opening, discount);
    }

    public Settings withMediator(Optional<String> m) {
        return new Settings(kind, rounds, m, stallLimit, opening, discount);
    }

    public Settings withStallLimit(int n) {
        return new Settings(kind, rounds, mediator, n, opening, discount);
    }

    public Settings withOpening(Optional<Outcome> o) {
        return new Settings(kind, rounds, mediator, stallLimit, o, discount);
    }

    public Settings withDiscount(double d) {
        return new Settings(kind, rounds, mediator, stallLimit, opening, d);
    }
}
