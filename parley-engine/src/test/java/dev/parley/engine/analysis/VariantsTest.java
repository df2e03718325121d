package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Variants}: results in the order of the jobs, whatever order they end in; the budget's cut leaves a prefix;
 * small scenarios run their jobs side by side (each inside on the caller's thread), large ones one after another in
 * the caller's thread (each inside on the executor). And the analyses made so agree with those made in one thread:
 * seeded random scenarios with red lines and hard conditions, each party stating two random demands, analysed on a
 * pool and in the caller's thread, give the same blocking demands, stated-demand checks and notes (what runs side by
 * side shares the scenario's instance: a race on it would show here).
 */
class VariantsTest {
    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ForkJoinPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    /** A linked random scenario with two random demands per party, each holding one or two issues to some options. */
    static Scenario scenario(long seed) {
        Scenario s = LinkedAnalysisPropertiesTest.scenario(seed);
        var rnd = new SplittableRandom(seed * 31 + 7);
        var demands = new LinkedHashMap<String, List<Demand>>();
        for (String party : s.profiles().keySet()) {
            var list = new ArrayList<Demand>();
            for (int d = 0; d < 2; d++) {
                var satisfiedBy = new LinkedHashMap<String, List<String>>();
                for (int j = 0; j < 1 + rnd.nextInt(2); j++) {
                    Issue issue = s.issues().get(rnd.nextInt(s.issues().size()));
                    var options = new ArrayList<String>();
                    for (Option o : issue.options()) {
                        if (options.isEmpty() || rnd.nextInt(3) == 0) {
                            options.add(o.id());
                        }
                    }
                    satisfiedBy.put(issue.id(), options);
                }
                list.add(new Demand(party.toLowerCase(java.util.Locale.ROOT) + "-" + d, "demand " + d, satisfiedBy));
            }
            demands.put(party, list);
        }
        return Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), s.profiles(), s.protocol(),
                demands);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sideBySideOnAPool_equalsOneAfterAnotherInTheCallersThread(long seed) {
        Scenario s = scenario(seed);
        Analysis alone = Analyzer.analyze(s, AnalysisOptions.defaults());
        Analysis together = Analyzer.analyze(s, AnalysisOptions.defaults().withExecutor(pool));
        // Every kind of variant is there: one per red line, condition and reservation of each ratifying party.
        int expected = 0;
        for (var party : s.ratifyingParties()) {
            var p = s.profiles().get(party.id());
            for (int i = 0; i < s.issues().size(); i++) {
                for (int k = 0; k < s.issues().get(i).size(); k++) {
                    expected += p.isRedLine(i, k) ? 1 : 0;
                }
            }
            expected += p.conditions().size() + 1;
        }
        assertThat(alone.blockingDemands()).hasSize(expected);
        assertThat(together.blockingDemands()).isEqualTo(alone.blockingDemands());
        assertThat(alone.statedDemands()).hasSize(2 * s.profiles().size());
        assertThat(together.statedDemands()).isEqualTo(alone.statedDemands());
        assertThat(together.notes()).isEqualTo(alone.notes());
    }

    /** Job {@code j} spins for a seeded number of steps, so that jobs end out of order, and answers j. */
    private static List<Variants.Job<Integer>> jobs(int n, long seed, Integer cutAt) {
        var rnd = new SplittableRandom(seed);
        var jobs = new ArrayList<Variants.Job<Integer>>();
        for (int j = 0; j < n; j++) {
            int index = j;
            int steps = rnd.nextInt(2_000_000);
            jobs.add(inside -> {
                double x = index;
                for (int k = 0; k < steps; k++) {
                    x = Math.sqrt(x + k);
                }
                return cutAt != null && index == cutAt ? null : (x >= 0 ? index : -1);
            });
        }
        return jobs;
    }

    private static Instance small() {
        return Instance.zone(LinkedAnalysisPropertiesTest.scenario(1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewSeeds")
    void theResults_comeInTheOrderOfTheJobs(long seed) {
        List<Integer> out = Variants.run(small(), jobs(24, seed, null), AnalysisOptions.defaults().withExecutor(pool),
                "test");
        assertThat(out).isEqualTo(java.util.stream.IntStream.range(0, 24).boxed().toList());
    }

    static LongStream fewSeeds() {
        return LongStream.rangeClosed(1, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewSeeds")
    void aJobLeftOutByTheBudget_endsTheResultsThere(long seed) {
        int cut = (int) (seed * 3 % 20);
        // The job left out ends only once every job before it has started: one that had not started would rightly
        // be left out too (no job starts after one is left out), and which ends first is up to the pool.
        var before = new java.util.concurrent.CountDownLatch(cut);
        List<Variants.Job<Integer>> jobs = new ArrayList<>();
        List<Variants.Job<Integer>> spinning = jobs(20, seed, cut);
        for (int j = 0; j < spinning.size(); j++) {
            Variants.Job<Integer> job = spinning.get(j);
            boolean left = j == cut;
            boolean early = j < cut;
            jobs.add(inside -> {
                if (early) {
                    before.countDown();
                }
                Integer result = job.run(inside);
                if (left) {
                    try {
                        assertThat(before.await(1, java.util.concurrent.TimeUnit.MINUTES)).as("earlier jobs started")
                                .isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return result;
            });
        }
        List<Integer> out = Variants.run(small(), jobs, AnalysisOptions.defaults().withExecutor(pool), "test");
        assertThat(out).isEqualTo(java.util.stream.IntStream.range(0, cut).boxed().toList());
    }

    @org.junit.jupiter.api.Test
    void aBudgetSpentBeforeTheStart_runsNoJob() {
        var ran = new java.util.concurrent.atomic.AtomicInteger();
        var spent = new Budget(java.time.Duration.ofNanos(1), Long.MAX_VALUE, System.nanoTime() - 1);
        assertThat(spent.spent()).isTrue();
        List<Variants.Job<Integer>> counted = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            int index = j;
            counted.add(inside -> {
                ran.incrementAndGet();
                return index;
            });
        }
        for (var executor : List.<java.util.concurrent.Executor>of(pool, Runnable::run)) {
            assertThat(Variants.run(small(), counted, AnalysisOptions.defaults().withExecutor(executor).withBudget(
                    spent), "test")).isEmpty();
        }
        assertThat(ran).hasValue(0);
    }

    @org.junit.jupiter.api.Test
    void aJobThatFails_failsTheRunWithTheFirstFailureInTheJobsOrder_afterEveryJobStartedHasEnded() {
        var running = new java.util.concurrent.atomic.AtomicInteger();
        var jobs = new ArrayList<Variants.Job<Integer>>();
        for (Variants.Job<Integer> job : jobs(12, 9, null)) {
            int index = jobs.size();
            jobs.add(inside -> {
                running.incrementAndGet();
                try {
                    int got = job.run(inside);
                    if (index == 4 || index == 9) {
                        throw new IllegalStateException("job " + index);
                    }
                    return got;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        for (var executor : List.<java.util.concurrent.Executor>of(pool, Runnable::run)) {
            AnalysisOptions o = AnalysisOptions.defaults().withExecutor(executor);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Variants.run(small(), jobs, o, "test"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("job 4");
            assertThat(running).as("jobs still running after the run").hasValue(0);
        }
        // An Error comes out as itself, not wrapped.
        List<Variants.Job<Integer>> broken = List.of(inside -> 1, inside -> {
            throw new StackOverflowError("deep");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Variants.run(small(), broken, AnalysisOptions
                .defaults().withExecutor(pool), "test")).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @org.junit.jupiter.api.Test
    void smallScenarios_runSideBySide_largeOnesInTheCallersThread() {
        Thread caller = Thread.currentThread();
        AnalysisOptions o = AnalysisOptions.defaults().withExecutor(pool);
        // 3 issues of 130 options: 2,197,000 outcomes, just above the line.
        Instance large = Instance.zone(dev.parley.engine.model.RandomScenarios.generate(new SplittableRandom(5),
                dev.parley.engine.model.RandomScenarios.Settings.of(2, 3, 130)));
        assertThat(large.scenario.space().count()).isGreaterThan(Variants.SIDE_BY_SIDE);
        assertThat(small().scenario.space().count()).isLessThanOrEqualTo(Variants.SIDE_BY_SIDE);
        for (Instance z : List.of(small(), large)) {
            boolean sideBySide = z != large;
            List<String> seen = Variants.run(z, List.<Variants.Job<String>>of(inside -> where(inside, caller),
                    inside -> where(inside, caller)), o, "test");
            assertThat(seen).as(sideBySide ? "small" : "large").containsOnly(sideBySide
                    ? "pool thread, inside on it"
                    : "caller's thread, inside on the pool");
        }
    }

    private static String where(AnalysisOptions inside, Thread caller) {
        return (Thread.currentThread() == caller ? "caller's thread" : "pool thread") + ", inside on "
                + (inside.executor() == pool ? "the pool" : "it");
    }

    @org.junit.jupiter.api.Test
    void theSeedsMakeEveryKindOfVariantAndSomeDemandsTheZoneCannotGrant() {
        // Without this the property above could pass on scenarios with no conditions or no refused demand.
        int conditions = 0;
        int refused = 0;
        for (long seed : seeds().toArray()) {
            Scenario s = scenario(seed);
            Analysis a = Analyzer.analyze(s, AnalysisOptions.defaults());
            conditions += (int) a.blockingDemands().stream().filter(b -> b.kind() == BlockingDemand.Kind.CONDITION)
                    .count();
            refused += (int) a.statedDemands().stream().filter(c -> c.possible().isPresent() && !c.possible().get())
                    .count();
        }
        assertThat(conditions).isGreaterThan(20);
        assertThat(refused).isGreaterThan(5);
    }
}
