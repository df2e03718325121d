package dev.parley.engine.protocol;

import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action.Accept;
import dev.parley.engine.protocol.Action.End;
import dev.parley.engine.protocol.Action.Offer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class Zeuthen implements Protocol<Zeuthen.State> {
    /**
     * Immutable.
     *
     * @param ia the frontier index of the first principal's offer (frontier ordered by its utility, ascending)
     * @param ib the frontier index of the second principal's offer
     * @param movers who must still concede this round, in order
     */
    public record State(String phase, int round, int deadline, int ia, int ib, List<String> movers,
            Map<String, Boolean> votes, Optional<Outcome> agreement, Optional<Outcome> suggestion,
            Optional<Outcome> standing) implements Protocol.State {
        public State {
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
        public Optional<Outcome> text() {
            return suggestion;
        }
    }

    private final String a;
    private final String b;
    private final List<String> ratifiers;
    private final List<Outcome> frontier;
    private final double[] gainA;
    private final double[] gainB;
    private final int rounds;

    public Zeuthen(Scenario s, int rounds) {
        List<String> principals = s.parties().stream().filter(p -> p.role() == Role.PRINCIPAL).map(Party::id)
                .limit(2).toList();
        if (principals.size() < 2) {
            throw new IllegalArgumentException("zeuthen needs two principals; " + s.id() + " has "
                    + principals.size());
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        this.a = principals.get(0);
        this.b = principals.get(1);
        this.ratifiers = s.ratifyingParties().stream().map(Party::id).filter(p -> !principals.contains(p)).toList();
        this.rounds = rounds;
        // The bilateral frontier: the scenario with only the two principals ratifying.
        var parties = s.parties().stream().map(p -> new Party(p.id(), p.name(), p.role(),
                principals.contains(p.id()), p.representatives())).toList();
        Scenario bilateral = Scenario.of(s.id(), s.title(), s.description(), parties, s.issues(), s.profiles(),
                Optional.empty());
        List<FrontierPoint> points = new ArrayList<>(Analyzer.analyze(bilateral, AnalysisOptions.defaults()
                .withBlockingDemands(false)).frontier(Integer.MAX_VALUE));
        points.sort(Comparator.comparingDouble((FrontierPoint p) -> p.utilities().get(a))
                .thenComparing(Comparator.comparingDouble((FrontierPoint p) -> p.utilities().get(b)).reversed())
                .thenComparing(FrontierPoint::outcome));
        this.frontier = points.stream().map(FrontierPoint::outcome).toList();
        double ra = s.profiles().get(a).reservation();
        double rb = s.profiles().get(b).reservation();
        this.gainA = points.stream().mapToDouble(p -> p.utilities().get(a) - ra).toArray();
        this.gainB = points.stream().mapToDouble(p -> p.utilities().get(b) - rb).toArray();
    }

    @Override
    public String name() {
        return "zeuthen";
    }

    @Override
    public List<String> participants() {
        var all = new ArrayList<String>(List.of(a, b));
        all.addAll(ratifiers);
        return all;
    }

    /** The bilateral frontier, ordered from the second principal's best to the first's. */
    public List<Outcome> frontier() {
        return frontier;
    }

    @Override
    public Transition<State> start() {
        if (frontier.isEmpty()) {
            var s = new State("ended", 0, rounds, -1, -1, List.of(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            return new Transition<>(s, List.of(new Event.Ended(0, Optional.empty(), "no package both " + a + " and "
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
    private Transition<State> settle(int round, int ia, int ib, List<Event> events, Outcome ifMet) {
        if (ia <= ib) {
            return agree(round, ia, ib, ifMet, events);
        }
        if (round >= rounds) {
            var all = new ArrayList<>(events);
            String why = "deadline: no deal within " + rounds + " rounds";
            all.add(new Event.Ended(round, Optional.empty(), why, Map.of()));
            return new Transition<>(new State("ended", round, rounds, ia, ib, List.of(), Map.of(), Optional.empty(),
                    Optional.empty(), Optional.empty()), all);
        }
        double riskA = gainA[ia] * gainB[ia];
        double riskB = gainA[ib] * gainB[ib];
        List<String> movers = Math.abs(riskA - riskB) <= 1e-12
                ? List.of(a, b)
                : riskA < riskB
                        ? List.of(a)
                        : List.of(b);
        return new Transition<>(concede(round, ia, ib, movers), events);
    }

    private State concede(int round, int ia, int ib, List<String> movers) {
        String mover = movers.get(0);
        Outcome next = mover.equals(a) ? frontier.get(ia - 1) : frontier.get(ib + 1);
        Outcome other = mover.equals(a) ? frontier.get(ib) : frontier.get(ia);
        return new State("concede", round, rounds, ia, ib, movers, Map.of(), Optional.empty(), Optional.of(next),
                Optional.of(other));
    }

    private Transition<State> agree(int round, int ia, int ib, Outcome deal, List<Event> events) {
        if (ratifiers.isEmpty()) {
            return ended(round, ia, ib, deal, events, Map.of());
        }
        return new Transition<>(new State("ratify", round, rounds, ia, ib, List.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.of(deal)), events);
    }

    private Transition<State> ended(int round, int ia, int ib, Outcome deal, List<Event> before,
            Map<String, Boolean> votes) {
        var events = new ArrayList<>(before);
        String why = votes.isEmpty()
                ? a + " and " + b + " agreed by Zeuthen's rule"
                : a + " and " + b + " agreed by Zeuthen's rule and every other ratifying party ratified";
        events.add(new Event.Ended(round, Optional.of(deal), why, votes));
        return new Transition<>(new State("ended", round, rounds, ia, ib, List.of(), votes, Optional.of(deal),
                Optional.empty(), Optional.empty()), events);
    }

    @Override
    public List<String> toMove(State s) {
        return switch (s.phase()) {
            case "concede" -> List.of(s.movers().get(0));
            case "ratify" -> ratifiers.stream().filter(r -> !s.votes().containsKey(r)).toList();
            default -> List.of();
        };
    }

    @Override
    public Transition<State> next(State s, String party, Action action) {
        ProtocolException.requireTurn(toMove(s), s.ended(), party);
        if (s.phase().equals("ratify")) {
            return ratify(s, party, action);
        }
        boolean isA = party.equals(a);
        return switch (action) {
            case Offer o when !o.outcome().equals(s.suggestion().orElseThrow()) -> throw new ProtocolException(
                    party + " must concede to the next package of the frontier, " + "not another");
            case Offer o -> {
                int ia = isA ? s.ia() - 1 : s.ia();
                int ib = isA ? s.ib() : s.ib() + 1;
                var events = List.<Event>of(new Event.Offered(s.round(), party, o.outcome()));
                List<String> rest = s.movers().subList(1, s.movers().size());
                Outcome theirs = isA ? frontier.get(s.ib()) : frontier.get(s.ia());
                if (ia <= ib || rest.isEmpty()) {
                    yield settle(s.round() + (ia <= ib ? 0 : 1), ia, ib, events, theirs);
                }
                yield new Transition<>(concede(s.round(), ia, ib, rest), events);
            }
            case Accept x -> agree(s.round(), s.ia(), s.ib(), s.standing().orElseThrow(),
                    List.of(new Event.Accepted(s.round(), party, s.standing().orElseThrow())));
            case End e -> {
                String why = party + " ended the talks: " + e.reason();
                yield new Transition<>(new State("ended", s.round(), s.deadline(), s.ia(), s.ib(), List.of(),
                        Map.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                        List.of(new Event.Ended(s.round(), Optional.empty(), why, Map.of())));
            }
            default -> throw new ProtocolException(party + " concedes, accepts or ends, not "
                    + SingleText.describe(action));
        };
    }

    private Transition<State> ratify(State s, String party, Action action) {
        Ballot v = Ballot.cast(s.votes(), ratifiers.size(), party, action, s.round(), "the deal");
        if (!v.complete()) {
            return new Transition<>(new State("ratify", s.round(), s.deadline(), s.ia(), s.ib(), List.of(), v.votes(),
                    Optional.empty(), Optional.empty(), s.standing()), v.events());
        }
        if (v.against().isEmpty()) {
            return ended(s.round(), s.ia(), s.ib(), s.standing().orElseThrow(), v.events(), v.votes());
        }
        String why = String.join(", ", v.against()) + " refused to ratify what " + a + " and " + b + " agreed";
        v.events().add(new Event.Ended(s.round(), Optional.empty(), why, v.votes()));
        return new Transition<>(new State("ended", s.round(), s.deadline(), s.ia(), s.ib(), List.of(), v.votes(),
                Optional.empty(), Optional.empty(), Optional.empty()), v.events());
    }
}
