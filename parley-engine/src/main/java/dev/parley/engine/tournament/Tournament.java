package dev.parley.engine.tournament;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What a tournament plays: scenarios × protocols × the agents over the principals' seats (every assignment, self-play
 * on or off) × the mediators × repetitions, and each session's coordinates in that order. A session's seed is derived
 * from the tournament's seed and its coordinates alone, so its result does not depend on which sessions run, in which
 * order, on how many threads or machines. Immutable and thread-safe.
 */
public final class Tournament {
    /** A scenario under the name the tournament gives it (unique within the tournament). */
    public record Entry(String name, Scenario scenario) {
    }

    /**
     * A protocol as the tournament plays it on every scenario.
     *
     * @param name how results name it: unique within the tournament (the protocol's id unless it is played twice)
     * @param rounds the deadline in rounds
     * @param discount alternating's δ per round; empty for the scenario's own
     */
    public record Play(String name, ProtocolKind kind, int rounds, Optional<Double> discount) {
        /** The settings on {@code s}: its defaults (its mediator, say), with this protocol and deadline. */
        public Settings settings(Scenario s) {
            Settings d = Settings.defaults(s).withKind(kind).withRounds(rounds);
            return discount.map(d::withDiscount).orElse(d);
        }
    }

    /**
     * One session's place in the tournament.
     *
     * @param index its number, from 0, in the tournament's order
     * @param scenario the index of its scenario
     * @param protocol the index of its protocol
     * @param principals the agent spec in each principal's seat, in seat order
     * @param mediator the agent spec in the mediator's seat; empty where the protocol has no mediator
     * @param repetition from 0
     */
    public record Coordinates(int index, int scenario, int protocol, List<String> principals,
            Optional<String> mediator, int repetition) {
        public Coordinates {
            principals = List.copyOf(principals);
        }
    }

    /**
     * A scenario and protocol that cannot be played together, and why (e.g. single-text on a scenario without a
     * mediator).
     */
    public record Skipped(String scenario, String protocol, String reason) {
    }

    /** The most sessions one tournament may hold: their coordinates are kept (about 100 bytes each). */
    public static final int MAX_SESSIONS = 5_000_000;

    private final List<Entry> scenarios;
    private final List<Play> protocols;
    private final Map<SeatRole, List<String>> agents;
    private final Map<String, String> seats;
    private final boolean selfPlay;
    private final int repetitions;
    private final long seed;
    private final Duration budget;
    private final List<Coordinates> sessions = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Map<String, String>> fixedSeats = new ArrayList<>();

    /**
     * @param agents the competing agents per seat role, each a catalogue spec (e.g. {@code conceder:e=3}); a role
     *        without a list keeps its default agent
     * @param seats agent specs for named seats that stay fixed in every session (e.g. {@code US: learning}); these
     *        seats are not competed for
     * @param selfPlay whether an agent may sit in more than one principal's seat of the same session
     * @param budget how long one session may take before it is recorded as timed out
     * @throws InvalidInput when something is out of range or no session can be played
     */
    public Tournament(List<Entry> scenarios, List<Play> protocols, Map<SeatRole, List<String>> agents,
            Map<String, String> seats, boolean selfPlay, int repetitions, long seed, Duration budget) {
        this.scenarios = List.copyOf(scenarios);
        this.protocols = List.copyOf(protocols);
        var copy = new EnumMap<SeatRole, List<String>>(SeatRole.class);
        agents.forEach((role, list) -> copy.put(role, List.copyOf(list)));
        this.agents = Collections.unmodifiableMap(copy);
        this.seats = Collections.unmodifiableMap(new LinkedHashMap<>(seats));
        this.selfPlay = selfPlay;
        this.repetitions = repetitions;
        this.seed = seed;
        this.budget = budget;
        if (repetitions < 1) {
            throw new InvalidInput("repetitions", "at least 1 repetition, not " + repetitions);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new InvalidInput("timeLimit", "the time limit must be positive, not " + budget);
        }
        var names = new java.util.HashSet<String>();
        for (Entry e : this.scenarios) {
            if (!names.add(e.name())) {
                throw new InvalidInput("scenarios", "two scenarios are named " + e.name());
            }
        }
        names.clear();
        for (Play p : this.protocols) {
            if (!names.add(p.name())) {
                throw new InvalidInput("protocols", "two protocols are named " + p.name() + "; name them apart");
            }
        }
        enumerate();
        if (sessions.isEmpty()) {
            throw new InvalidInput("protocols", "no session can be played: " + (skipped.isEmpty()
                    ? "no scenario or protocol"
                    : String.join("; ", skipped.stream().map(s -> s.protocol() + " on " + s.scenario() + ": "
                            + s.reason()).toList())));
        }
    }

