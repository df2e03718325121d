package dev.parley.scenario;

import dev.parley.engine.model.Party;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Role;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.scenario.Node.MapNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Binds the {@code protocol} section: the protocol, its mediator (a party whose role is mediator), the deadline, the
 * discount, and for forecasts how long a round lasts and when the talks start. Not thread-safe.
 */
final class ProtocolBinder {
    private static final List<String> PROTOCOL_KEYS = List.of("type", "mediator", "rounds", "discount",
            "roundDuration", "start");
    static final int MAX_ROUNDS = dev.parley.engine.protocol.Settings.MAX_ROUNDS;

    private final Checks c;

    private ProtocolBinder(Checks checks) {
        this.c = checks;
    }

    /** The {@code protocol} section, or empty (with its problems recorded) when it does not bind. */
    static Optional<ProtocolDefaults> protocol(Node node, Shapes.Parties parties, Checks checks) {
        return new ProtocolBinder(checks).protocol(node, parties);
    }

    private Optional<ProtocolDefaults> protocol(Node node, Shapes.Parties parties) {
        Optional<MapNode> map = c.map(node, "protocol");
        if (map.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = map.get();
        c.onlyKeys(m, "protocol", PROTOCOL_KEYS);
        List<String> kinds = ProtocolKind.ids();
        Optional<String> type = c.required(m, "protocol", "type", "one of " + String.join(", ", kinds)).flatMap(
                n -> c.string(n, "protocol.type"));
        if (type.isPresent() && ProtocolKind.byId(type.get()).isEmpty()) {
            c.add(m.get("type").orElseThrow(), "protocol.type", "unknown protocol '" + type.get() + "'"
                    + Checks.suggestion(type.get(), kinds) + " (one of " + String.join(", ", kinds) + ")");
            type = Optional.empty();
        }
        Optional<String> mediator = m.get("mediator").flatMap(n -> mediator(n, parties));
        OptionalInt rounds = m.get("rounds").flatMap(n -> c.positiveInt(n, "protocol.rounds").filter(r -> {
            if (r > MAX_ROUNDS) {
                c.add(n, "protocol.rounds", r + " rounds; at most " + MAX_ROUNDS);
            }
            return r <= MAX_ROUNDS;
        })).map(OptionalInt::of).orElse(OptionalInt.empty());
        OptionalDouble discount = OptionalDouble.empty();
        Optional<Node> discountNode = m.get("discount");
        if (discountNode.isPresent()) {
            Optional<Double> d = c.unit(discountNode.get(), "protocol.discount");
            if (d.isPresent() && d.get() == 0) {
                c.add(discountNode.get(), "protocol.discount", "0 would make every deal worthless; use (0, 1]");
            } else if (d.isPresent()) {
                discount = OptionalDouble.of(d.get());
            }
        }
        OptionalDouble perRound = discount;
        Optional<java.time.Duration> duration = m.get("roundDuration").flatMap(this::roundDuration);
        Optional<java.time.LocalDate> start = m.get("start").flatMap(this::start);
        return type.map(t -> new ProtocolDefaults(t, mediator, rounds, perRound, duration, start));
    }

    /** An ISO-8601 duration of days, hours, minutes or seconds ({@code P1D}, {@code PT12H}), positive. */
    private Optional<java.time.Duration> roundDuration(Node node) {
        Optional<String> text = c.string(node, "protocol.roundDuration");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.time.Duration d = java.time.Duration.parse(text.get());
            if (d.isNegative() || d.isZero()) {
                c.add(node, "protocol.roundDuration", "'" + text.get() + "' is not a positive duration");
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (java.time.format.DateTimeParseException e) {
            c.add(node, "protocol.roundDuration", "'" + text.get() + "' is not an ISO-8601 duration of days or "
                    + "hours, e.g. P1D (a day), PT12H (12 hours), P2DT6H");
            return Optional.empty();
        }
    }

    /** An ISO-8601 date, {@code 2025-03-13}. */
    private Optional<java.time.LocalDate> start(Node node) {
        Optional<String> text = c.string(node, "protocol.start");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.parse(text.get()));
        } catch (java.time.format.DateTimeParseException e) {
            c.add(node, "protocol.start", "'" + text.get() + "' is not a date as YYYY-MM-DD, e.g. 2025-03-13");
            return Optional.empty();
        }
    }

    private Optional<String> mediator(Node node, Shapes.Parties parties) {
        Optional<String> who = c.string(node, "protocol.mediator");
        if (who.isEmpty()) {
            return who;
        }
        if (parties.surelyUnknown(who.get())) {
            c.add(node, "protocol.mediator", parties.noParty(who.get()));
            return Optional.empty();
        }
        Optional<Party> party = parties.bound().stream().filter(p -> p.id().equals(who.get())).findFirst();
        if (party.isPresent() && party.get().role() != Role.MEDIATOR) {
            c.add(node, "protocol.mediator", "party '" + who.get() + "' is a " + party.get().role().id()
                    + ", not a mediator");
            return Optional.empty();
        }
        return who;
    }
}
