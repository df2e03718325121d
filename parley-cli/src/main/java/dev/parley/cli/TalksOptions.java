package dev.parley.cli;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say how the talks run, shared by {@code run} and {@code forecast}: protocol, deadline, seats. */
final class TalksOptions {
    @Option(names = "--protocol", paramLabel = "P", description = "single-text, shuttle, saop, alternating or zeuthen (default: the scenario's, else "
            + "single-text with a mediator, saop without).")
    String protocol;

    @Option(names = "--rounds", paramLabel = "N", description = "The deadline in rounds (default: the scenario's, "
            + "else 200).")
    Integer rounds;

    @Option(names = "--seats", paramLabel = "PARTY=AGENT,...", description = "Agents for seats, e.g. "
            + "UA=boulware,RU=conceder:e=3; each seat takes the agents that fit its role (listed below), and every "
            + "seat not named its role's default.")
    String seats;

    @Option(names = "--opening", paramLabel = "ISSUE=OPTION,...", description = "single-text: the opening text (default: the middle option of each issue among those "
            + "no ratifying party rules out).")
    String opening;

    @Option(names = "--stall", paramLabel = "N", defaultValue = "100", description = "single-text: end after N proposals in a row are not adopted (default: 100).")
    int stall;

    @Option(names = "--discount", paramLabel = "D", description = "alternating: the discount factor per round, in "
            + "(0, 1] (default: the scenario's, else 1, none).")
    Double discount;

    /** An invalid setting or seat as the command line names it: {@code --seats: UA: unknown agent 'sly'}. */
    static String message(InvalidInput e) {
        String field = e.field().orElse("");
        if (field.startsWith("--seats.")) {
            return "--seats: " + field.substring("--seats.".length()) + ": " + e.getMessage();
        }
        if (field.equals("--seats")) {
            return "--seats: " + e.getMessage();
        }
        return e.getMessage();
    }

    Settings settings(Scenario s) {
        Settings settings = Settings.defaults(s);
        if (protocol != null) {
            settings = settings.withKind(ProtocolKind.require("--protocol", protocol));
        }
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        settings = settings.withStallLimit(stall);
        if (discount != null) {
            settings = settings.withDiscount(discount);
        }
        if (opening != null) {
            try {
                settings = settings.withOpening(Optional.of(Outcome.parse(s.issues(), opening)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--opening: " + e.getMessage());
            }
        }
        return settings;
    }

    /** The default seats with --seats laid over them; every named party must take part. */
    Map<String, String> seatSpecs(Protocol p) {
        Map<String, String> specs = new LinkedHashMap<>(Seating.defaults(p));
        if (seats == null) {
            return specs;
        }
        var problems = new ArrayList<String>();
        for (String entry : seats.split(",")) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                problems.add("'" + entry + "' is not PARTY=AGENT");
            } else if (!specs.containsKey(kv[0].strip())) {
                problems.add(kv[0].strip() + " has no seat in " + p.kind().id() + " (seats: "
                        + String.join(", ", specs.keySet()) + ")");
            } else {
                specs.put(kv[0].strip(), kv[1].strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("--seats: " + String.join("; ", problems));
        }
        return specs;
    }

}