    private void enumerate() {
        var seated = new java.util.HashSet<String>();
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s).scenario();
            for (int p = 0; p < protocols.size(); p++) {
                Protocol protocol;
                try {
                    protocol = protocols.get(p).settings(scenario).create(scenario);
                } catch (InvalidInput e) {
                    skipped.add(new Skipped(scenarios.get(s).name(), protocols.get(p).name(), e.getMessage()));
                    fixedSeats.add(Map.of());
                    continue;
                }
                var fixed = new LinkedHashMap<String, String>();
                for (var seat : seats.entrySet()) {
                    if (protocol.participants().contains(seat.getKey())) {
                        // the agent must fit the seat here: refused now, not in every session
                        dev.parley.engine.agent.Agents.create("seats." + seat.getKey(), seat.getValue(), protocol
                                .seatRole(seat.getKey()), new SplittableRandom(0));
                        fixed.put(seat.getKey(), seat.getValue());
                        seated.add(seat.getKey());
                    }
                }
                fixedSeats.add(fixed);
                List<String> principalSeats = principalSeats(scenario, protocol, fixed);
                List<List<String>> lists = principalSeats.stream().map(party -> competitors(protocol.seatRole(
                        party))).toList();
                List<Optional<String>> mediators = mediatorSeat(scenario, protocol, fixed).map(m -> competitors(
                        protocol.seatRole(m)).stream().map(Optional::of).toList()).orElse(List.of(Optional.empty()));
                for (List<String> assignment : assignments(lists)) {
                    for (Optional<String> mediator : mediators) {
                        for (int r = 0; r < repetitions; r++) {
                            if (sessions.size() >= MAX_SESSIONS) {
                                throw new InvalidInput("repetitions", "more than " + MAX_SESSIONS
                                        + " sessions in one tournament");
                            }
                            sessions.add(new Coordinates(sessions.size(), s, p, assignment, mediator, r));
                        }
                    }
                }
            }
        }
        for (String party : seats.keySet()) {
            if (!seated.contains(party)) {
                throw new InvalidInput("seats", party + " has a seat in none of the tournament's sessions");
            }
        }
    }

    /** The seats of the scenario's principals in the protocol, in seat order, but for fixed ones. */
    static List<String> principalSeats(Scenario s, Protocol p, Map<String, String> fixed) {
        return p.participants().stream().filter(party -> s.party(party).map(x -> x.role() == Role.PRINCIPAL)
                .orElse(false) && !fixed.containsKey(party)).toList();
    }

    /** The protocol's mediator seat, unless fixed. */
    static Optional<String> mediatorSeat(Scenario s, Protocol p, Map<String, String> fixed) {
        return p.participants().stream().filter(party -> !fixed.containsKey(party)
                && (p.seatRole(party) == SeatRole.TEXT_MEDIATOR || p.seatRole(party) == SeatRole.SHUTTLE_MEDIATOR))
                .findFirst();
    }

    private List<String> competitors(SeatRole role) {
        List<String> listed = agents.get(role);
        return listed == null || listed.isEmpty() ? List.of(dev.parley.engine.agent.Agents.defaultFor(role)) : listed;
    }

    /** Every way to fill the seats, one agent from each seat's list, seat by seat; without self-play, no repeats. */
    private List<List<String>> assignments(List<List<String>> lists) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> choices : lists) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String c : choices) {
                    if (selfPlay || !prefix.contains(c)) {
                        var next = new ArrayList<>(prefix);
                        next.add(c);
                        longer.add(next);
                    }
                }
            }
            out = longer;
        }
        return out;
    }

    /** Every session, in order: scenario, protocol, assignment, mediator, repetition. Unmodifiable. */
    public List<Coordinates> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    /** The scenarios and protocols that cannot be played together. Unmodifiable. */
    public List<Skipped> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    public List<Entry> scenarios() {
        return scenarios;
    }

    public List<Play> protocols() {
        return protocols;
    }

    public Map<SeatRole, List<String>> agents() {
        return agents;
    }

    public boolean selfPlay() {
        return selfPlay;
    }

    public int repetitions() {
        return repetitions;
    }

    public long seed() {
        return seed;
    }

    public Duration budget() {
        return budget;
    }

    /** The seats fixed for the sessions of scenario {@code s} under protocol {@code p}. */
    Map<String, String> fixedSeats(int s, int p) {
        return fixedSeats.get(s * protocols.size() + p);
    }

    /** The most principals' seats any session has: the width of a results table. */
    public int maxPrincipals() {
        return sessions.stream().mapToInt(c -> c.principals().size()).max().orElse(0);
    }

    /**
     * A session's key: its coordinates in words, unique within the tournament, e.g.
     * {@code ceasefire-2025|alternating|boulware,linear|-|2}.
     */
    public String key(Coordinates c) {
        return scenarios.get(c.scenario()).name() + "|" + protocols.get(c.protocol()).name() + "|" + String.join(
                ",", c.principals()) + "|" + c.mediator().orElse("-") + "|" + c.repetition();
    }

    /** A session's seed: the tournament's seed mixed with the session's key (FNV-1a, then SplitMix64). */
    public long seed(Coordinates c) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key(c).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(seed ^ h).nextLong();
    }
}
