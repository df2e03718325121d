package dev.parley.engine.session;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.protocol.Protocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Who fills each seat of a protocol: the default agent of each seat's role, specs laid over them, and each agent's
 * random stream. The streams are the session's seed split once per seat, in seat order, people's seats included, so
 * an agent seated at the start, seated later, or rebuilt after a restart draws the same numbers. Stateless.
 */
public final class Seating {
    private Seating() {
    }

    /** The default agent spec of every seat, in seat order. */
    public static Map<String, String> defaults(Protocol p) {
        var seats = new LinkedHashMap<String, String>();
        for (String party : p.participants()) {
            seats.put(party, Agents.defaultFor(p.seatRole(party)));
        }
        return seats;
    }

    /**
     * The agents the specs name, each with its seat's random stream; seats without a spec are left out (a person's).
     *
     * @param field what the caller calls the seats, for errors (e.g. {@code --seats}, {@code agents})
     * @throws InvalidInput for a party without a seat, an unknown agent or one that cannot fill its seat
     */
    public static Map<String, Agent> agents(Protocol p, Map<String, String> specs, long seed, String field) {
        return agents(p, specs, seed, field, Agents::create);
    }

    /** Builds the agent a spec names for a seat of a role, with the seat's random stream: the catalogue's way. */
    @FunctionalInterface
    public interface Maker {
        /** @throws InvalidInput naming {@code field} when the spec names no agent that fits */
        Agent create(String field, String spec, dev.parley.engine.protocol.SeatRole role,
                java.util.random.RandomGenerator random);
    }

    /** As above, each agent built by {@code maker} (a tournament's, or a test's) instead of the catalogue. */
    public static Map<String, Agent> agents(Protocol p, Map<String, String> specs, long seed, String field,
            Maker maker) {
        for (String party : specs.keySet()) {
            requireSeat(p, party, field);
        }
        var agents = new LinkedHashMap<String, Agent>();
        var root = new SplittableRandom(seed);
        for (String party : p.participants()) {
            SplittableRandom stream = root.split();
            String spec = specs.get(party);
            if (spec != null) {
                agents.put(party, maker.create(field + "." + party, spec, p.seatRole(party), stream));
            }
        }
        return agents;
    }

    /** The agent {@code spec} names for {@code party}'s seat alone, with that seat's stream. */
    public static Agent agent(Protocol p, String party, String spec, long seed, String field) {
        return agents(p, Map.of(party, spec), seed, field).get(party);
    }

    /** @throws InvalidInput unless {@code party} has a seat in {@code p} */
    public static void requireSeat(Protocol p, String party, String field) {
        if (!p.participants().contains(party)) {
            throw new InvalidInput(field, party + " has no seat in " + p.kind().id() + " (seats: " + String.join(
                    ", ", p.participants()) + ")");
        }
    }
}
