package dev.parley.engine.protocol;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.ProtocolDefaults;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds protocols by name from settings, and names the agent each seat gets unless told otherwise. Stateless. */
public final class Protocols {
    /** The protocols that can be run now. */
    public static final List<String> AVAILABLE = List.of("single-text", "shuttle", "saop", "alternating",
            "zeuthen");

    private Protocols() {
    }

    /**
     * How to run: every field has a default taken from the scenario's protocol section, or else from DESIGN.md.
     *
     * @param protocol one of {@link #AVAILABLE}
     * @param rounds the deadline in rounds
     * @param mediator the single-text mediator
     * @param stallLimit single-text: proposals in a row without adoption before the talks end
     * @param opening single-text: the opening text
     * @param discount alternating: δ per round
     */
    public record Settings(String protocol, int rounds, Optional<String> mediator, int stallLimit,
            Optional<Outcome> opening, double discount) {

        /** The scenario's defaults, else single-text (or saop without a mediator), 200 rounds, stall limit 100. */
        public static Settings defaults(Scenario s) {
            Optional<ProtocolDefaults> d = s.protocol();
            Optional<String> mediator = d.flatMap(ProtocolDefaults::mediator).or(() -> s.parties().stream()
                    .filter(p -> p.role() == Role.MEDIATOR).map(Party::id).findFirst());
            String type = d.map(ProtocolDefaults::type).orElse(mediator.isPresent() ? "single-text" : "saop");
            int rounds = d.flatMap(x -> x.rounds().isPresent()
                    ? Optional.of(x.rounds().getAsInt())
                    : Optional.empty()).orElse(200);
            double discount = d.flatMap(x -> x.discount().isPresent()
                    ? Optional.of(x.discount().getAsDouble())
                    : Optional.empty()).orElse(1.0);
            return new Settings(type, rounds, mediator, 100, Optional.empty(), discount);
        }

        public Settings withProtocol(String p) {
            return new Settings(p, rounds, mediator, stallLimit, opening, discount);
        }

        public Settings withRounds(int r) {
            return new Settings(protocol, r, mediator, stallLimit, opening, discount);
        }

        public Settings withOpening(Optional<Outcome> o) {
            return new Settings(protocol, rounds, mediator, stallLimit, o, discount);
        }

        public Settings withDiscount(double d) {
            return new Settings(protocol, rounds, mediator, stallLimit, opening, d);
        }

        public Settings withStallLimit(int n) {
            return new Settings(protocol, rounds, mediator, n, opening, discount);
        }
    }

    /**
     * The protocol the settings describe.
     *
     * @throws IllegalArgumentException when it is unknown, not available yet, or cannot run on this scenario
     */
    public static Protocol<? extends Protocol.State> create(Scenario s, Settings settings) {
        return switch (settings.protocol()) {
            case "single-text" -> new SingleText(s, settings.mediator().orElseThrow(() -> new IllegalArgumentException(
                    "single-text needs a mediator; " + s.id() + " has none (add one, or choose --protocol saop)")),
                    settings.rounds(), settings.stallLimit(), settings.opening());
            case "saop" -> StackedOffers.saop(s, settings.rounds());
            case "alternating" -> StackedOffers.alternating(s, settings.rounds(), settings.discount());
            case "shuttle" -> new Shuttle(s, settings.mediator().orElseThrow(() -> new IllegalArgumentException(
                    "shuttle needs a mediator; " + s.id() + " has none (add one, or choose --protocol saop)")),
                    settings.rounds(), settings.opening());
            case "zeuthen" -> new Zeuthen(s, settings.rounds());
            default -> throw new IllegalArgumentException("unknown protocol '" + settings.protocol()
                    + "' (available: " + String.join(", ", AVAILABLE) + ")");
        };
    }

    /**
     * The default agent of every seat: in single-text the mediator searches by hill-climbing and everyone votes
     * truthfully; in shuttle the parties hold out for a target falling linearly to their reservation; in the offer
     * protocols the negotiators are boulware agents and the others ratify truthfully.
     */
    public static Map<String, String> defaultSeats(Protocol<?> p) {
        var seats = new LinkedHashMap<String, String>();
        for (String party : p.participants()) {
            String agent = switch (p) {
                case SingleText st -> party.equals(st.mediator()) ? "hill-climb" : "truthful";
                case Shuttle sh -> party.equals(sh.mediator()) ? "hill-climb" : "linear";
                case Zeuthen z -> p.participants().indexOf(party) < 2 ? "zeuthen" : "truthful";
                case StackedOffers so -> so.negotiators().contains(party) ? "boulware" : "truthful";
                default -> "truthful";
            };
            seats.put(party, agent);
        }
        return seats;
    }
}
