package dev.parley.engine.protocol;

import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Picture;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.Accept;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Offer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The monotonic concession protocol with Zeuthen's risk rule (Zeuthen, 1930; Harsanyi, 1956; in the form of
 * Rosenschein and Zlotkin, "Rules of Encounter", 1994), between the first two principals.
 * <p>
 * The mechanism holds both principals' profiles (they share them with it, not with each other) and computes their
 * bilateral Pareto frontier within their red lines and reservations. Each side opens with its best frontier
 * package. Each round the side whose offer risks less — by Harsanyi's equivalence, the offer with the smaller Nash
 * product of gains over reservation (both sides on a tie) — must concede; the mechanism tells it its minimal
 * concession, the next frontier package towards the other side, and it either makes it, accepts the other's offer,
 * or walks away. When the offers meet or cross, the other side's offer is the deal; the other ratifying parties then
 * vote on it. When both follow the rule the deal is the Nash bargaining solution of the two (for a frontier along
 * which the Nash product rises to one peak). At the deadline there is no deal.
 */
public final class Zeuthen extends Rules implements Protocol {
    /**
     * Immutable; change it with its withers.
     *
     * @param ia the frontier index of the first principal's offer (frontier ordered by its utility, ascending)
     * @param ib the frontier index of the second principal's offer
     * @param movers who must still concede this round, in order
     * @param suggestion the minimal concession of the side to move
     * @param standing the other side's current offer (or the deal, when ratifying)
     */
    public record State(Phase phase, int round, int deadline, int ia, int ib, List<String> movers,
            Map<String, Boolean> votes, Optional<Outcome> agreement, Optional<Outcome> suggestion,
            Optional<Outcome> standing) implements Protocol.State {
        public State {
            Objects.requireNonNull(phase, "phase");
            movers = List.copyOf(movers);
            votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        }

        /** The other side's current offer (or the deal, when ratifying). */
        @Override
        public Optional<Outcome> onTable() {
            return standing;
        }

        /** For the side that must concede: its minimal concession. */
        @Override
        public Optional<Outcome> concession() {
            return suggestion;
        }

        /** A state of {@code phase} at these offers, with nothing else set. */
        static State at(Phase phase, int round, int deadline, int ia, int ib) {
            return new State(phase, round, deadline, ia, ib, List.of(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        State withMovers(List<String> m) {
            return new State(phase, round, deadline, ia, ib, m, votes, agreement, suggestion, standing);
        }

        State withVotes(Map<String, Boolean> v) {
            return new State(phase, round, deadline, ia, ib, movers, v, agreement, suggestion, standing);
        }

        State withAgreement(Optional<Outcome> deal) {
            return new State(phase, round, deadline, ia, ib, movers, votes, deal, suggestion, standing);
        }

        State withSuggestion(Optional<Outcome> next) {
            return new State(phase, round, deadline, ia, ib, movers, votes, agreement, next, standing);
        }

        State withStanding(Optional<Outcome> offer) {
            return new State(phase, round, deadline, ia, ib, movers, votes, agreement, suggestion, offer);
        }
    }

    private final String a;
    private final String b;
    private final List<String> ratifiers;
    private final Scenario scenario;
    private final int rounds;
    /** Worked out on first use, so that building the protocol (to list its seats) costs nothing. */
    private volatile Bilateral bilateral;

    /** The bilateral frontier and each point's gains over the reservations. Immutable: nothing writes the arrays. */
    private static final class Bilateral {
        private final List<Outcome> frontier;
        private final double[] gainA;
        private final double[] gainB;

        Bilateral(List<Outcome> frontier, double[] gainA, double[] gainB) {
            this.frontier = frontier;
            this.gainA = gainA;
            this.gainB = gainB;
        }

        List<Outcome> frontier() {
            return frontier;
        }

        double[] gainA() {
            return gainA;
        }

        double[] gainB() {
            return gainB;
        }
    }

    Zeuthen(Scenario s, Settings settings) {
        super(settings);
        List<String> principals = s.principals();
        if (principals.size() < 2) {
            throw new dev.parley.engine.InvalidInput("protocol", "zeuthen needs two principals; " + s.id() + " has "
                    + principals.size());
        }
        this.a = principals.get(0);
        this.b = principals.get(1);
        this.ratifiers = s.ratifyingParties().stream().map(Party::id).filter(p -> !principals.contains(p)).toList();
        seat(new Seats().add(principals, SeatRole.BARGAINER).add(ratifiers, SeatRole.RATIFIER));
        this.rounds = settings.rounds();
        this.scenario = s;
    }

    /**
     * The most packages the principals' frontier may hold, and the memory allowed to find it: no time limit, so that
     * whether zeuthen can run on a scenario never depends on how busy the machine is (a negotiation accepted once
     * always rebuilds).
     */
    static final int MAX_FRONTIER = 100_000;
    static final dev.parley.engine.analysis.Budget SETUP_BUDGET = dev.parley.engine.analysis.Budget.UNLIMITED
            .withMemory(1L << 30);

    private Bilateral bilateral() {
        Bilateral b0 = bilateral;
        if (b0 == null) {
            // The bilateral frontier: the scenario with only the two principals ratifying.
            var analysis = Analyzer.analyze(Picture.bilateral(scenario, a, b), AnalysisOptions.defaults()
                    .withBlockingDemands(false).withBudget(SETUP_BUDGET));
            if (analysis.frontierSize().isEmpty() || analysis.frontierSize().getAsLong() > MAX_FRONTIER) {
                throw new dev.parley.engine.InvalidInput("protocol", "zeuthen cannot run here: it concedes along "
                        + a + "'s and " + b + "'s frontier, which " + (analysis.frontierSize().isEmpty()
                                ? "was not worked out (" + String.join("; ", analysis.notes()) + ")"
                                : "holds " + analysis.frontierSize().getAsLong() + " packages, more than "
                                        + MAX_FRONTIER));
            }
            List<FrontierPoint> points = new ArrayList<>(analysis.frontier(MAX_FRONTIER));
            points.sort(Comparator.comparingDouble((FrontierPoint p) -> p.utilities().get(a))
                    .thenComparing(Comparator.comparingDouble((FrontierPoint p) -> p.utilities().get(b)).reversed())
                    .thenComparing(FrontierPoint::outcome));
            double ra = scenario.profiles().get(a).reservation();
            double rb = scenario.profiles().get(b).reservation();
            b0 = new Bilateral(points.stream().map(FrontierPoint::outcome).toList(), points.stream().mapToDouble(
                    p -> p.utilities().get(a) - ra).toArray(), points.stream()
                            .mapToDouble(p -> p.utilities().get(b)
                                    - rb)
                            .toArray());
            bilateral = b0; // racing threads compute the same value
        }
        return b0;
    }

    /** The bilateral frontier, ordered from the second principal's best to the first's. */
    public List<Outcome> frontier() {
        return bilateral().frontier();
    }

    @Override
    public Transition start() {
        List<Outcome> frontier = bilateral().frontier();
        if (frontier.isEmpty()) {
            return new Transition(State.at(Phase.ENDED, 0, rounds, -1, -1),
                    List.of(new Event.Ended(0, Optional.empty(), "no package both " + a + " and "
                            + b + " can accept: their bilateral zone is empty", Map.of())));
        }
        int ia = frontier.size() - 1;
        var events = List.<Event>of(new Event.Offered(0, a, frontier.get(ia)), new Event.Offered(0, b,
                frontier.get(0)));
        return settle(0, ia, 0, events, frontier.get(0));
    }

    /**
     * After offers change: if they met or crossed, {@code ifMet} is the deal (the standing offer of the side that did
     * not move); else the next round's movers by the risk rule.
     */
    private Transition settle(int round, int ia, int ib, List<Event> events, Outcome ifMet) {
        if (ia <= ib) {
            return agree(round, ia, ib, ifMet, events);
        }
        if (round >= rounds) {
            var all = new ArrayList<>(events);
            String why = "deadline: no deal within " + rounds + " rounds";
            all.add(new Event.Ended(round, Optional.empty(), why, Map.of()));
            return new Transition(State.at(Phase.ENDED, round, rounds, ia, ib), all);
        }
        double[] gainA = bilateral().gainA();
        double[] gainB = bilateral().gainB();
        double riskA = gainA[ia] * gainB[ia];
        double riskB = gainA[ib] * gainB[ib];
        List<String> movers = Math.abs(riskA - riskB) <= 1e-12
                ? List.of(a, b)
                : riskA < riskB
                        ? List.of(a)
                        : List.of(b);
        return new Transition(concede(round, ia, ib, movers), events);
    }

    private State concede(int round, int ia, int ib, List<String> movers) {
        String mover = movers.get(0);
        List<Outcome> frontier = bilateral().frontier();
        Outcome next = mover.equals(a) ? frontier.get(ia - 1) : frontier.get(ib + 1);
        Outcome other = mover.equals(a) ? frontier.get(ib) : frontier.get(ia);
        return State.at(Phase.CONCEDE, round, rounds, ia, ib).withMovers(movers).withSuggestion(Optional.of(next))
                .withStanding(Optional.of(other));
    }

    private Transition agree(int round, int ia, int ib, Outcome deal, List<Event> events) {
        if (ratifiers.isEmpty()) {
            return ended(round, ia, ib, deal, events, Map.of());
        }
        return new Transition(State.at(Phase.RATIFY, round, rounds, ia, ib).withStanding(Optional.of(deal)), events);
    }

    private Transition ended(int round, int ia, int ib, Outcome deal, List<Event> before,
            Map<String, Boolean> votes) {
        var events = new ArrayList<>(before);
        String why = votes.isEmpty()
                ? a + " and " + b + " agreed by Zeuthen's rule"
                : a + " and " + b + " agreed by Zeuthen's rule and every other ratifying party ratified";
        events.add(new Event.Ended(round, Optional.of(deal), why, votes));
        return new Transition(State.at(Phase.ENDED, round, rounds, ia, ib).withVotes(votes).withAgreement(Optional
                .of(deal)), events);
    }

    @Override
    public List<String> toMove(Protocol.State state) {
        State s = own(state);
        return switch (s.phase()) {
            case CONCEDE -> List.of(s.movers().get(0));
            case RATIFY -> Ballot.waiting(ratifiers, s.votes());
            case ENDED -> List.of();
            case PROPOSE, VOTE, OFFER, PRESENT, RESPOND -> throw Protocol.foreign(s, kind());
        };
    }

    @Override
    public Transition next(Protocol.State state, String party, Action action) {
        State s = own(state);
        ProtocolException.requireTurn(toMove(s), s.ended(), party, s.phase().isBallot());
        return s.phase() == Phase.RATIFY ? ratify(s, party, action) : bargain(s, party, action);
    }

    private Transition bargain(State s, String party, Action action) {
        boolean isA = party.equals(a);
        return switch (action) {
            case Offer o when !o.outcome().equals(s.suggestion().orElseThrow()) -> throw ProtocolException.illegal(
                    party + " must concede to the next package of the frontier, not another");
            case Offer o -> {
                int ia = isA ? s.ia() - 1 : s.ia();
                int ib = isA ? s.ib() : s.ib() + 1;
                var events = List.<Event>of(new Event.Offered(s.round(), party, o.outcome()));
                List<String> rest = s.movers().subList(1, s.movers().size());
                Outcome theirs = isA ? frontier().get(s.ib()) : frontier().get(s.ia());
                if (ia <= ib || rest.isEmpty()) {
                    yield settle(s.round() + (ia <= ib ? 0 : 1), ia, ib, events, theirs);
                }
                yield new Transition(concede(s.round(), ia, ib, rest), events);
            }
            case Accept x -> agree(s.round(), s.ia(), s.ib(), s.standing().orElseThrow(),
                    List.of(new Event.Accepted(s.round(), party, s.standing().orElseThrow())));
            case End e -> {
                String why = party + " ended the talks: " + e.reason();
                yield new Transition(State.at(Phase.ENDED, s.round(), s.deadline(), s.ia(), s.ib()),
                        List.of(new Event.Ended(s.round(), Optional.empty(), why, Map.of())));
            }
            default -> throw ProtocolException.illegal(party + " concedes, accepts or ends, not "
                    + Action.describe(action));
        };
    }

    private Transition ratify(State s, String party, Action action) {
        Ballot v = Ballot.cast(s.votes(), ratifiers.size(), party, action, s.round(), "the deal");
        if (!v.complete()) {
            return new Transition(s.withVotes(v.votes()), v.events());
        }
        if (v.against().isEmpty()) {
            return ended(s.round(), s.ia(), s.ib(), s.standing().orElseThrow(), v.events(), v.votes());
        }
        String why = String.join(", ", v.against()) + " refused to ratify what " + a + " and " + b + " agreed";
        v.events().add(new Event.Ended(s.round(), Optional.empty(), why, v.votes()));
        return new Transition(State.at(Phase.ENDED, s.round(), s.deadline(), s.ia(), s.ib()).withVotes(v.votes()), v
                .events());
    }

    private State own(Protocol.State state) {
        return Protocol.own(state, State.class, kind());
    }
}
