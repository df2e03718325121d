package dev.parley.engine.agent;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.protocol.SeatRole;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The agent catalogue: name → constructor, with the seat roles each agent can fill and the parameters it takes
 * (given as {@code name:key=value:...}). Explicit, no scanning; the one list of agents. Stateless and thread-safe.
 */
public final class Agents {
    /**
     * One entry of the catalogue.
     *
     * @param name the agent's name, as given in seat specs
     * @param description what it does, in one line
     * @param parameters the parameters it takes, with their defaults
     * @param fits the seat roles it can fill
     */
    public record Entry(String name, String description, Map<String, Double> parameters, Set<SeatRole> fits) {
        public Entry {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            fits = java.util.Collections.unmodifiableSet(EnumSet.copyOf(fits));
        }
    }

    /** Builds an agent from its parameters (every one present, defaults filled in) and its seat's generator. */
    @FunctionalInterface
    private interface Constructor {
        Agent create(Map<String, Double> parameters, RandomGenerator random);
    }

    private record Registered(Entry entry, Constructor constructor) {
    }

    private static final Set<SeatRole> BIDDING = EnumSet.of(SeatRole.NEGOTIATOR, SeatRole.RESPONDENT);

    private static final List<Registered> CATALOGUE = List.of(
            agent("boulware", "time-dependent, concedes late (e=0.2)", Map.of("e", 0.2), BIDDING,
                    (p, r) -> new TimeDependent(p.get("e"))),
            agent("linear", "time-dependent, concedes linearly (e=1)", Map.of("e", 1.0), BIDDING,
                    (p, r) -> new TimeDependent(p.get("e"))),
            agent("conceder", "time-dependent, concedes early (e=2)", Map.of("e", 2.0), BIDDING,
                    (p, r) -> new TimeDependent(p.get("e"))),
            agent("nash-seeker", "concedes late (e=0.15) and bids, never twice while another will do, what a "
                    + "frequency model of the others' offers and acceptances says they value most among what it can "
                    + "accept (AC_next, AC_combi)", Map.of(), BIDDING,
                    (p, r) -> new NashSeeker()),
            agent("tit-for-tat", "concedes as much as the others did", Map.of(), EnumSet.of(SeatRole.NEGOTIATOR),
                    (p, r) -> new TitForTat()),
            agent("hardliner", "never concedes", Map.of(), BIDDING, (p, r) -> new Hardliner()),
            agent("random", "random acceptable bids", Map.of(), EnumSet.of(SeatRole.NEGOTIATOR),
                    (p, r) -> new RandomBidder(r)),
            agent("could-sign", "votes for any text it could sign (no worse than walking away, no red line or "
                    + "condition broken), criticising the issues that cost it most", Map.of(),
                    EnumSet.of(SeatRole.VOTER), (p, r) -> new CouldSignVoter()),
            agent("truthful", "votes for any change that does not hurt it; ratifies any deal it can accept",
                    Map.of(), EnumSet.of(SeatRole.VOTER, SeatRole.RATIFIER), (p, r) -> new TruthfulVoter()),
            agent("annealing", "votes for changes that do not hurt it and, early, for some that do, with "
                    + "probability e^(-loss/T), T = t0 (0.05) times the time left (Klein et al. 2003)",
                    Map.of("t0",
                            0.05),
                    EnumSet.of(SeatRole.VOTER), (p, r) -> new AnnealingVoter(r, p.get("t0"))),
            agent("strategic", "votes only for gains of at least threshold (0.02)", Map.of("threshold", 0.02),
                    EnumSet.of(SeatRole.VOTER), (p, r) -> new StrategicVoter(p.get("threshold"))),
            agent("hill-climb", "single-text mediator: changes one issue, or trades two, at a time", Map.of(),
                    EnumSet.of(SeatRole.TEXT_MEDIATOR), (p, r) -> new HillClimbMediator(r)),
            agent("learning", "single-text mediator, neutral: learns each party from its criticism and votes and "
                    + "drafts toward the Nash package of its estimates", Map.of(),
                    EnumSet.of(SeatRole.TEXT_MEDIATOR),
                    (p, r) -> new LearningMediator(r, dev.parley.engine.analysis.Stance.NEUTRAL)),
            agent("interested", "single-text mediator with interests of its own: learns like learning and drafts "
                    + "toward its own best package among those its estimates say every party can sign", Map.of(),
                    EnumSet.of(SeatRole.TEXT_MEDIATOR),
                    (p, r) -> new LearningMediator(r, dev.parley.engine.analysis.Stance.INTERESTED)),
            agent("anneal", "single-text mediator: changes many issues early, one late", Map.of(),
                    EnumSet.of(SeatRole.TEXT_MEDIATOR), (p, r) -> new AnnealingMediator(r)),
            agent("model-trader", "shuttle mediator: presents everyone the package a frequency model of what they "
                    + "said ranks fairest, a fresh one each round; late on, moves what they still object to", Map.of(),
                    EnumSet.of(SeatRole.SHUTTLE_MEDIATOR),
                    (p, r) -> new ModelTrader()),
            agent("objection-trader", "shuttle mediator: moves each issue a party objects to toward what it asked, "
                    + "trading across the sides", Map.of(), EnumSet.of(SeatRole.SHUTTLE_MEDIATOR),
                    (p, r) -> new ObjectionTrader()),
            agent("zeuthen", "follows Zeuthen's risk rule: concedes when its offer risks less", Map.of(),
                    EnumSet.of(SeatRole.BARGAINER), (p, r) -> new ZeuthenConceder()));

