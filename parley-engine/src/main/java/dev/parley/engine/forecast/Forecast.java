package dev.parley.engine.forecast;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.model.Uncertainty;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * Monte Carlo over what is not known of the profiles: each run draws every uncertain profile from its spread, runs
 * the protocol with the seated agents on the drawn scenario and analyses it exactly. Run {@code i} draws from a
 * generator seeded by the forecast's seed and {@code i} alone, so the runs, and everything summarised from them, are
 * the same whatever the executor, the number of threads and the order the runs finish in. The engine starts no
 * threads: the caller's executor runs them. Stateless.
 */
public final class Forecast {
    /** A run drew no reservation, red line or demand that opened an empty zone within the sizes tried. */
    public static final String UNEXPLAINED = "nothing within three relaxations";

    /**
     * What to forecast.
     *
     * @param settings the protocol and its settings, as for {@code run}
     * @param seats agent spec per party for the seats to fill otherwise than by default
     * @param runs how many draws, at least 1
     * @param seed the forecast's seed
     * @param talks whether each draw is also run through the talks; without, only analysed (quicker: whether the
     *        zone is empty, the Nash package, what blocks)
     */
    public record Plan(Settings settings, Map<String, String> seats, int runs, long seed, boolean talks) {
        public Plan {
            seats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seats)); // in seat order
            if (runs < 1) {
                throw new IllegalArgumentException("at least one run, not " + runs);
            }
        }

        /** A plan that runs the talks on every draw. */
        public Plan(Settings settings, Map<String, String> seats, int runs, long seed) {
            this(settings, seats, runs, seed, true);
        }
    }

    /**
     * One draw: whether its zone was empty (and then what would open it), its Nash package, and how the talks went.
     *
     * @param blocking when the zone is empty: each smallest set of red lines and reservations that opens it, in the
     *        analysis's words without the drawn figures ("RU reservation"), or {@link #UNEXPLAINED}
     * @param nashShare the deal's Nash product as a share of the drawn zone's optimum (0 without a deal)
     * @param refusals without a deal: each party that rejected the final text and why, by its drawn profile
     *        ("RU reservation", "UA red line TR=recognise-occupied", "RU condition CF=full-30d only with
     *        AID=all-paused|permanent-halt", as the analysis names them)
     * @param drawn the drawn figure of each of the plan's {@link #parameters}, in their order
     */
    public record Run(int index, boolean zoneEmpty, List<String> blocking, Optional<Outcome> nash,
            Optional<Outcome> deal,
            int rounds, double nashShare, List<String> refusals, double[] drawn) {
        public Run {
            blocking = List.copyOf(blocking);
            refusals = List.copyOf(refusals);
            drawn = drawn.clone();
        }

        /** A run without refusals or drawn figures. */
        public Run(int index, boolean zoneEmpty, List<String> blocking, Optional<Outcome> nash, Optional<Outcome> deal,
                int rounds, double nashShare) {
            this(index, zoneEmpty, blocking, nash, deal, rounds, nashShare, List.of(), new double[0]);
        }

        @Override
        public double[] drawn() {
            return drawn.clone();
        }

        /** The drawn figure of parameter {@code k}. */
        public double drawn(int k) {
            return drawn[k];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Run r && index == r.index && zoneEmpty == r.zoneEmpty && blocking.equals(r.blocking)
                    && nash.equals(r.nash) && deal.equals(r.deal) && rounds == r.rounds && Double.compare(nashShare,
                            r.nashShare) == 0
                    && refusals.equals(r.refusals) && java.util.Arrays.equals(drawn,
                            r.drawn);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(index, deal, rounds, java.util.Arrays.hashCode(drawn));
        }

        public boolean agreed() {
            return deal.isPresent();
        }
    }

    /**
     * An uncertain figure of a profile, as the sensitivity names it: a party's reservation, one of its weights or
     * one of its values.
     *
     * @param issue the issue of a weight or value, else -1
     * @param option the option of a value, else -1
     */
    public record Parameter(String name, String party, int issue, int option) {
        double of(Scenario drawn) {
            Profile p = drawn.profiles().get(party);
            return issue < 0 ? p.reservation() : option < 0 ? p.weight(issue) : p.value(issue, option);
        }
    }

    private Forecast() {
    }

    /** Every figure the scenario's uncertainty lets vary, in party order: reservation, weights, values. */
    public static List<Parameter> parameters(Scenario s) {
        var out = new ArrayList<Parameter>();
        s.uncertainty().forEach((party, u) -> {
            Profile point = s.profiles().get(party);
            if (u.reservationLow() < u.reservationHigh()) {
                out.add(new Parameter(party + " reservation", party, -1, -1));
            }
            for (int i = 0; i < s.issues().size(); i++) {
                boolean varies = switch (u.weights()) {
                    case Uncertainty.Fixed f -> false;
                    case Uncertainty.Dirichlet d -> point.weight(i) > 0;
                    case Uncertainty.Intervals iv -> true; // scaled with the others even where its interval is a point
                    case Uncertainty.Ranking r -> true;
                };
                if (varies) {
                    out.add(new Parameter(party + " weight " + s.issues().get(i).id(), party, i, -1));
                }
            }
            for (int i = 0; i < s.issues().size(); i++) {
                for (int o = 0; o < s.issues().get(i).size(); o++) {
                    if (u.valueLow(i, o) < u.valueHigh(i, o)) {
                        out.add(new Parameter(party + " value " + s.issues().get(i).id() + "=" + s.issues().get(i)
                                .option(o).id(), party, i, o));
                    }
                }
            }
        });
        return out;
    }

    /**
     * Every run of the plan, in index order.
     *
     * @param progress told the number of runs finished so far, from the executor's threads
     * @throws dev.parley.engine.InvalidInput for seats the protocol does not have or agents that cannot fill them
     */
    public static List<Run> runs(Scenario scenario, Plan plan, Executor executor, IntConsumer progress) {
        return runs(scenario, plan, executor, progress, () -> false);
    }

    /**
     * As above, stopping early once {@code cancelled} says so: the runs not yet begun are skipped.
     *
     * @throws java.util.concurrent.CancellationException when cancelled before every run was done
     */
    public static List<Run> runs(Scenario scenario, Plan plan, Executor executor, IntConsumer progress,
            java.util.function.BooleanSupplier cancelled) {
        var out = new java.util.concurrent.ConcurrentLinkedQueue<Run>();
        stream(scenario, plan, executor, Runtime.getRuntime().availableProcessors(), progress, cancelled, out::add);
        return out.stream().sorted(java.util.Comparator.comparingInt(Run::index)).toList();
    }

    /**
     * Every run of the plan, each handed to {@code sink} as it finishes, from the executor's threads and in no set
     * order; nothing is kept (memory does not grow with the runs). {@code parallelism} tasks take the runs in turn.
     *
     * @param progress told the number of runs finished so far
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so before every run was done
     * @throws dev.parley.engine.InvalidInput for seats the protocol does not have or agents that cannot fill them
     */
    public static void stream(Scenario scenario, Plan plan, Executor executor, int parallelism, IntConsumer progress,
            java.util.function.BooleanSupplier cancelled, java.util.function.Consumer<Run> sink) {
        Protocol check = plan.settings().create(scenario); // bad settings or seats fail before any run
        Seating.agents(check, seats(check, plan), 0, "seats");
        List<Parameter> parameters = parameters(scenario);
        try {
            dev.parley.engine.Parallel.forEach(plan.runs(), executor, parallelism, cancelled, i -> sink.accept(run(
                    scenario, plan, i, parameters)), progress, "runs");
        } catch (java.util.concurrent.CancellationException e) {
            throw new java.util.concurrent.CancellationException("the forecast was " + e.getMessage());
        }
    }

    /** The point figure of each of the scenario's {@link #parameters}, in their order: where the sensitivity splits. */
    public static double[] points(Scenario s) {
        return parameters(s).stream().mapToDouble(p -> p.of(s)).toArray();
    }

    /** The scenario run {@code index} of a forecast with this seed draws. */
    public static Scenario draw(Scenario scenario, long seed, int index) {
        SplittableRandom random = generator(seed, index);
        Scenario drawn = scenario;
        for (var e : scenario.uncertainty().entrySet()) { // party order: the draws come in a fixed order
            Uncertainty u = e.getValue();
            drawn = drawn.withProfile(e.getKey(), u.sample(scenario.issues(), scenario.profiles().get(e.getKey()),
                    random));
        }
        return drawn;
    }

    private static SplittableRandom generator(long seed, int index) {
        return new SplittableRandom(new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))).nextLong());
    }

    /** Run {@code index} of the plan: the draw, its exact analysis and one session on it. */
    public static Run run(Scenario scenario, Plan plan, int index) {
        return run(scenario, plan, index, parameters(scenario));
    }

    /** As above, the scenario's {@link #parameters} worked out once by the caller. */
    private static Run run(Scenario scenario, Plan plan, int index, List<Parameter> parameters) {
        Scenario drawn = draw(scenario, plan.seed(), index);
        long sessionSeed = generator(plan.seed(), index).split().nextLong();
        Analysis a = Analyzer.analyze(drawn,
                AnalysisOptions.defaults().withBlockingDemands(false).withZoneCount(false));
        List<String> blocking = List.of();
        if (a.zoneEmpty()) {
            List<List<String>> sets = Analyzer.analyze(drawn, AnalysisOptions.defaults()).relaxations();
            blocking = sets.isEmpty()
                    ? List.of(UNEXPLAINED)
                    : sets.stream().map(set -> String.join(" + ", set.stream().map(Forecast::withoutFigure)
                            .toList())).distinct().toList();
        }
        Optional<Outcome> deal = Optional.empty();
        int rounds = 0;
        List<String> refusals = List.of();
        if (plan.talks()) {
            Protocol p = plan.settings().create(drawn);
            Session session = Session.run(drawn, p, Seating.agents(p, seats(p, plan), sessionSeed, "seats"));
            deal = session.state().agreement();
            rounds = session.state().round();
            refusals = deal.isPresent() ? List.of() : refusals(drawn, session);
        }
        double share = deal.flatMap(d -> a.assess(d).nashProductShare()).orElse(0.0);
        double[] figures = new double[parameters.size()];
        for (int k = 0; k < figures.length; k++) {
            figures[k] = parameters.get(k).of(drawn);
        }
        return new Run(index, a.zoneEmpty(), blocking, Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(
                Solution::outcome), deal, rounds, share, refusals, figures);
    }

    /**
     * Who rejected the final text of talks that ended without a deal, and why by its drawn profile: its reservation,
     * the first red line the text breaks, or a condition it breaks; nothing where the protocol has no final text.
     */
    static List<String> refusals(Scenario drawn, Session session) {
        Optional<Outcome> text = session.state().currentText();
        if (text.isEmpty()) {
            return List.of();
        }
        int[] x = text.get().toArray();
        var out = new ArrayList<String>();
        for (Event e : session.events()) {
            if (e instanceof Event.Ended ended) {
                for (Party p : drawn.ratifyingParties()) {
                    if (Boolean.FALSE.equals(ended.ratification().get(p.id()))) {
                        out.add(reason(drawn, p.id(), x));
                    }
                }
            }
        }
        return out;
    }

    private static String reason(Scenario s, String party, int[] x) {
        Profile p = s.profiles().get(party);
        for (int i = 0; i < x.length; i++) {
            if (p.isRedLine(i, x[i])) {
                return party + " red line " + s.issues().get(i).id() + "=" + s.issues().get(i).option(x[i]).id();
            }
        }
        for (var c : p.conditions()) {
            if (c.brokenBy(x)) {
                return party + " condition " + c.describe(s.issues());
            }
        }
        return p.utility(x) < p.reservation() ? party + " reservation" : party + " (no reason in its profile)";
    }

    /** "RU reservation 0.50" → "RU reservation": the drawn figure differs from run to run. */
    private static String withoutFigure(String relaxation) {
        return relaxation.replaceFirst("^(\\S+ reservation) .*$", "$1");
    }

    private static Map<String, String> seats(Protocol p, Plan plan) {
        var specs = new LinkedHashMap<>(Seating.defaults(p));
        specs.putAll(plan.seats());
        return specs;
    }
}
