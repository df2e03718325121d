package dev.parley.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Role;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Protocol;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.Settings;
import dev.parley.engine.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the learning mediator estimates of a party from its criticism and votes ({@link PartyEstimates#estimate}).
 * <p>
 * By hand, on issues X (3 options) and Y (2): the order of the losses, an issue a short critique leaves out, the
 * reservation between what a party signed and refused, and the options taken as red lines.
 * <p>
 * Seeded: random parties criticise random texts, by a ranking worked out here from their true profiles, and vote by
 * their true reservations; the estimate must order the options' losses as the true profile does, and far more often
 * than an estimate from the same votes and wishes with the order of each critique shuffled.
 */
class PartyEstimatesTest {
    private static final List<Issue> ISSUES = List.of(issue("X", 3), issue("Y", 2));

    @Test
    void losses_comeOutInTheOrderTheCriticismRanksThem() {
        // B weighs X 0.6 with values [1, 0.2, 0.6] and Y 0.4 with [1, 0]: losses x1 0.48, y1 0.4, x2 0.24. It names X
        // then Y at x1 y1, Y then X at x2 y1. The starting guess, a straight fall from the peak, has x2 above x1: only
        // the criticism can turn that round.
        Profile b = estimateOfA(List.of(said(true, 1, 1, "X", "Y"), said(true, 2, 1, "Y", "X")));
        assertThat(loss(b, 0, 1)).isGreaterThan(loss(b, 1, 1));
        assertThat(loss(b, 1, 1)).isGreaterThan(loss(b, 0, 2));
        assertThat(loss(b, 0, 2)).isGreaterThan(0);
        assertThat(b.value(0, 0)).isEqualTo(1.0); // the options it asked for are its best
        assertThat(b.value(1, 0)).isEqualTo(1.0);
        assertThat(b.weight(0)).isGreaterThan(b.weight(1)); // an issue's weight is its largest loss
        assertThat(b.weight(0) + b.weight(1)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anIssueAShortCritiqueLeavesOut_costsNothingThere() {
        // Y has three options, y0 and y1 both best for A. Its critique of x2 y2 names X and Y; of x1 y1, X alone: y1
        // costs it nothing, though the straight fall from y0 would put it half way down.
        var issues = List.of(issue("X", 3), issue("Y", 3));
        var said = List.of(heard(true, new int[]{2, 2}, "X", "Y"), heard(true, new int[]{1, 1}, "X"));
        Profile a = PartyEstimates.of(view(issues, flat(issues)), heardBy(said, "A", "B"), Outcome.of(0, 0))
                .orElseThrow().get("A");
        assertThat(a.value(1, 1)).isGreaterThan(0.9);
        assertThat(a.value(1, 2)).isLessThan(0.5);
        assertThat(loss(a, 0, 1)).isGreaterThan(loss(a, 1, 1));
    }

    @Test
    void aRejectionsLeadingIssues_areNotRanked() {
        // Rejected, X named before Y at x1 y1: against what the accepted texts say (Y costs more there), as a red line
        // on x1 would make it. The first two issues of a rejection may be red lines or conditions: not ranked.
        Profile a = estimateOfA(List.of(said(true, 2, 1, "X", "Y"), said(true, 1, 1, "Y", "X"), said(false, 1, 1,
                "X", "Y")));
        assertThat(loss(a, 1, 1)).isGreaterThan(loss(a, 0, 1));
    }

    @Test
    void theReservation_separatesWhatItSignedFromWhatItRefused() {
        // A's reservation 0.65: it signs x1 y0 (0.7) and refuses x2 y0 (0.4), x0 y1 (0.6) and x1 y1 (0.3). Rejections'
        // leading issues are not ranked, so only the votes can put the budget between x1 and the others.
        var said = List.of(said(true, 1, 0, "X"), said(false, 2, 0, "X"), said(false, 0, 1, "Y"), said(false, 1, 1,
                "Y", "X"));
        Profile a = estimateOfA(said);
        for (LearningMediator.Heard h : said) {
            double u = a.utility(h.text().toArray());
            if (h.accept()) {
                assertThat(u).as("signed %s", h.text()).isGreaterThan(a.reservation());
            } else {
                assertThat(u).as("refused %s", h.text()).isLessThan(a.reservation());
            }
        }
    }

    @Test
    void redLines_areTheOptionsThatLedRefusalsAndWereNeverSigned() {
        var issues = List.of(issue("X", 3), issue("Y", 2), issue("Z", 2));
        AgentView v = view(issues, flat(issues));
        var twice = List.of(heard(false, new int[]{2, 0, 0}, "X"), heard(false, new int[]{2, 1, 0}, "X", "Y"));
        assertThat(Reservations.neverSigned(v, "A", twice)).containsExactly(List.of(0, 2));
        assertThat(Reservations.neverSigned(v, "B", twice)).as("another party's refusals").isEmpty();
        assertThat(Reservations.neverSigned(v, "A", twice.subList(0, 1))).as("led one refusal only").isEmpty();
        var signed = new ArrayList<>(twice);
        signed.add(heard(true, new int[]{2, 0, 1}, "X", "Z"));
        assertThat(Reservations.neverSigned(v, "A", signed)).as("in a text it signed").isEmpty();
        var third = new ArrayList<>(twice);
        third.add(heard(false, new int[]{2, 1, 1}, "Y", "Z", "X"));
        assertThat(Reservations.neverSigned(v, "A", third)).as("named after two broken ones").isEmpty();
        var second = new ArrayList<>(twice);
        second.add(heard(false, new int[]{2, 1, 1}, "Z", "X"));
        assertThat(Reservations.neverSigned(v, "A", second)).as("second, as when two are broken").containsExactly(
                List.of(0, 2));
    }

    private static LearningMediator.Heard heard(boolean accept, int[] text, String... objections) {
        var toward = Arrays.stream(objections).map(i -> i.toLowerCase(Locale.ROOT) + "0").toList();
        return new LearningMediator.Heard("A", Outcome.of(text), accept, List.of(objections), toward);
    }

    private static Profile flat(List<Issue> issues) {
        double[] w = new double[issues.size()];
        Arrays.fill(w, 1.0 / issues.size());
        double[][] values = new double[issues.size()][];
        boolean[][] none = new boolean[issues.size()][];
        for (int i = 0; i < issues.size(); i++) {
            values[i] = new double[issues.get(i).size()];
            Arrays.fill(values[i], 0.5);
            none[i] = new boolean[issues.get(i).size()];
        }
        return Profile.of(issues, w, values, 0.1, none);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void losses_mostlyAgreeWithTheTrueOrder(long seed) {
        double[] shares = shares(seed);
        assertThat(shares[0]).as("share of option pairs ordered as the truth orders them").isGreaterThan(0.7);
    }

    @Test
    void losses_agreeWithTheTrueOrder_farMoreThanWithTheCriticismsOrderShuffled() {
        double fitted = 0;
        double unordered = 0;
        long n = seeds().count();
        for (long seed : seeds().toArray()) {
            double[] shares = shares(seed);
            fitted += shares[0] / n;
            unordered += shares[1] / n;
        }
        assertThat(fitted).as("mean share ordered as the truth orders them, against the shuffled critiques'")
                .isGreaterThan(unordered + 0.1);
    }

    /**
     * For the seed's random party and 40 random texts it criticised: the share of option pairs the estimate orders as
     * the truth does, and the same for the estimate from the same votes and wishes with each critique's order
     * shuffled.
     */
    private static double[] shares(long seed) {
        var rnd = new SplittableRandom(seed);
        int n = 3 + rnd.nextInt(4);
        var issues = new ArrayList<Issue>();
        for (int i = 0; i < n; i++) {
            issues.add(issue("I" + i, 2 + rnd.nextInt(4)));
        }
        double[] w = new double[n];
        double[][] values = new double[n][];
        boolean[][] none = new boolean[n][];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.05 + rnd.nextDouble();
            sum += w[i];
            int k = issues.get(i).size();
            values[i] = new double[k];
            none[i] = new boolean[k];
            for (int o = 0; o < k; o++) {
                values[i][o] = rnd.nextDouble();
            }
            values[i][rnd.nextInt(k)] = 1; // a best option on every issue
            values[i][pickOther(rnd, k, values[i])] = 0; // and a worst
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        Profile truth = Profile.of(issues, w, values, 0.4 + 0.3 * rnd.nextDouble(), none);
        var heard = new ArrayList<LearningMediator.Heard>();
        for (int t = 0; t < 40; t++) {
            int[] text = new int[n];
            for (int i = 0; i < n; i++) {
                text[i] = rnd.nextInt(issues.get(i).size());
            }
            heard.add(criticism(issues, truth, text));
        }
        var shuffled = new ArrayList<LearningMediator.Heard>(); // the same votes and wishes, in a random order
        for (LearningMediator.Heard h : heard) {
            var order = new ArrayList<Integer>();
            for (int k = 0; k < h.objections().size(); k++) {
                order.add(k);
            }
            java.util.Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
            shuffled.add(new LearningMediator.Heard("A", h.text(), h.accept(), order.stream().map(h.objections()::get)
                    .toList(), order.stream().map(h.toward()::get).toList()));
        }
        Outcome content = Outcome.of(new int[n]);
        Profile estimate = PartyEstimates.of(view(issues, truth), heardBy(heard, "A", "B"), content).orElseThrow()
                .get("A");
        Profile unordered = PartyEstimates.of(view(issues, truth), heardBy(shuffled, "A", "B"), content)
                .orElseThrow().get("A");
        return new double[]{concordance(issues, truth, estimate), concordance(issues, truth, unordered)};
    }

    /** The share of pairs of options (of any issues) with different true losses that the estimate orders alike. */
    private static double concordance(List<Issue> issues, Profile truth, Profile estimate) {
        var cells = new ArrayList<int[]>();
        for (int i = 0; i < issues.size(); i++) {
            for (int o = 0; o < issues.get(i).size(); o++) {
                cells.add(new int[]{i, o});
            }
        }
        int agree = 0;
        int pairs = 0;
        for (int x = 0; x < cells.size(); x++) {
            for (int y = x + 1; y < cells.size(); y++) {
                double t = trueLoss(truth, cells.get(x)) - trueLoss(truth, cells.get(y));
                if (Math.abs(t) < 1e-9) {
                    continue;
                }
                double e = loss(estimate, cells.get(x)[0], cells.get(x)[1]) - loss(estimate, cells.get(y)[0], cells
                        .get(y)[1]);
                pairs++;
                agree += Math.signum(t) == Math.signum(e) ? 1 : 0;
            }
        }
        return (double) agree / pairs;
    }

    private static double trueLoss(Profile p, int[] cell) {
        return p.weight(cell[0]) * (1 - p.value(cell[0], cell[1]));
    }

    private static int pickOther(SplittableRandom rnd, int k, double[] values) {
        int o;
        do {
            o = rnd.nextInt(k);
        } while (values[o] == 1);
        return o;
    }

    /**
     * What a party with profile {@code p} says of {@code text}, worked out here: it signs when the text is worth its
     * reservation, and names every issue where the text costs it something against its best option there, costliest
     * first, with that best option.
     */
    private static LearningMediator.Heard criticism(List<Issue> issues, Profile p, int[] text) {
        var order = new ArrayList<Integer>();
        double[] loss = new double[issues.size()];
        int[] best = new int[issues.size()];
        for (int i = 0; i < issues.size(); i++) {
            for (int o = 0; o < issues.get(i).size(); o++) {
                best[i] = p.value(i, o) > p.value(i, best[i]) ? o : best[i];
            }
            loss[i] = p.weight(i) * (p.value(i, best[i]) - p.value(i, text[i]));
            if (loss[i] > 1e-9) {
                order.add(i);
            }
        }
        order.sort((x, y) -> Double.compare(loss[y], loss[x]));
        return new LearningMediator.Heard("A", Outcome.of(text), p.utility(text) >= p.reservation(), order.stream()
                .map(i -> issues.get(i).id()).toList(),
                order.stream().map(i -> issues.get(i).option(best[i]).id())
                        .toList());
    }

    private static Profile estimateOfA(List<LearningMediator.Heard> said) {
        Profile flat = Profile.of(ISSUES, new double[]{0.5, 0.5}, new double[][]{{1, 0.5, 0}, {1, 0}}, 0.3,
                new boolean[][]{{false, false, false}, {false, false}});
        return PartyEstimates.of(view(ISSUES, flat), heardBy(said, "A", "B"), Outcome.of(0, 0)).orElseThrow().get(
                "A");
    }

    /** What A said, and the same said by B (every ratifying party must have spoken before there is an estimate). */
    private static List<LearningMediator.Heard> heardBy(List<LearningMediator.Heard> said, String... parties) {
        var out = new ArrayList<LearningMediator.Heard>();
        for (String p : parties) {
            for (LearningMediator.Heard h : said) {
                out.add(new LearningMediator.Heard(p, h.text(), h.accept(), h.objections(), h.toward()));
            }
        }
        return out;
    }

    /** A's vote on x y, naming {@code objections} in order, each toward its option 0 (A's best there). */
    private static LearningMediator.Heard said(boolean accept, int x, int y, String... objections) {
        var toward = Arrays.stream(objections).map(i -> i.toLowerCase(Locale.ROOT) + "0").toList();
        return new LearningMediator.Heard("A", Outcome.of(x, y), accept, List.of(objections), toward);
    }

    private static double loss(Profile p, int issue, int option) {
        return p.weight(issue) * (1 - p.value(issue, option));
    }

    /** The mediator M's view of a scenario where A and B (principals, who sign) have profile {@code p}. */
    private static AgentView view(List<Issue> issues, Profile p) {
        Profile flat = flat(issues);
        Scenario s = Scenario.of("hand", "By hand", "", List.of(Party.of("M", "M", Role.MEDIATOR), Party.of("A", "A",
                Role.PRINCIPAL), Party.of("B", "B", Role.PRINCIPAL)), issues, Map.of("M", flat, "A", p, "B", p),
                Optional.empty());
        Protocol protocol = Settings.defaults(s).withKind(ProtocolKind.SINGLE_TEXT).create(s);
        return new Session(s, protocol).view("M");
    }

    private static Issue issue(String id, int options) {
        var list = new ArrayList<Option>();
        for (int k = 0; k < options; k++) {
            list.add(new Option(id.toLowerCase(Locale.ROOT) + k, id.toLowerCase(Locale.ROOT) + k));
        }
        return new Issue(id, id, list);
    }
}
