package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blocking-demand variants that drop one red line, worked out from the zone instead of one zone analysis each.
 * Dropping a red line on option o of issue i adds to the zone exactly the packages F_o that take o on i, break
 * nothing else and meet every floor (none when another ratifying party forbids o too). So the zone without it holds
 * |zone| + |F_o| packages, and its Nash package is the better, by the solver's rule (larger product, then larger
 * Σ u, then the smaller outcome), of the zone's and F_o's best. F_o is o's contribution plus a package of R_i, the
 * other issues' packages within red lines, the same set for every option of i: one enumeration of R_i answers every
 * red-lined option of the issue. Its counts are dominance counts of R_i's utility vectors against each option's
 * thresholds ({@link DominanceCounts}): with one or two ratifying parties all in one pass, with more a scan per
 * option. The best of F_o lies on R_i's Pareto frontier
 * (whatever in F_o dominates a maximiser is one, with a larger sum), which {@link AdditiveFrontier} finds with i
 * held to one option.
 * <p>
 * The answers are what a zone analysis of each variant gives (RedLineDropsTest), and also where that analysis
 * would have run into the count budget or the point limit and said nothing. One caveat, the solver's own: Nash
 * products within 1e-12 of each other but not equal are ties that are not transitive, and then the solver's pick
 * too depends on the order of the frontier's nodes. Used where this is exact and cheap: no linked issues (a
 * trivial layout), the zone's count and frontier known, R_i within {@link #MAX_POINTS} (and, past three ratifying
 * parties, the scan within {@link #MAX_SCAN}); elsewhere the caller makes each variant its own zone analysis, as
 * before. Thread-safe: each issue's answers are worked out once, by {@link #prepare} or the first variant to ask.
 */
final class RedLineDrops {
    /** The most packages of the other issues enumerated for one issue's red lines. */
    static final long MAX_POINTS = 1L << 22;
    /** Packages of the other issues enumerated and counted at a time. */
    static final int CHUNK = 1 << 18;
    /** With three or more ratifying parties: the most point visits (points × options) one issue's scan may make. */
    static final long MAX_SCAN = 20_000_000L;
    private static final double TIE = 1e-12; // Solver's

    private final ZoneAnalysis zone;
    private final Instance z;
    private final Budget budget;
    private final int maxPoints;
    /** Packages of the other issues enumerated and counted at a time: {@link #CHUNK} but in tests. */
    private final int chunk;
    /** The most packages of the other issues whose Nash part {@link #prepare} runs side by side: as Variants' but in tests. */
    private final long sideBySide;
    private final Optional<Solution> nashWith;
    private final ConcurrentHashMap<Integer, Optional<Answers>> byIssue = new ConcurrentHashMap<>();

    /** The zone's count and Nash package without one red line. */
    record Without(OptionalLong count, Optional<Solution> nash) {
    }

    /** Per option of one issue (by option): the packages its freeing adds, and the best of them (null for none). */
    private record Answers(long[] added, Best[] best) {
    }

    /** A Nash candidate: its product, Σ u in ticks and outcome. */
    private record Best(double value, long sum, int[] choice) {
        boolean beats(double v, long s, int[] c) {
            double diff = value - v;
            return diff > TIE || (diff >= -TIE && (sum > s || (sum == s && Arrays.compare(choice, c) < 0)));
        }

        /** Whether a candidate of value {@code v} and sum {@code s} may beat this one (as its outcome decides). */
        boolean mayLoseTo(double v, long s) {
            double diff = v - value;
            return diff > TIE || (diff >= -TIE && s >= sum);
        }
    }

    private RedLineDrops(ZoneAnalysis zone, AnalysisOptions o, int chunk, long sideBySide) {
        this.chunk = chunk;
        this.sideBySide = sideBySide;
        this.zone = zone;
        this.z = zone.instance;
        this.budget = o.budget();
        this.maxPoints = o.maxPoints();
        this.nashWith = zone.solution(SolutionKind.NASH);
    }

    /** The variants of {@code zone}'s red lines, or none where each must be its own zone analysis. */
    static Optional<RedLineDrops> of(ZoneAnalysis zone, AnalysisOptions o) {
        return of(zone, o, CHUNK, Variants.SIDE_BY_SIDE.longValue());
    }

    /**
     * As {@link #of(ZoneAnalysis, AnalysisOptions)}, {@code chunk} packages of the other issues at a time, and Nash
     * parts side by side up to {@code sideBySide} of them.
     */
    static Optional<RedLineDrops> of(ZoneAnalysis zone, AnalysisOptions o, int chunk, long sideBySide) {
        boolean exact = zone.instance.layout.trivial() && zone.count.isPresent() && zone.frontier != null
                && zone.instance.dims.length > 0;
        return exact ? Optional.of(new RedLineDrops(zone, o, chunk, sideBySide)) : Optional.empty();
    }

    /**
     * Works out every issue's answers at once on {@code executor}, telling {@code progress} as each part ends: its
     * counts a task per {@link #CHUNK} packages of the other issues (each task's memory is one chunk's), and its
     * Nash packages a task where the other issues have at most {@link Variants#SIDE_BY_SIDE} packages (their
     * frontier's memory grows with them; past that, one issue's at a time, in this thread). A part that fails fails
     * the whole, with the first failure in the issues' order, once every part started has ended.
     */
    void prepare(java.util.concurrent.Executor executor, ProgressListener progress) {
        var plans = new java.util.ArrayList<Plan>();
        for (int i = 0; i < z.issueCount(); i++) {
            Plan p = plan(i);
            if (p == null) {
                byIssue.put(i, Optional.empty());
            } else if (p.asked().length > 0) {
                plans.add(p);
            }
        }
        var parts = new java.util.ArrayList<Runnable>();
        var best = new Best[plans.size()][]; // by plan; read once every part has ended
        var added = new long[plans.size()][];
        var cut = new boolean[plans.size()]; // a chunk ran into the budget: the issue is left to zone analyses
        var late = new java.util.ArrayList<Integer>(); // plans whose Nash packages are worked out here, one by one
        for (int j = 0; j < plans.size(); j++) {
            Plan p = plans.get(j);
            int at = j;
            added[j] = new long[z.options(p.issue())];
            if (p.n() <= sideBySide) {
                parts.add(() -> best[at] = orNull(() -> nash(p.issue(), p.asked())));
            } else {
                late.add(j);
            }
            for (long j0 = 0; j0 < p.n(); j0 += chunk) {
                long from = j0;
                parts.add(() -> {
                    long[] part = orNull(() -> count(p, from, Math.min(p.n(), from + chunk)));
                    synchronized (added[at]) {
                        if (part == null) {
                            cut[at] = true;
                        } else {
                            add(added[at], part);
                        }
                    }
                });
            }
        }
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var done = new java.util.concurrent.atomic.AtomicInteger();
        var started = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Void>>();
        try {
            for (Runnable part : parts) {
                started.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        if (failure.get() == null) {
                            part.run();
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                    progress.progress("red lines", done.incrementAndGet(), parts.size());
                }, executor));
            }
        } catch (RuntimeException e) { // the executor refused a part
            failure.compareAndSet(null, e);
        }
        started.forEach(java.util.concurrent.CompletableFuture::join); // each catches its own failure
        if (failure.get() instanceof RuntimeException r) {
            throw r;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        for (int j : late) {
            Plan p = plans.get(j);
            best[j] = orNull(() -> nash(p.issue(), p.asked()));
        }
        for (int j = 0; j < plans.size(); j++) {
            byIssue.put(plans.get(j).issue(), best[j] != null && !cut[j]
                    ? Optional.of(new Answers(added[j], best[j]))
                    : Optional.empty());
        }
    }

    /** A part of the answers, or null when it ran into the budget or the frontier's limit. */
    private static <T> T orNull(Part<T> part) {
        try {
            return part.get();
        } catch (Budget.Exceeded | AdditiveFrontier.LimitException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Part<T> {
        T get() throws AdditiveFrontier.LimitException;
    }

    private static void add(long[] into, long[] more) {
        for (int k = 0; k < into.length; k++) {
            into[k] += more[k];
        }
    }

    /**
     * The zone without {@code party}'s red line on {@code option} of {@code issue}; empty when that issue's
     * variants must each be a zone analysis (too many packages of the other issues, or the memory budget).
     */
    Optional<Without> without(String party, int issue, int option) {
        if (z.forbiddenByOthers(party, issue, option)) {
            return Optional.of(new Without(zone.count, nashWith)); // still forbidden: nothing changes
        }
        Optional<Answers> a = byIssue.computeIfAbsent(issue, this::answers);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        long count = zone.count.getAsLong() + a.get().added()[option];
        Best b = a.get().best()[option];
        Optional<Solution> nash = nashWith;
        if (b != null && (nashWith.isEmpty() || b.beats(nashWith.get().value(), sum(nashWith.get().outcome()),
                nashWith.get().outcome().toArray()))) {
            nash = Optional.of(new Solution(SolutionKind.NASH, Outcome.of(b.choice()), ZoneAnalysis.utilities(z, b
                    .choice()), b.value()));
        }
        return Optional.of(new Without(OptionalLong.of(count), nash));
    }

    private long sum(Outcome o) {
        int[] c = o.toArray();
        long s = 0;
        for (int dim : z.dims) {
            s += z.ticks(dim, c);
        }
        return s;
    }

    /** How many packages the other issues than {@code issue} have within red lines; past MAX_POINTS, MAX_POINTS + 1. */
    private long points(int issue) {
        long n = 1;
        for (int h = 0; h < z.issueCount(); h++) {
            if (h != issue) {
                n = Math.min(MAX_POINTS + 1, n * z.allowedOptions()[h].length);
            }
        }
        return n;
    }

    /**
     * One issue's red lines to answer: the other issues, the options asked (every forbidden one), and how many
     * packages the other issues have within red lines.
     */
    private record Plan(int issue, int[] others, int[] asked, long n, DominanceCounts thresholds) {
    }

    /** {@code issue}'s plan; null when its variants must each be a zone analysis. */
    private Plan plan(int issue) {
        long n = points(issue);
        if (n > MAX_POINTS) {
            return null;
        }
        int[] others = new int[z.issueCount() - 1];
        for (int h = 0, j = 0; h < z.issueCount(); h++) {
            if (h != issue) {
                others[j++] = h;
            }
        }
        int[] asked = new int[z.options(issue)];
        int q = 0;
        for (int k = 0; k < asked.length; k++) {
            if (!z.optionAllowed[issue][k]) {
                asked[q++] = k;
            }
        }
        if (z.dims.length > 2 && n * q > MAX_SCAN) {
            return null;
        }
        int[] options = Arrays.copyOf(asked, q);
        DominanceCounts counts = null;
        if (z.dims.length <= 2) {
            long[] t0 = new long[q];
            long[] t1 = new long[q];
            for (int a = 0; a < q; a++) {
                t0[a] = threshold(0, issue, options[a]);
                t1[a] = z.dims.length > 1 ? threshold(1, issue, options[a]) : Long.MIN_VALUE;
            }
            counts = new DominanceCounts(t0, z.dims.length > 1 ? t1 : null);
        }
        return new Plan(issue, others, options, n, counts);
    }

    /** Every red-lined option of {@code issue} answered, a chunk of the other issues' packages at a time. */
    private Optional<Answers> answers(int issue) {
        Plan p = plan(issue);
        if (p == null) {
            return Optional.empty();
        }
        Best[] best = orNull(() -> nash(issue, p.asked()));
        long[] added = new long[z.options(issue)];
        for (long j0 = 0; j0 < p.n() && best != null; j0 += chunk) {
            long from = j0;
            long[] part = orNull(() -> count(p, from, Math.min(p.n(), from + chunk)));
            if (part == null) {
                return Optional.empty();
            }
            add(added, part);
        }
        return best == null ? Optional.empty() : Optional.of(new Answers(added, best));
    }

    /** Per option asked, how many of the other issues' packages {@code from} to {@code to} F_o holds. */
    private long[] count(Plan p, long from, long to) {
        int d = z.dims.length;
        budget.check("the red lines of issue " + z.scenario.issues().get(p.issue()).id());
        budget.allocate((to - from) * (8L * d + 8), "the red lines of issue " + z.scenario.issues().get(p.issue())
                .id());
        long[][] v = points(p.others(), from, (int) (to - from));
        long[] meeting;
        if (d > 2) {
            long[][] t = new long[p.asked().length][d];
            for (int a = 0; a < t.length; a++) {
                for (int x = 0; x < d; x++) {
                    t[a][x] = threshold(x, p.issue(), p.asked()[a]);
                }
            }
            meeting = DominanceCounts.scan(v, t);
        } else {
            meeting = p.thresholds().count(v[0], d > 1 ? v[1] : null);
        }
        long[] added = new long[z.options(p.issue())];
        for (int a = 0; a < p.asked().length; a++) {
            added[p.asked()[a]] = meeting[a];
        }
        return added;
    }

    /**
     * Per option of {@code issue} asked, the best package with it that F_o holds, from the Pareto frontier of the
     * other issues' packages (found with the issue held to one option, and floors low enough for every option
     * asked): null when the frontier holds too many points to try with every option.
     */
    private Best[] nash(int issue, int[] asked) throws AdditiveFrontier.LimitException {
        int d = z.dims.length;
        var best = new Best[z.options(issue)];
        if (asked.length == 0) {
            return best;
        }
        int held = asked[0];
        long[] floor = new long[d];
        for (int x = 0; x < d; x++) {
            long lowest = Long.MAX_VALUE;
            for (int k : asked) {
                lowest = Math.min(lowest, threshold(x, issue, k));
            }
            floor[x] = lowest == Long.MIN_VALUE ? Long.MIN_VALUE : lowest + cell(x, issue, held);
        }
        FrontierSet f = AdditiveFrontier.compute(z.withHeld(issue, held, floor), maxPoints, budget,
                ProgressListener.NONE);
        if ((long) f.nodes() * asked.length > MAX_SCAN) {
            return null;
        }
        long[] u = new long[d];
        for (int k : asked) {
            Best top = null;
            for (int x = 0; x < f.nodes(); x++) {
                boolean in = true;
                double product = 1;
                long sum = 0;
                for (int c = 0; c < d && in; c++) {
                    u[c] = f.vector(c, x) - cell(c, issue, held) + cell(c, issue, k);
                    in = z.floor[c] == Long.MIN_VALUE || u[c] >= z.floor[c];
                    product *= Ticks.utility(Math.max(0, u[c] - zone.reservation[c])); // as Solver computes it
                    sum += u[c];
                }
                if (in && (top == null || top.mayLoseTo(product, sum))) {
                    int[] choice = f.smallestOutcome(x).clone();
                    choice[issue] = k;
                    var b = new Best(product, sum, choice);
                    top = top == null || b.beats(top.value(), top.sum(), top.choice()) ? b : top;
                }
            }
            best[k] = top;
        }
        return best;
    }

    /** Party {@code x}'s ticks from option {@code k} of {@code issue}. */
    private long cell(int x, int issue, int k) {
        return z.partyCells[z.dims[x]][issue][k];
    }

    /**
     * [dim][point]: each ratifying party's ticks from the other issues, for {@code n} of their packages within red
     * lines from number {@code from} on, in issue order (the last issue fastest).
     */
    private long[][] points(int[] others, long from, int n) {
        int d = z.dims.length;
        int[][] allowed = z.allowedOptions();
        long[][] v = new long[d][n];
        if (n == 0) {
            return v; // an issue with every option forbidden: nothing to add
        }
        int m = others.length;
        int[] pos = new int[m];
        long rest = from;
        for (int level = m - 1; level >= 0; level--) {
            pos[level] = (int) (rest % allowed[others[level]].length);
            rest /= allowed[others[level]].length;
        }
        long[][] pre = new long[m + 1][d];
        for (int level = 0; level < m; level++) {
            for (int x = 0; x < d; x++) {
                pre[level + 1][x] = pre[level][x]
                        + z.partyCells[z.dims[x]][others[level]][allowed[others[level]][pos[level]]];
            }
        }
        for (int j = 0; j < n; j++) {
            for (int x = 0; x < d; x++) {
                v[x][j] = pre[m][x];
            }
            int level = m - 1; // the odometer: the last issue turns fastest
            while (level >= 0 && ++pos[level] == allowed[others[level]].length) {
                pos[level--] = 0;
            }
            for (int l = Math.max(level, 0); l < m && j + 1 < n; l++) {
                int opt = allowed[others[l]][pos[l]];
                for (int x = 0; x < d; x++) {
                    pre[l + 1][x] = pre[l][x] + z.partyCells[z.dims[x]][others[l]][opt];
                }
            }
        }
        return v;
    }

    /** The least ticks party {@code x} must get from the other issues with option {@code k} on {@code issue}. */
    private long threshold(int x, int issue, int k) {
        long floor = z.floor[x];
        return floor == Long.MIN_VALUE ? Long.MIN_VALUE : floor - z.partyCells[z.dims[x]][issue][k];
    }
}
