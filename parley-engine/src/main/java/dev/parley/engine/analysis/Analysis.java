package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link Analyzer} found: the sizes of the space, of its part within red lines and of the agreement zone; the
 * Pareto frontier; the reference solutions; near misses when the zone is empty; what each demand costs; and notes
 * on any limit that was reached (nothing is ever cut silently). Immutable and thread-safe.
 */
public final class Analysis {
    private final Scenario scenario;
    private final FrontierScope scope;
    private final ZoneAnalysis zone;
    private final FrontierSet listed;
    private final Map<String, Double> ideals;
    private final List<NearMiss> nearMisses;
    private final List<BlockingDemand> blocking;
    private final List<StatedDemandCheck> statedDemands;
    private final List<List<String>> relaxations;
    private final List<String> notes;

    Analysis(Scenario scenario, FrontierScope scope, ZoneAnalysis zone, FrontierSet listed, Map<String, Double> ideals,
            List<NearMiss> nearMisses, List<BlockingDemand> blocking, List<StatedDemandCheck> statedDemands,
            List<List<String>> relaxations, List<String> notes) {
        this.scenario = scenario;
        this.scope = scope;
        this.zone = zone;
        this.listed = listed;
        this.ideals = Collections.unmodifiableMap(new LinkedHashMap<>(ideals));
        this.nearMisses = List.copyOf(nearMisses);
        this.blocking = List.copyOf(blocking);
        this.statedDemands = List.copyOf(statedDemands);
        this.relaxations = relaxations.stream().map(List::copyOf).toList();
        this.notes = List.copyOf(notes);
    }

    /**
     * For every stated demand, in party order: whether it can be part of an acceptable deal and at what cost
     * (computed with the blocking demands; empty when they are not asked for or the zone frontier is not computed).
     */
    public List<StatedDemandCheck> statedDemands() {
        return statedDemands;
    }

    /**
     * When the zone is empty: the smallest sets of red lines to drop and reservations to waive ("UA red line
     * TR=recognise-occupied", "RU reservation 0.50") that open it, every set of that size; empty when the zone is not
     * empty, when none of at most three opens it, or when the blocking demands are not asked for (the notes say).
     */
    public List<List<String>> relaxations() {
        return relaxations;
    }

    public Scenario scenario() {
        return scenario;
    }

    public FrontierScope scope() {
        return scope;
    }

    /** The ids of the ratifying parties, the frontier's dimensions. */
    public List<String> ratifying() {
        var ids = new ArrayList<String>();
        for (int p : zone.instance.dims) {
            ids.add(scenario.parties().get(p).id());
        }
        return ids;
    }

    public BigInteger outcomes() {
        return scenario.space().count();
    }

    /** Outcomes that break no ratifying party's red line. */
    public BigInteger withinRedLines() {
        return zone.instance.allowedCount();
    }

    /** The number of outcomes in the agreement zone; empty when it could not be counted (see {@link #notes()}). */
    public OptionalLong agreementZone() {
        return zone.count;
    }

    /** Whether the zone is known to be empty: no deal every ratifying party can accept. */
    public boolean zoneEmpty() {
        return zone.empty();
    }

    /** The number of frontier outcomes, ties included; empty when the frontier hit its limit. */
    public OptionalLong frontierSize() {
        return listed == null ? OptionalLong.empty() : OptionalLong.of(listed.outcomes());
    }

    /** The number of distinct utility vectors on the frontier. */
    public OptionalInt frontierDistinct() {
        return listed == null ? OptionalInt.empty() : OptionalInt.of(listed.nodes());
    }

    /** Each ratifying party's reservation, and every other profiled party's. */
    public Map<String, Double> reservations() {
        var m = new LinkedHashMap<String, Double>();
        scenario.profiles().forEach((id, p) -> m.put(id, p.reservation()));
        return m;
    }

    /** a_p: each profiled party's best utility over the zone (none when the zone is empty). */
    public Map<String, Double> ideals() {
        return ideals;
    }

    /** The reference solutions; empty when the zone is empty or the frontier hit its limit. */
    public Map<SolutionKind, Solution> solutions() {
        var m = new EnumMap<SolutionKind, Solution>(SolutionKind.class);
        for (SolutionKind k : SolutionKind.values()) {
            zone.solution(k).ifPresent(s -> m.put(k, s));
        }
        return m;
    }

    public List<NearMiss> nearMisses() {
        return nearMisses;
    }

    /** What each red line and reservation costs, the most blocking first; empty unless asked for. */
    public List<BlockingDemand> blockingDemands() {
        return blocking;
    }

    /** Every limit reached and anything else a reader must know to trust the numbers. */
    public List<String> notes() {
        return notes;
    }

    /**
     * The first {@code limit} frontier outcomes, the most balanced first: by Nash product over the ratifying
     * parties (gains below reservation count as 0), then Σ u, then outcome index. All in memory: to write out more
     * than a few thousand, read {@link #listing} instead.
     */
    public List<FrontierPoint> frontier(int limit) {
        var out = new ArrayList<FrontierPoint>();
        listing(limit).forEach(out::add);
        return out;
    }

    /**
     * The first {@code limit} frontier outcomes in the order of {@link #frontier}, made one at a time as they are
     * read ({@code Long.MAX_VALUE} for all of them).
     */
    public FrontierListing listing(long limit) {
        return new FrontierListing(this, listed, zone.reservation, limit);
    }

    /** The instance the zone was analysed over, for the utilities of listed outcomes. */
    Instance zoneInstance() {
        return zone.instance;
    }

    /** Whether an outcome is in the agreement zone. */
    boolean inZone(int[] choice) {
        Instance z = zone.instance;
        if (!z.allows(choice)) {
            return false;
        }
        for (int k = 0; k < z.dims.length; k++) {
            if (z.ticks(z.dims[k], choice) < z.floor[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * How {@code outcome} looks as a deal, with a victory flag when a victory index exceeds {@code victoryLimit}
     * in size (by default {@link Assessment#DEFAULT_VICTORY_LIMIT}).
     */
    public Assessment assess(Outcome outcome, double victoryLimit) {
        return assess(outcome, AssessmentLimits.DEFAULTS.withVictory(victoryLimit));
    }

    /** How {@code outcome} looks as a deal, flagged under these limits. */
    public Assessment assess(Outcome outcome, AssessmentLimits limits) {
        return Assessor.assess(this, zone, outcome, limits);
    }

    /** How {@code outcome} looks as a deal, under the default victory limit. */
    public Assessment assess(Outcome outcome) {
        return assess(outcome, Assessment.DEFAULT_VICTORY_LIMIT);
    }
}
