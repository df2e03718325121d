package dev.parley.server;

import dev.parley.engine.forecast.Forecast;
import dev.parley.engine.forecast.Summary;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.scenario.wire.ForecastJson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forecasts the mediators run from the console: at most one per negotiation and {@link #MAX_RUNNING} in all,
 * each on the server's forecast threads (one per core), with its progress, cancellable, its last result kept until
 * the next. Thread-safe.
 */
final class Forecasts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Forecasts.class.getName());
    /** The most draws one forecast may ask for. */
    static final int MAX_RUNS = 20_000;
    /** The most forecasts running at once, over every negotiation. */
    static final int MAX_RUNNING = 2;

    /** One forecast: running, done, cancelled or failed; with its result once done. */
    static final class Job {
        final int runs;
        final long seed;
        final boolean talks;
        final AtomicInteger done = new AtomicInteger();
        final AtomicBoolean cancel = new AtomicBoolean();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile String state = "running";
        volatile Map<String, Object> result;
        volatile String error;

        Job(int runs, long seed, boolean talks) {
            this.runs = runs;
            this.seed = seed;
            this.talks = talks;
        }

        /** {state, runs, done, seed, talks, and the forecast once done or the error once failed}. */
        Map<String, Object> json() {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("state", state);
            m.put("runs", runs);
            m.put("done", done.get());
            m.put("seed", seed);
            m.put("talks", talks);
            if (result != null) {
                m.put("forecast", result);
            }
            if (error != null) {
                m.put("error", error);
            }
            return m;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    /** The forecast threads: one per core. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private final ExecutorService draws = Executors.newFixedThreadPool(THREADS, daemon("parley-forecast"));
    private final ExecutorService coordinators = Executors.newCachedThreadPool(daemon("parley-forecast-job"));

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts a forecast of negotiation {@code id}: {@code runs} draws seeded by {@code seed}, each through the
     * negotiation's protocol with the default agent in every seat (people's seats too), or only analysed.
     *
     * @throws dev.parley.engine.InvalidInput for a number of runs out of range
     * @throws Conflict while a forecast of this negotiation runs
     * @throws TooMany while {@link #MAX_RUNNING} forecasts run
     */
    Job start(String id, Scenario scenario, Settings settings, int runs, long seed, boolean talks) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new dev.parley.engine.InvalidInput("runs", "runs must be from 1 to " + MAX_RUNS + ", not " + runs);
        }
        if (running.incrementAndGet() > MAX_RUNNING) { // a slot first: a refusal then changes nothing
            running.decrementAndGet();
            throw new TooMany("the server runs " + MAX_RUNNING + " forecasts at once; try again in a minute");
        }
        var job = new Job(runs, seed, talks);
        Job before = jobs.compute(id, (k, old) -> old != null && old.state.equals("running") ? old : job);
        if (before != job) {
            running.decrementAndGet();
            throw new Conflict("a forecast of this negotiation is running: cancel it or wait for it");
        }
        try {
            var p = settings.create(scenario);
            var plan = new Forecast.Plan(settings, Seating.defaults(p), runs, seed, talks);
            coordinators.execute(() -> run(id, scenario, settings, plan, job));
        } catch (RuntimeException e) { // not started: the slot back, the job ended
            finish(job, "failed", e.getMessage());
            throw e;
        }
        return job;
    }

    private void run(String id, Scenario scenario, Settings settings, Forecast.Plan plan, Job job) {
        try {
            var summary = new Summary.Accumulator(settings.rounds(), scenario.issues().stream().mapToInt(Issue::size)
                    .toArray(), Forecast.parameters(scenario).stream().map(Forecast.Parameter::name).toList(),
                    Forecast.points(scenario), plan.talks());
            Forecast.stream(scenario, plan, draws, THREADS, job.done::set, job.cancel::get, summary::add);
            Summary x = summary.summary();
            job.result = ForecastJson.of(scenario, settings, plan, x, new ForecastJson.Calendar(scenario.protocol()
                    .flatMap(d -> d.roundDuration()), scenario.protocol().flatMap(d -> d.start())));
            finish(job, "done", null);
        } catch (CancellationException e) {
            finish(job, "cancelled", null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "forecast of " + id + " failed", e);
            finish(job, "failed", e.getMessage());
        }
    }

    /** Ends a job: its slot freed before its state is published, so that a client told it ended may start one. */
    private void finish(Job job, String state, String error) {
        running.decrementAndGet();
        job.error = error;
        job.state = state;
        job.finished.countDown();
    }

    /**
     * The latest forecast of negotiation {@code id}; with {@code waitMillis} above 0, once it has finished or that
     * long has passed, whichever comes first.
     */
    Optional<Job> get(String id, long waitMillis) throws InterruptedException {
        Job job = jobs.get(id);
        if (job != null && waitMillis > 0) {
            job.finished.await(waitMillis, TimeUnit.MILLISECONDS);
        }
        return Optional.ofNullable(job);
    }

    /** Asks the running forecast of {@code id} to stop; the draws begun finish, the rest are skipped. */
    Optional<Job> cancel(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            job.cancel.set(true);
        }
        return Optional.ofNullable(job);
    }

    /**
     * Stops every forecast: each is cancelled, its queued draws run and return at once (so that its coordinator
     * sees it end), and the threads go.
     */
    @Override
    public void close() {
        jobs.values().forEach(j -> j.cancel.set(true));
        draws.shutdown();
        coordinators.shutdown();
    }
}
