package dev.parley.engine.analysis;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Demand;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scenario compiled for analysis over its {@link Layout}'s slots (an issue, or issues linked by a condition or an
 * interaction term merged into one): per-slot utility cells in {@link Ticks} for every party with a profile, the
 * combinations allowed in each slot, which parties are the dimensions of the frontier and the floor each must reach.
 * The slot-level arrays ({@link #slots}, {@link #radix}, {@link #partyCells}, {@link #allowed}) are for the per-slot
 * algorithms; everything else speaks scenario issues and options ({@link #ticks}, {@link #allows},
 * {@link #optionAllowed}, the variants). Variants (a red line dropped, a reservation lowered, another party added as
 * a dimension) share the cells. Immutable; arrays are never modified after construction.
 */
final class Instance {
    final Scenario scenario;
    final Layout layout;
    /** How many slots. */
    final int slots;
    /** Per slot: how many combinations. */
    final int[] radix;
    /** Per profiled party (scenario party order, null without a profile): [slot][combination] → ticks. */
    final long[][][] partyCells;
    /** Scenario party index of each frontier dimension. */
    final int[] dims;
    /** Per dimension: the least utility in ticks an outcome must give, or Long.MIN_VALUE for none. */
    final long[] floor;
    /** [slot][combination]: whether the combination may be part of an outcome. */
    final boolean[][] allowed;
    /** [issue][option]: whether the scenario option is allowed by the red lines that apply. */
    final boolean[][] optionAllowed;
    /** Scenario party indices whose hard conditions apply. */
    private final int[] bound;
    /** Conditions that do not apply although their party's others do: {@link #key}s of (party, position). */
    private final java.util.Set<Long> dropped;
    private final int[][] allowedOptions;

    private Instance(Scenario scenario, Layout layout, long[][][] partyCells, int[] dims, long[] floor,
            boolean[][] optionAllowed, int[] bound) {
        this(scenario, layout, partyCells, dims, floor, optionAllowed, bound, java.util.Set.of());
    }

    private Instance(Scenario scenario, Layout layout, long[][][] partyCells, int[] dims, long[] floor,
            boolean[][] optionAllowed, int[] bound, java.util.Set<Long> dropped) {
        this.scenario = scenario;
        this.layout = layout;
        this.slots = layout.slots();
        this.radix = layout.radix;
        this.partyCells = partyCells;
        this.dims = dims;
        this.floor = floor;
        this.optionAllowed = optionAllowed;
        this.bound = bound;
        this.dropped = dropped;
        this.allowed = layout.trivial() ? optionAllowed : combinations(scenario, layout, optionAllowed, bound, dropped);
        this.allowedOptions = new int[slots][];
        for (int g = 0; g < slots; g++) {
            int n = 0;
            int[] list = new int[radix[g]];
            for (int k = 0; k < radix[g]; k++) {
                if (allowed[g][k]) {
                    list[n++] = k;
                }
            }
            allowedOptions[g] = Arrays.copyOf(list, n);
        }
    }

    /**
     * The agreement zone: ratifying parties as dimensions, their reservations as floors, their red lines and
     * conditions excluded.
     */
    static Instance zone(Scenario s) {
        Layout layout = Layout.of(s);
        int[] dims = ratifying(s);
        long[] floor = new long[dims.length];
        boolean[][] allowed = allOptions(s);
        for (int d = 0; d < dims.length; d++) {
            Profile p = s.profiles().get(s.parties().get(dims[d]).id());
            floor[d] = Ticks.of(p.reservation()) - Ticks.ZONE_TOLERANCE;
            for (int i = 0; i < allowed.length; i++) {
                for (int k = 0; k < allowed[i].length; k++) {
                    allowed[i][k] &= !p.isRedLine(i, k);
                }
            }
        }
        return new Instance(s, layout, cells(s, layout), dims, floor, allowed, dims);
    }

    /** The whole space: every option allowed, no condition, no floor; ratifying parties as dimensions. */
    static Instance whole(Scenario s) {
        Layout layout = Layout.of(s);
        return new Instance(s, layout, cells(s, layout), ratifying(s), noFloors(ratifying(s).length), allOptions(s),
                new int[0]);
    }

    /** {@link #whole(Scenario)}, sharing this instance's cells. */
    Instance whole() {
        return new Instance(scenario, layout, partyCells, dims, noFloors(dims.length), allOptions(scenario),
                new int[0]);
    }

    /** The same options, without the floors: the space within red lines and conditions. */
    Instance withoutFloors() {
        return new Instance(scenario, layout, partyCells, dims, noFloors(dims.length), optionAllowed, bound, dropped);
    }

    /** With option {@code option} of issue {@code issue} allowed again unless another ratifying party forbids it. */
    Instance withRedLineDropped(String partyId, int issue, int option) {
        boolean[][] a = copy(optionAllowed);
        a[issue][option] = !forbiddenByOthers(partyId, issue, option);
        return new Instance(scenario, layout, partyCells, dims, floor, a, bound, dropped);
    }

    /** Whether a ratifying party other than {@code partyId} has a red line on {@code option} of {@code issue}. */
    boolean forbiddenByOthers(String partyId, int issue, int option) {
        for (int dim : dims) {
            Party p = scenario.parties().get(dim);
            if (!p.id().equals(partyId) && scenario.profiles().get(p.id()).isRedLine(issue, option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only packages that grant a demand: each issue it names held to the options that satisfy it; with the options
     * {@code allowAgain[issue][option]} (if not null) allowed again whatever red lines forbid them.
     */
    Instance withImposed(Demand.Mask mask, boolean[][] allowAgain) {
        boolean[][] a = copy(optionAllowed);
        for (int i = 0; allowAgain != null && i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                a[i][k] |= allowAgain[i][k];
            }
        }
        for (int j = 0; j < mask.issues().length; j++) {
            int i = mask.issues()[j];
            for (int k = 0; k < a[i].length; k++) {
                a[i][k] &= mask.allowed()[j][k];
            }
        }
        return new Instance(scenario, layout, partyCells, dims, floor, a, bound, dropped);
    }

    /** With issue {@code issue} held to {@code option} alone (whatever red lines say of it), and floors {@code floor}. */
    Instance withHeld(int issue, int option, long[] floor) {
        boolean[][] a = copy(optionAllowed);
        Arrays.fill(a[issue], false);
        a[issue][option] = true;
        return new Instance(scenario, layout, partyCells, dims, floor, a, bound, dropped);
    }

    /**
     * The zone with some ratifying parties' red lines dropped ({@code dropped[dim][issue][option]}) and some
     * reservations waived ({@code waived[dim]}: any utility will do): an option stays forbidden while another
     * ratifying party's red line that is not dropped forbids it. Conditions stay.
     */
    Instance withRelaxed(boolean[][][] dropped, boolean[] waived) {
        boolean[][] a = allOptions(scenario);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                for (int d = 0; d < dims.length; d++) {
                    Profile p = scenario.profiles().get(scenario.parties().get(dims[d]).id());
                    a[i][k] &= !p.isRedLine(i, k) || dropped[d][i][k];
                }
            }
        }
        long[] f = floor.clone();
        for (int d = 0; d < dims.length; d++) {
            if (waived[d]) {
                f[d] = -Ticks.ZONE_TOLERANCE; // every utility is at least 0
            }
        }
        return new Instance(scenario, layout, partyCells, dims, f, a, bound, this.dropped);
    }

    /**
     * With condition {@code condition} (by position) of scenario party {@code party} dropped as well; a copy of it
     * that another party holds still applies.
     */
    Instance withConditionDropped(int party, int condition) {
        var more = new java.util.HashSet<>(dropped);
        more.add(key(party, condition));
        return new Instance(scenario, layout, partyCells, dims, floor, optionAllowed, bound, java.util.Set.copyOf(
                more));
    }

    /** The key of condition {@code condition} (by position) of scenario party {@code party}. */
    static long key(int party, int condition) {
        return ((long) party << 32) | condition;
    }

    /** With dimension {@code dim}'s floor lowered by {@code ticks}. */
    Instance withFloorLowered(int dim, long ticks) {
        long[] f = floor.clone();
        f[dim] -= ticks;
        return new Instance(scenario, layout, partyCells, dims, f, optionAllowed, bound, dropped);
    }

    /** With scenario party {@code party} added as an unconstrained last dimension. */
    Instance withDimension(int party) {
        int[] d = Arrays.copyOf(dims, dims.length + 1);
        d[dims.length] = party;
        long[] f = Arrays.copyOf(floor, floor.length + 1);
        f[floor.length] = Long.MIN_VALUE;
        return new Instance(scenario, layout, partyCells, d, f, optionAllowed, bound, dropped);
    }

    /** The allowed combinations of each slot, ascending. Shared: do not modify. */
    int[][] allowedOptions() {
        return allowedOptions;
    }

    /** How many outcomes use only allowed combinations. */
    BigInteger allowedCount() {
        BigInteger c = BigInteger.ONE;
        for (int[] options : allowedOptions()) {
            c = c.multiply(BigInteger.valueOf(options.length));
        }
        return c;
    }

    /** Whether scenario outcome {@code choice} breaks none of the red lines and conditions that apply. */
    boolean allows(int[] choice) {
        if (layout.trivial()) {
            for (int i = 0; i < choice.length; i++) {
                if (!allowed[i][choice[i]]) {
                    return false;
                }
            }
            return true;
        }
        int[] slot = layout.encode(choice);
        for (int g = 0; g < slots; g++) {
            if (!allowed[g][slot[g]]) {
                return false;
            }
        }
        return true;
    }

    /** [dim][slot] → the ticks dimension dim gets in that slot, per combination. */
    long[][][] dimCells() {
        long[][][] c = new long[dims.length][][];
        for (int d = 0; d < dims.length; d++) {
            c[d] = partyCells[dims[d]];
        }
        return c;
    }

    /**
     * [dim][slot] → the most (or least, when {@code max} is false) ticks dimension dim can still collect from
     * slots {@code slot..n-1} over allowed combinations; row n is 0.
     */
    long[][] suffixBound(boolean max) {
        long[][] out = new long[dims.length][slots + 1];
        for (int d = 0; d < dims.length; d++) {
            long[][] cells = partyCells[dims[d]];
            for (int g = slots - 1; g >= 0; g--) {
                long best = max ? Long.MIN_VALUE : Long.MAX_VALUE;
                for (int k = 0; k < radix[g]; k++) {
                    if (allowed[g][k]) {
                        best = max ? Math.max(best, cells[g][k]) : Math.min(best, cells[g][k]);
                    }
                }
                out[d][g] = out[d][g + 1] + (best == Long.MIN_VALUE || best == Long.MAX_VALUE ? 0 : best);
            }
        }
        return out;
    }

    /** The utility in ticks that scenario party {@code party} gets from scenario outcome {@code choice}. */
    long ticks(int party, int[] choice) {
        int[] slot = layout.trivial() ? choice : layout.encode(choice);
        long u = 0;
        long[][] cells = partyCells[party];
        for (int g = 0; g < slots; g++) {
            u += cells[g][slot[g]];
        }
        return u;
    }

    /** How many scenario issues. */
    int issueCount() {
        return optionAllowed.length;
    }

    /** How many options scenario issue {@code issue} has. */
    int options(int issue) {
        return optionAllowed[issue].length;
    }

    boolean hasProfile(int party) {
        return partyCells[party] != null;
    }

    /** Per slot and combination: every member option allowed, and no condition of {@code bound} broken. */
    private static boolean[][] combinations(Scenario s, Layout layout, boolean[][] optionAllowed, int[] bound,
            java.util.Set<Long> dropped) {
        List<Condition> conditions = new ArrayList<>();
        for (int p : bound) {
            List<Condition> held = s.profiles().get(s.parties().get(p).id()).conditions();
            for (int c = 0; c < held.size(); c++) {
                if (!dropped.contains(key(p, c))) {
                    conditions.add(held.get(c));
                }
            }
        }
        int[] choice = new int[s.issues().size()];
        boolean[][] out = new boolean[layout.slots()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = new boolean[layout.radix[g]];
            int[] members = layout.groups.members(g);
            int slot = g;
            List<Condition> here = conditions.stream().filter(c -> layout.groups.groupOf(c.ifIssue()) == slot)
                    .toList();
            for (int x = 0; x < out[g].length; x++) {
                layout.decodeSlot(g, x, choice);
                boolean ok = true;
                for (int j = 0; j < members.length && ok; j++) {
                    ok = optionAllowed[members[j]][choice[members[j]]];
                }
                for (int c = 0; c < here.size() && ok; c++) {
                    ok = !here.get(c).brokenBy(choice);
                }
                out[g][x] = ok;
            }
        }
        return out;
    }

    /** Per profiled party, slot and combination: the ticks of its options' contributions and terms that hold. */
    private static long[][][] cells(Scenario s, Layout layout) {
        long[][][] out = new long[s.parties().size()][][];
        int[] choice = new int[s.issues().size()];
        for (int p = 0; p < out.length; p++) {
            Profile profile = s.profiles().get(s.parties().get(p).id());
            if (profile == null) {
                continue;
            }
            out[p] = new long[layout.slots()][];
            for (int g = 0; g < out[p].length; g++) {
                int[] members = layout.groups.members(g);
                int slot = g;
                List<Interaction> terms = profile.interactions().stream().filter(t -> layout.groups.groupOf(t.issue(
                        0)) == slot).toList();
                out[p][g] = new long[layout.radix[g]];
                for (int x = 0; x < out[p][g].length; x++) {
                    layout.decodeSlot(g, x, choice);
                    long u = 0; // option by option, as in a slot of one issue, so ticks do not depend on the layout
                    for (int i : members) {
                        u += Ticks.of(profile.weight(i) * profile.value(i, choice[i]));
                    }
                    for (Interaction t : terms) {
                        u += t.holds(choice) ? Ticks.of(t.value()) : 0;
                    }
                    out[p][g][x] = u;
                }
            }
        }
        return out;
    }

    private static int[] ratifying(Scenario s) {
        List<Integer> r = new ArrayList<>();
        for (int p = 0; p < s.parties().size(); p++) {
            if (s.parties().get(p).ratifies()) {
                r.add(p);
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] noFloors(int dims) {
        long[] none = new long[dims];
        Arrays.fill(none, Long.MIN_VALUE);
        return none;
    }

    private static boolean[][] allOptions(Scenario s) {
        boolean[][] a = new boolean[s.issues().size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new boolean[s.issues().get(i).size()];
            Arrays.fill(a[i], true);
        }
        return a;
    }

    private static boolean[][] copy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
