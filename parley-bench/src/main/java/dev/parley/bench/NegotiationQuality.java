package dev.parley.bench;

import dev.parley.engine.analysis.Analysis;
import dev.parley.engine.analysis.AnalysisOptions;
import dev.parley.engine.analysis.Analyzer;
import dev.parley.engine.analysis.Assessment;
import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Seating;
import dev.parley.engine.session.Session;
import dev.parley.scenario.BuiltinScenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How well the negotiators negotiate (issue 15's benchmark of negotiation quality, separate from speed): every line-up
 * of protocol and agents on the default scenario (20 seeds) and on seeded random scenarios (3–5 parties, non-empty
 * zone, a third with hard conditions), each run scored against the exact analysis of its scenario. Per line-up:
 * agreement rate, mean and 10th-percentile NPS (the deal's Nash product as a share of the zone's optimum, 0 without a
 * deal), share of deals Pareto-optimal in the zone, the victory index between the first two principals (mean of its
 * size and 90th percentile) and mean rounds to agreement. Prints a Markdown table; all cores. {@code LINE_UPS}, when
 * given, keeps only the line-ups whose "protocol: agents" contains it.
 *
 * <pre>
 * java -cp parley-bench/target/benchmarks.jar dev.parley.bench.NegotiationQuality [RANDOM_SCENARIOS [LINE_UPS]]
 * </pre>
 */
public final class NegotiationQuality {
    /** A protocol with an agent per seat role (roles not named take the default agent). */
    record LineUp(ProtocolKind kind, String label, Map<SeatRole, String> agents) {
    }

    /** One scenario of the set: its name, the scenario, its analysis and the seed its sessions use. */
    record Case(String set, Scenario scenario, Analysis analysis, long seed) {
    }

    /** One session's score. */
    record Score(boolean agreed, double nps, boolean paretoOptimal, double victory, int rounds) {
    }

    static final List<LineUp> LINE_UPS = List.of(
            new LineUp(ProtocolKind.SINGLE_TEXT, "hill-climb, truthful voters", Map.of()),
            new LineUp(ProtocolKind.SINGLE_TEXT, "anneal, truthful voters", Map.of(SeatRole.TEXT_MEDIATOR, "anneal")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "learning, truthful voters", Map.of(SeatRole.TEXT_MEDIATOR,
                    "learning")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "hill-climb, annealing voters", Map.of(SeatRole.VOTER,
                    "annealing")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "learning, annealing voters", Map.of(SeatRole.TEXT_MEDIATOR,
                    "learning", SeatRole.VOTER, "annealing")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "hill-climb, could-sign voters", Map.of(SeatRole.VOTER,
                    "could-sign")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "learning, could-sign voters", Map.of(SeatRole.TEXT_MEDIATOR,
                    "learning", SeatRole.VOTER, "could-sign")),
            new LineUp(ProtocolKind.SINGLE_TEXT, "interested, could-sign voters", Map.of(SeatRole.TEXT_MEDIATOR,
                    "interested", SeatRole.VOTER, "could-sign")),
            new LineUp(ProtocolKind.SHUTTLE, "objection-trader, linear parties", Map.of(SeatRole.SHUTTLE_MEDIATOR,
                    "objection-trader")),
            new LineUp(ProtocolKind.SHUTTLE, "model-trader, linear parties", Map.of()),
            new LineUp(ProtocolKind.SAOP, "boulware", Map.of()),
            new LineUp(ProtocolKind.SAOP, "conceder", Map.of(SeatRole.NEGOTIATOR, "conceder")),
            new LineUp(ProtocolKind.SAOP, "nash-seeker", Map.of(SeatRole.NEGOTIATOR, "nash-seeker")),
            new LineUp(ProtocolKind.ALTERNATING, "boulware", Map.of()),
            new LineUp(ProtocolKind.ALTERNATING, "nash-seeker", Map.of(SeatRole.NEGOTIATOR, "nash-seeker")),
            new LineUp(ProtocolKind.ZEUTHEN, "zeuthen", Map.of()));

    private NegotiationQuality() {
    }

    public static void main(String[] args) {
        int randoms = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String only = args.length > 1 ? args[1] : ""; // only the line-ups whose "protocol: agents" contains it
        List<Case> cases = cases(randoms);
        long defaults = cases.stream().filter(c -> c.set().equals("default")).count();
        System.out.printf(Locale.ROOT, "%d cases: the default scenario with %d seeds, %d random scenarios "
                + "(%d with hard conditions)%n%n", cases.size(), defaults, cases.size() - defaults,
                cases.stream()
                        .filter(c -> c.set().equals("random+conditions")).count());
        System.out.println("| protocol | agents | scenarios | runs | agreed | NPS mean | NPS p10 | Pareto-optimal "
                + "| abs(victory) mean | abs(victory) p90 | rounds to agreement |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (LineUp l : LINE_UPS.stream().filter(l -> (l.kind().id() + ": " + l.label()).contains(only))
                .toList()) {
            for (String set : List.of("default", "random")) {
                List<Case> chosen = cases.stream().filter(c -> c.set().startsWith(set)).toList();
                List<Score> scores = chosen.parallelStream().map(c -> run(l, c)).filter(java.util.Objects::nonNull)
                        .toList();
                System.out.println(row(l, set, scores));
            }
        }
        if (!only.isEmpty()) {
            return;
        }
        advantages(cases);
        System.out.println();
        System.out.println("What per-step unanimity allows: the best NPS any single-text mediator can reach with "
                + "truthful voters, who accept only a text no worse for them, from the default opening (brute "
                + "force over the zone)");
        System.out.println();
        System.out.println("| scenarios | cases | ceiling mean | ceiling p10 | cases with ceiling ≥ 0.9 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String set : List.of("default", "random")) {
            double[] ceilings = cases.stream().filter(c -> c.set().startsWith(set)).filter(c -> c.seed() == 1 || !c
                    .set().equals("default")).mapToDouble(NegotiationQuality::ceiling).sorted().toArray();
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", set, ceilings.length, figure(
                    "%.2f", mean(ceilings)), figure("%.2f", quantile(ceilings, 0.1)),
                    figure("%.0f%%", 100.0 * Arrays
                            .stream(ceilings).filter(x -> x >= 0.9).count() / ceilings.length)));
        }
        List<Case> random = cases.stream().filter(c -> c.set().startsWith("random")).toList();
        long ratified = random.stream().filter(NegotiationQuality::bilateralNashRatified).count();
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "What alternating's ratifiers allow: the two principals' own "
                + "Nash package (over the packages both can accept) is one every other ratifying party accepts in "
                + "%d of %d random scenarios (%.0f%%); the two see nothing of the others before their vote", ratified,
                random.size(), 100.0 * ratified / random.size()));
    }

    /**
     * The highest Nash product share of a package in the zone that every ratifying party but the mediator values at
     * least as much as the opening: with truthful voters, each adopted text is no worse for any of them than the one
     * before, so no single-text mediator can end anywhere else. 0 when the case has no single-text seating.
     */
    static double ceiling(Case c) {
        Scenario s = c.scenario();
        Optional<String> mediator = s.mediator();
        if (mediator.isEmpty()) {
            return 0;
        }
        int[] opening = dev.parley.engine.protocol.SingleText.defaultOpening(s).toArray();
        int[] choice = new int[s.issues().size()];
        double optimum = 0;
        double reachable = 0;
        do {
            double product = 1;
            boolean inZone = true;
            boolean inCone = true;
            for (var p : s.ratifyingParties()) {
                Profile profile = s.profiles().get(p.id());
                double u = profile.utility(choice);
                if (!profile.accepts(choice) || u < profile.reservation() - 1e-9) { // the analysis's zone tolerance
                    inZone = false;
                    break;
                }
                inCone &= p.id().equals(mediator.get()) || u >= profile.utility(opening) - 1e-9;
                product *= Math.max(0, u - profile.reservation());
            }
            if (inZone) {
                optimum = Math.max(optimum, product);
                reachable = inCone ? Math.max(reachable, product) : reachable;
            }
        } while (s.space().increment(choice));
        return optimum == 0 ? 0 : reachable / optimum;
    }

    /**
     * Whether the package that maximises the first two principals' Nash product over the packages both accept (brute
     * force) is accepted by every other ratifying party: where alternating's two negotiators, blind to the others,
     * would land if they bargained well.
     */
    static boolean bilateralNashRatified(Case c) {
        Scenario s = c.scenario();
        List<Profile> two = s.principals().stream().limit(2).map(p -> s.profiles().get(p)).toList();
        int[] choice = new int[s.issues().size()];
        int[] best = null;
        double bestProduct = -1;
        do {
            double product = 1;
            for (Profile p : two) {
                double u = p.utility(choice);
                product = p.accepts(choice) && u >= p.reservation() - 1e-9 ? product * (u - p.reservation()) : -1;
                if (product < 0) {
                    break;
                }
            }
            if (product > bestProduct) {
                best = choice.clone();
                bestProduct = product;
            }
        } while (s.space().increment(choice));
        int[] deal = best;
        return deal != null && s.ratifyingParties().stream().map(p -> s.profiles().get(p.id())).allMatch(p -> p
                .accepts(deal) && p.utility(deal) >= p.reservation() - 1e-9);
    }

    /** The default scenario with seeds 1–20, then {@code randoms} random scenarios whose zone is not empty. */
    static List<Case> cases(int randoms) {
        var out = new ArrayList<Case>();
        Scenario ceasefire = BuiltinScenarios.find(BuiltinScenarios.DEFAULT).orElseThrow();
        Analysis a = analyze(ceasefire);
        for (long seed = 1; seed <= 20; seed++) {
            out.add(new Case("default", ceasefire, a, seed));
        }
        int made = 0;
        for (long seed = 1; made < randoms; seed++) {
            var rnd = new SplittableRandom(seed);
            Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(3 + rnd.nextInt(3), 3 + rnd
                    .nextInt(4), 2, 5, 4, 0.6, 0.05));
            boolean conditions = seed % 3 == 0;
            if (conditions) {
                s = withConditions(s, rnd);
            }
            Analysis analysis = analyze(s);
            if (!analysis.zoneEmpty()
                    && analysis.solutions().containsKey(dev.parley.engine.analysis.SolutionKind.NASH)) {
                out.add(new Case(conditions ? "random+conditions" : "random", s, analysis, seed));
                made++;
            }
        }
        return out;
    }

    /** {@code s} with one random hard condition in each principal's profile. */
    private static Scenario withConditions(Scenario s, SplittableRandom rnd) {
        var profiles = new LinkedHashMap<String, Profile>(s.profiles());
        for (String principal : s.principals()) {
            int a = rnd.nextInt(s.issues().size());
            int b = (a + 1 + rnd.nextInt(s.issues().size() - 1)) % s.issues().size();
            boolean[] first = new boolean[s.issues().get(a).size()];
            first[rnd.nextInt(first.length)] = true;
            boolean[] then = new boolean[s.issues().get(b).size()];
            then[rnd.nextInt(then.length)] = true;
            then[rnd.nextInt(then.length)] = true;
            profiles.put(principal, profiles.get(principal).withConditions(List.of(new Condition(a, first, b,
                    then))));
        }
        return Scenario.of(s.id(), s.title(), s.description(), s.parties(), s.issues(), profiles, Optional.empty());
    }

    private static Analysis analyze(Scenario s) {
        return Analyzer.analyze(s, AnalysisOptions.defaults().withBlockingDemands(false));
    }

    /** One session of the line-up on the case, scored; null when the protocol cannot seat the scenario. */
    static Score run(LineUp l, Case c) {
        Scenario s = c.scenario();
        Protocol p;
        try {
            p = Settings.defaults(s).withKind(l.kind()).create(s);
        } catch (RuntimeException cannotSeat) {
            return null;
        }
        Map<String, String> specs = Seating.defaults(p);
        for (String party : p.participants()) {
            String chosen = l.agents().get(p.seatRole(party));
            if (chosen != null) {
                specs.put(party, chosen);
            }
        }
        Session session = Session.run(s, p, Seating.agents(p, specs, c.seed(), "agents"));
        Optional<Outcome> deal = session.state().agreement();
        if (deal.isEmpty()) {
            return new Score(false, 0, false, Double.NaN, session.state().round());
        }
        Assessment x = c.analysis().assess(deal.get());
        double victory = x.victoryIndices().isEmpty() ? 0 : x.victoryIndices().get(0).value();
        return new Score(true, x.nashProductShare().orElse(0.0), x.paretoOptimal(), victory, session.state()
                .round());
    }

    private static String row(LineUp l, String set, List<Score> scores) {
        int n = scores.size();
        long agreed = scores.stream().filter(Score::agreed).count();
        double[] nps = scores.stream().mapToDouble(Score::nps).sorted().toArray();
        double[] victory = scores.stream().filter(Score::agreed).mapToDouble(x -> Math.abs(x.victory())).sorted()
                .toArray();
        double rounds = scores.stream().filter(Score::agreed).mapToInt(Score::rounds).average().orElse(Double.NaN);
        long pareto = scores.stream().filter(Score::paretoOptimal).count();
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |", l.kind().id(),
                l.label(), set, n, figure("%.0f%%", n == 0 ? Double.NaN : 100.0 * agreed / n), figure("%.2f", mean(
                        nps)),
                figure("%.2f", quantile(nps, 0.1)), figure("%.0f%%", agreed == 0
                        ? Double.NaN
                        : 100.0 * pareto / agreed),
                figure("%.2f", mean(victory)), figure("%.2f", quantile(
                        victory, 0.9)),
                figure("%.0f", rounds));
    }

    /** The offer agents measured against boulware by their advantage. */
    static final List<String> CHALLENGERS = List.of("nash-seeker", "conceder", "linear");

    /**
     * Prints, per challenger and offer protocol, the mean advantage (u − r)/(max − r) of a seat (0 without a deal;
     * max its best package) on the random scenarios: in self-play beside boulware's own, and with the seats shared
     * (every other seat the challenger, then the others, so that each sits in every place) against boulware.
     */
    private static void advantages(List<Case> cases) {
        List<Case> random = cases.stream().filter(c -> c.set().startsWith("random")).toList();
        System.out.println();
        System.out.println("Advantage on the random scenarios: a seat's (u − r)/(max − r), 0 without a deal, mean over "
                + "seats and scenarios");
        System.out.println();
        System.out.println("| protocol | agent | self-play | boulware self-play | against boulware | boulware "
                + "against it |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
        for (ProtocolKind kind : List.of(ProtocolKind.SAOP, ProtocolKind.ALTERNATING)) {
            double boulware = mean(random.parallelStream().flatMapToDouble(c -> Arrays.stream(advantage(kind, c,
                    "boulware", "boulware", 0)[0])).toArray());
            for (String agent : CHALLENGERS) {
                double self = mean(random.parallelStream().flatMapToDouble(c -> Arrays.stream(advantage(kind, c,
                        agent, agent, 0)[0])).toArray());
                List<double[][]> mixed = random.parallelStream().flatMap(c -> java.util.stream.Stream.of(advantage(
                        kind, c, agent, "boulware", 0), advantage(kind, c, agent, "boulware", 1))).toList();
                System.out.println(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f |", kind.id(),
                        agent, self, boulware, mean(mixed.stream().flatMapToDouble(x -> Arrays.stream(x[0]))
                                .toArray()),
                        mean(mixed.stream().flatMapToDouble(x -> Arrays.stream(x[1]))
                                .toArray())));
            }
        }
    }

    /**
     * One session of {@code kind} on the case with the negotiators seated by turns, {@code first} in the seats whose
     * place has parity {@code parity}, {@code second} in the others: the advantages of the first's seats, then the
     * second's.
     */
    private static double[][] advantage(ProtocolKind kind, Case c, String first, String second, int parity) {
        Scenario s = c.scenario();
        Protocol p = Settings.defaults(s).withKind(kind).create(s);
        Map<String, String> specs = Seating.defaults(p);
        var firsts = new ArrayList<String>();
        var seconds = new ArrayList<String>();
        int place = 0;
        for (String party : p.participants()) {
            if (p.seatRole(party) == SeatRole.NEGOTIATOR) {
                boolean isFirst = place++ % 2 == parity;
                specs.put(party, isFirst ? first : second);
                (isFirst ? firsts : seconds).add(party);
            }
        }
        Optional<Outcome> deal = Session.run(s, p, Seating.agents(p, specs, c.seed(), "agents")).state()
                .agreement();
        java.util.function.Function<List<String>, double[]> of = parties -> parties.stream().mapToDouble(q -> {
            Profile profile = s.profiles().get(q);
            double max = dev.parley.engine.utility.UtilityTable.of(s.space(), profile).bestPackageUtility();
            double u = deal.map(d -> profile.utility(d.toArray())).orElse(profile.reservation());
            return max > profile.reservation() ? (u - profile.reservation()) / (max - profile.reservation()) : 0;
        }).toArray();
        return new double[][]{of.apply(firsts), of.apply(seconds)};
    }

    /** {@code x} in {@code format}, or "–" when there is no such figure (NaN). */
    private static String figure(String format, double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, format, x);
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    /** The {@code q}-quantile of sorted {@code x} (nearest rank). */
    private static double quantile(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        int rank = Math.max(1, (int) Math.ceil(q * x.length));
        return x[Math.min(x.length, rank) - 1];
    }
}
