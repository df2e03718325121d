package dev.parley.engine.tournament;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.analysis.FrontierPoint;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.session.Journal;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Plays a tournament's sessions and scores them. Each scenario is analysed once, the first time a session needs it
 * (its zone's frontier, Nash package and each party's best), and the analysis is shared by every session on it. An
 * agent that throws, or a session that runs past the time limit, is recorded as such and never stops the others.
 * Thread-safe: one referee serves every thread of a tournament.
 */
public final class Referee {
    /** The most frontier points kept per scenario to measure distances to the frontier. */
    static final int FRONTIER_POINTS = 200_000;

    private final Tournament tournament;
    private final Seating.Maker maker;
    private final LongSupplier clock;
    private final Map<Integer, Reference> references = new ConcurrentHashMap<>();

    /** A referee seating the catalogue's agents and timing sessions by the system's clock. */
    public Referee(Tournament tournament) {
        this(tournament, Agents::create, System::nanoTime);
    }

    /**
     * @param maker builds each seat's agent from its spec
     * @param clock nanoseconds, as {@link System#nanoTime}, for the time limit
     */
    public Referee(Tournament tournament, Seating.Maker maker, LongSupplier clock) {
        this.tournament = tournament;
        this.maker = maker;
        this.clock = clock;
    }

    public Tournament tournament() {
        return tournament;
    }

    /**
     * Plays the sessions numbered in {@code todo}, each result handed to {@code sink} as it is scored, from the
     * executor's threads and in no set order; nothing is kept.
     *
     * @param progress told how many of {@code todo} are done so far
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so before every session was done
     */
    public void play(int[] todo, Executor executor, int parallelism, BooleanSupplier cancelled, Consumer<Result> sink,
            IntConsumer progress) {
        List<Tournament.Coordinates> sessions = tournament.sessions();
        dev.parley.engine.Parallel.forEach(todo.length, executor, parallelism, cancelled, i -> sink.accept(play(
                sessions.get(todo[i]))), progress, "sessions");
    }

    /** Plays one session and scores it. */
    public Result play(Tournament.Coordinates c) {
        Tournament.Entry entry = tournament.scenarios().get(c.scenario());
        Scenario scenario = entry.scenario();
        Tournament.Play play = tournament.protocols().get(c.protocol());
        Protocol protocol = play.settings(scenario).create(scenario);
        long seed = tournament.seed(c);
        var specs = new LinkedHashMap<>(Seating.defaults(protocol));
        Map<String, String> fixed = tournament.fixedSeats(c.scenario(), c.protocol());
        specs.putAll(fixed);
        List<String> principals = Tournament.principalSeats(scenario, protocol, fixed);
        for (int k = 0; k < principals.size(); k++) {
            specs.put(principals.get(k), c.principals().get(k));
        }
        Tournament.mediatorSeat(scenario, protocol, fixed).ifPresent(m -> c.mediator().ifPresent(spec -> specs.put(
                m, spec)));
        var base = new Base(c, tournament.key(c), entry.name(), play.name(), seed);
        var competed = new java.util.HashMap<String, String>(); // the seats agents compete for: who to blame
        for (String p : principals) {
            competed.put(p, specs.get(p));
        }
        Tournament.mediatorSeat(scenario, protocol, fixed).ifPresent(m -> c.mediator().ifPresent(spec -> competed
                .put(m, spec)));
        var session = new Session(scenario, protocol);
        long limit = tournament.budget().toNanos();
        var spent = new java.util.HashMap<String, Long>(); // per seat, the time its agent took deciding
        String party = null;
        try {
            Map<String, Agent> agents = Seating.agents(protocol, specs, seed, "agents", maker);
            for (var turn = session.agentTurn(agents); turn.isPresent(); turn = session.agentTurn(agents)) {
                party = turn.get().party();
                long before = clock.getAsLong();
                Action action = turn.get().agent().act(turn.get().view());
                long took = spent.merge(party, clock.getAsLong() - before, Long::sum);
                if (took > limit) {
                    return failed(base, principals, specs, Result.Status.TIMEOUT, party + "'s agent ("
                            + specs.get(party) + ") took more than the time limit of "
                            + dev.parley.engine.analysis.Budget.describe(tournament
                                    .budget())
                            + " deciding its moves, by round " + session.state().round(), party,
                            competed.get(party), session.state().round());
                }
                session.agentMove(turn.get(), action, Journal.NONE);
                party = null;
            }
            return scored(base, scenario, session, principals, specs);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            // a bug in an agent (or, with party null, in scoring): this session fails, the tournament goes on
            String who = party == null ? "" : " in " + party + "'s seat (" + specs.get(party) + ")";
            return failed(base, principals, specs, Result.Status.ERROR, e.getClass().getSimpleName() + who + ": "
                    + e.getMessage(), party, party == null ? null : competed.get(party), session.state().round());
        }
    }

