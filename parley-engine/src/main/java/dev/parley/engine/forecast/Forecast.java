package dev.parley.engine.forecast;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Solution;
import dev.parley.engine.analysis.SolutionKind;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.model.Uncertainty;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
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
     */
    public record Plan(Settings settings, Map<String, String> seats, int runs, long seed) {
        public Plan {
            seats = Map.copyOf(seats);
            if (runs < 1) {
                throw new IllegalArgumentException("at least one run, not " + runs);
            }
        }
    }

    /**
     * One draw: whether its zone was empty (and then what would open it), its Nash package, and how the talks went.
     *
     * @param blocking when the zone is empty: each smallest set of red lines and reservations that opens it, in the
     *        analysis's words without the drawn figures ("RU reservation"), or {@link #UNEXPLAINED}
     * @param nashShare the deal's Nash product as a share of the drawn zone's optimum (0 without a deal)
     */
    public record Run(int index, boolean zoneEmpty, List<String> blocking, Optional<Outcome> nash,
            Optional<Outcome> deal,
            int rounds, double nashShare) {
        public Run {
            blocking = List.copyOf(blocking);
        }

        public boolean agreed() {
            return deal.isPresent();
        }
    }

    private Forecast() {
    }

    /**
     * Every run of the plan, in index order.
     *
     * @param progress told the number of runs finished so far, from the executor's threads
     * @throws dev.parley.engine.InvalidInput for seats the protocol does not have or agents that cannot fill them
     */
    public static List<Run> runs(Scenario scenario, Plan plan, Executor executor, IntConsumer progress) {
        Protocol check = plan.settings().create(scenario); // bad settings or seats fail before any run
        Seating.agents(check, seats(check, plan), 0, "seats");
        AtomicInteger done = new AtomicInteger();
        var futures = new ArrayList<CompletableFuture<Run>>(plan.runs());
        for (int i = 0; i < plan.runs(); i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> {
                Run r = run(scenario, plan, index);
                progress.accept(done.incrementAndGet());
                return r;
            }, executor));
        }
        var out = new ArrayList<Run>(plan.runs());
        try {
            for (var f : futures) {
                out.add(f.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return out;
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
        Scenario drawn = draw(scenario, plan.seed(), index);
        long sessionSeed = generator(plan.seed(), index).split().nextLong();
        Analysis a = Analyzer.analyze(drawn, AnalysisOptions.defaults().withBlockingDemands(false));
        List<String> blocking = List.of();
        if (a.zoneEmpty()) {
            List<List<String>> sets = Analyzer.analyze(drawn, AnalysisOptions.defaults()).relaxations();
            blocking = sets.isEmpty()
                    ? List.of(UNEXPLAINED)
                    : sets.stream().map(set -> String.join(" + ", set.stream().map(Forecast::withoutFigure)
                            .toList())).distinct().toList();
        }
        Protocol p = plan.settings().create(drawn);
        Session session = Session.run(drawn, p, Seating.agents(p, seats(p, plan), sessionSeed, "seats"));
        Optional<Outcome> deal = session.state().agreement();
        double share = deal.flatMap(d -> a.assess(d).nashProductShare()).orElse(0.0);
        return new Run(index, a.zoneEmpty(), blocking, Optional.ofNullable(a.solutions().get(SolutionKind.NASH)).map(
                Solution::outcome), deal, session.state().round(), share);
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