    /** The agent a seat gets unless told otherwise. */
    private static final Map<SeatRole, String> DEFAULTS = defaults();

    private Agents() {
    }

    private static Registered agent(String name, String description, Map<String, Double> parameters,
            Set<SeatRole> fits, Constructor constructor) {
        return new Registered(new Entry(name, description, new java.util.TreeMap<>(parameters), fits), constructor);
    }

    private static Map<SeatRole, String> defaults() {
        var m = new EnumMap<SeatRole, String>(SeatRole.class);
        m.put(SeatRole.TEXT_MEDIATOR, "hill-climb");
        m.put(SeatRole.VOTER, "truthful");
        m.put(SeatRole.SHUTTLE_MEDIATOR, "model-trader");
        m.put(SeatRole.RESPONDENT, "linear");
        m.put(SeatRole.NEGOTIATOR, "boulware");
        m.put(SeatRole.BARGAINER, "zeuthen");
        m.put(SeatRole.RATIFIER, "truthful");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every agent, in catalogue order. */
    public static List<Entry> catalogue() {
        return CATALOGUE.stream().map(Registered::entry).toList();
    }

    /** The agent a seat of this role gets unless told otherwise. */
    public static String defaultFor(SeatRole role) {
        return DEFAULTS.get(role);
    }

    /** The agents that can fill a seat of this role, in catalogue order. */
    public static List<String> fitting(SeatRole role) {
        return CATALOGUE.stream().filter(r -> r.entry().fits().contains(role)).map(r -> r.entry().name()).toList();
    }

    /**
     * The agent a spec such as {@code boulware}, {@code conceder:e=3} or {@code strategic:threshold=0.05} names, for
     * a seat of role {@code role}.
     *
     * @param field what the caller calls the spec, for the error (e.g. {@code seats.UA})
     * @throws InvalidInput naming the unknown agent or parameter, or an agent that cannot fill the seat
     */
    public static Agent create(String field, String spec, SeatRole role, RandomGenerator random) {
        String[] parts = spec.split(":");
        String name = parts[0].strip();
        Registered r = CATALOGUE.stream().filter(e -> e.entry().name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, "unknown agent '" + name + "' (agents: " + String.join(
                        ", ", CATALOGUE.stream().map(e -> e.entry().name()).toList()) + ")"));
        Entry entry = r.entry();
        var params = new LinkedHashMap<>(entry.parameters());
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2 || !entry.parameters().containsKey(kv[0].strip())) {
                throw new InvalidInput(field, "agent " + name + " takes " + (entry.parameters().isEmpty()
                        ? "no parameters"
                        : "the parameters " + String.join(", ", entry.parameters().keySet()))
                        + ", not '" + parts[i] + "'");
            }
            double value;
            try {
                value = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(field, "agent " + name + ": " + kv[0] + " must be a number, not '" + kv[1]
                        + "'");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InvalidInput(field, "agent " + name + ": " + kv[0] + " must be a positive number, not '"
                        + kv[1] + "'");
            }
            params.put(kv[0].strip(), value);
        }
        if (!entry.fits().contains(role)) {
            throw new InvalidInput(field, name + " cannot fill a " + role.id() + " seat (one that "
                    + role.description() + "); agents for it: " + String.join(", ", fitting(role)));
        }
        return r.constructor().create(params, random);
    }
}