    private record Base(Tournament.Coordinates c, String key, String scenario, String protocol, long seed) {
    }

    private static Result failed(Base b, List<String> principals, Map<String, String> specs, Result.Status status,
            String detail, String culprit, String culpritAgent, int rounds) {
        var seats = new ArrayList<Result.Seat>();
        for (String p : principals) {
            seats.add(new Result.Seat(p, specs.get(p), Double.NaN, Double.NaN));
        }
        return new Result(b.c().index(), b.key(), b.scenario(), b.protocol(), b.c().mediator(), b.c().repetition(),
                b.seed(), status, Optional.empty(), detail, Optional.ofNullable(culprit), Optional.ofNullable(
                        culpritAgent),
                rounds, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, seats);
    }

    private Result scored(Base b, Scenario scenario, Session session, List<String> principals,
            Map<String, String> specs) {
        Reference ref = references.computeIfAbsent(b.c().scenario(), k -> new Reference(scenario));
        Optional<Outcome> deal = session.agreement();
        double[] u = new double[ref.ratifying.size()];
        int[] x = deal.map(Outcome::toArray).orElse(null);
        for (int k = 0; k < u.length; k++) {
            u[k] = x == null ? ref.reservation[k] : scenario.profiles().get(ref.ratifying.get(k)).utility(x);
        }
        double nps = 0;
        double victory = Double.NaN;
        if (deal.isPresent()) {
            Assessment a = ref.analysis.assess(deal.get());
            nps = a.nashProductShare().orElse(0.0);
            victory = a.victoryIndices().isEmpty() ? Double.NaN : a.victoryIndices().get(0).value();
        }
        double welfare = 0;
        for (double v : u) {
            welfare += v;
        }
        var seats = new ArrayList<Result.Seat>();
        for (String p : principals) {
            var profile = scenario.profiles().get(p);
            double r = profile.reservation();
            double utility = x == null ? r : profile.utility(x);
            double best = ref.best.get(p);
            double advantage = x == null || best <= r ? 0 : (utility - r) / (best - r);
            seats.add(new Result.Seat(p, specs.get(p), utility, advantage));
        }
        String detail = session.end().map(e -> e.reason()).orElse("");
        return new Result(b.c().index(), b.key(), b.scenario(), b.protocol(), b.c().mediator(), b.c().repetition(),
                b.seed(), deal.isPresent() ? Result.Status.AGREED : Result.Status.NO_AGREEMENT, deal.map(d -> d
                        .format(scenario.issues())),
                detail, Optional.empty(), Optional.empty(), session.state().round(), nps,
                ref.frontierDistance(u), ref.nashDistance(u), welfare, victory, seats);
    }

    /** What every session on one scenario is measured against. Immutable once built. */
    private static final class Reference {
        final Analysis analysis;
        final List<String> ratifying;
        final double[] reservation;
        final Map<String, Double> best = new java.util.HashMap<>();
        /** The zone frontier's utility vectors, point after point, over the ratifying parties. */
        final double[] frontier;
        final double[] nash;

        Reference(Scenario s) {
            analysis = Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(
                    false));
            ratifying = analysis.ratifying();
            int d = ratifying.size();
            reservation = new double[d];
            for (int k = 0; k < d; k++) {
                reservation[k] = s.profiles().get(ratifying.get(k)).reservation();
            }
            s.profiles().forEach((id, p) -> best.put(id, p.range()[1]));
            List<FrontierPoint> points = analysis.frontier(FRONTIER_POINTS);
            frontier = new double[points.size() * d];
            for (int i = 0; i < points.size(); i++) {
                for (int k = 0; k < d; k++) {
                    frontier[i * d + k] = points.get(i).utilities().get(ratifying.get(k));
                }
            }
            Solution n = analysis.solutions().get(SolutionKind.NASH);
            nash = n == null ? null : ratifying.stream().mapToDouble(id -> n.utilities().get(id)).toArray();
        }

        double frontierDistance(double[] u) {
            int d = u.length;
            if (frontier.length == 0) {
                return Double.NaN;
            }
            double bestSq = Double.POSITIVE_INFINITY;
            for (int i = 0; i < frontier.length; i += d) {
                double sq = 0;
                for (int k = 0; k < d; k++) {
                    double diff = frontier[i + k] - u[k];
                    sq += diff * diff;
                }
                bestSq = Math.min(bestSq, sq);
            }
            return Math.sqrt(bestSq);
        }

        double nashDistance(double[] u) {
            if (nash == null) {
                return Double.NaN;
            }
            double sq = 0;
            for (int k = 0; k < u.length; k++) {
                sq += (nash[k] - u[k]) * (nash[k] - u[k]);
            }
            return Math.sqrt(sq);
        }
    }
}
