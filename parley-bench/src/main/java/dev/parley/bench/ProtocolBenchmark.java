package dev.parley.bench;

import dev.parley.engine.agent.Agent;
import dev.parley.engine.agent.Agents;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.BuiltinScenarios;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The protocol targets of issue 4, warm:
 * <ul>
 * <li>{@link #saop1000Rounds}: SAOP with a 1000-round deadline, boulware, linear and conceder agents on a random
 * 3-party scenario of 10^6 outcomes, protocol and agents set up inside the measurement (target ≤ 20 ms);
 * <li>{@link #singleText10000Proposals}: single-text on ceasefire-2025 for 10,000 proposals (a mediator that keeps
 * proposing random one-issue changes; truthful voters) (target ≤ 50 ms);
 * <li>{@link #smallSessions}: whole sessions per second on a small 2-party scenario, on both cores (target ≥
 * 10,000/s);
 * <li>{@link #longSessions}: issue 20's long sessions, 2 parties conceding slowly (boulware) over a 500-round
 * deadline on a random scenario of 1,000 outcomes, back to back on both cores (target ≥ 5,000/s); with
 * {@code -prof gc}, its allocation per session;
 * <li>{@link #saop1000RoundsNashSeeker}: as {@link #saop1000Rounds} with {@code nash-seeker} in every seat (issue 15:
 * what its bid search costs; no target).
 * </ul>
 *
 * <pre>
 * java -jar parley-bench/target/benchmarks.jar ProtocolBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtocolBenchmark {
    private Scenario random3;
    private Scenario ceasefire;
    private Scenario small;
    private Scenario thousand;

    @Setup
    public void setUp() {
        random3 = RandomScenarios.generate(new SplittableRandom(42), new RandomScenarios.Settings(3, 6, 10, 10, 0,
                0.5, 0.0));
        ceasefire = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        small = RandomScenarios.generate(new SplittableRandom(7), new RandomScenarios.Settings(2, 2, 3, 3, 4, 0.3,
                0.0));
        thousand = RandomScenarios.generate(new SplittableRandom(2024), RandomScenarios.Settings.of(2, 3, 10));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object saop1000Rounds() {
        var p = Settings.defaults(random3).withKind(ProtocolKind.SAOP).withRounds(1000).create(random3);
        String[] kinds = {"boulware", "linear", "conceder"};
        Map<String, String> specs = new LinkedHashMap<>();
        int i = 0;
        for (String party : p.participants()) {
            specs.put(party, kinds[i++ % kinds.length]);
        }
        return Session.run(random3, p, Seating.agents(p, specs, 1, "agents"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object saop1000RoundsNashSeeker() {
        var p = Settings.defaults(random3).withKind(ProtocolKind.SAOP).withRounds(1000).create(random3);
        Map<String, String> specs = new LinkedHashMap<>();
        for (String party : p.participants()) {
            specs.put(party, "nash-seeker");
        }
        return Session.run(random3, p, Seating.agents(p, specs, 1, "agents"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object singleText10000Proposals() {
        var p = Settings.defaults(ceasefire).withRounds(10_000).withStallLimit(10_000).create(ceasefire);
        var rnd = new SplittableRandom(1);
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (String party : p.participants()) {
            Agent voter = Agents.create("agents", "truthful", SeatRole.VOTER, rnd.split());
            agents.put(party, party.equals("US") ? randomMediator(voter, rnd.split()) : voter);
        }
        return Session.run(ceasefire, p, agents);
    }

    /** Proposes a random one-issue change every round, and never ends the talks itself. */
    private Agent randomMediator(Agent voter, SplittableRandom rnd) {
        return view -> {
            if (view.phase() != Phase.PROPOSE) {
                return voter.act(view);
            }
            int[] c = view.currentText().orElseThrow().toArray();
            int i = rnd.nextInt(c.length);
            int k = rnd.nextInt(view.issues().get(i).size() - 1);
            c[i] = k >= c[i] ? k + 1 : k;
            return new Action.Propose(Outcome.of(c));
        };
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Object smallSessions() {
        return saop(small, 20, "conceder");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Object longSessions() {
        return saop(thousand, 500, "boulware");
    }

    /** One SAOP session with {@code agent} in every seat. */
    private static Session saop(Scenario s, int rounds, String agent) {
        Protocol p = Settings.defaults(s).withKind(ProtocolKind.SAOP).withRounds(rounds).create(s);
        Map<String, String> specs = new LinkedHashMap<>();
        for (String party : p.participants()) {
            specs.put(party, agent);
        }
        return Session.run(s, p, Seating.agents(p, specs, 3, "agents"));
    }
}
