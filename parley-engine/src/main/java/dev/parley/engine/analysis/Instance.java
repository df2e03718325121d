package dev.parley.engine.analysis;

import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scenario compiled for analysis: per-issue utility cells in {@link Ticks} for every party with a profile, the
 * options allowed on each issue, which parties are the dimensions of the frontier and the floor each must reach.
 * Variants (a red line dropped, a reservation lowered, another party added as a dimension) share the cells.
 * Immutable; arrays are never modified after construction.
 */
final class Instance {
    final Scenario scenario;
    final int issues;
    final int[] radix;
    /** Per profiled party (scenario party order, null without a profile): [issue][option] → ticks. */
    final long[][][] partyCells;
    /** Scenario party index of each frontier dimension. */
    final int[] dims;
    /** Per dimension: the least utility in ticks an outcome must give, or Long.MIN_VALUE for none. */
    final long[] floor;
    /** [issue][option]: whether the option may be part of an outcome. */
    final boolean[][] allowed;
    private final int[][] allowedOptions;

    private Instance(Scenario scenario, long[][][] partyCells, int[] dims, long[] floor, boolean[][] allowed) {
        this.scenario = scenario;
        this.issues = scenario.issues().size();
        this.radix = new int[issues];
        for (int i = 0; i < issues; i++) {
            radix[i] = scenario.issues().get(i).size();
        }
        this.partyCells = partyCells;
        this.dims = dims;
        this.floor = floor;
        this.allowed = allowed;
        this.allowedOptions = new int[issues][];
        for (int i = 0; i < issues; i++) {
            int n = 0;
            int[] list = new int[radix[i]];
            for (int k = 0; k < radix[i]; k++) {
                if (allowed[i][k]) {
                    list[n++] = k;
                }
            }
            allowedOptions[i] = Arrays.copyOf(list, n);
        }
    }

    /** The agreement zone: ratifying parties as dimensions, their reservations as floors, red lines excluded. */
    static Instance zone(Scenario s) {
        long[][][] cells = cells(s);
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
        return new Instance(s, cells, dims, floor, allowed);
    }

    /** The whole space: every option allowed, no floor; ratifying parties as dimensions. */
    static Instance whole(Scenario s) {
        int[] dims = ratifying(s);
        long[] floor = new long[dims.length];
        Arrays.fill(floor, Long.MIN_VALUE);
        return new Instance(s, cells(s), dims, floor, allOptions(s));
    }

    /** The same options, without the floors: the red-line-respecting space. */
    Instance withoutFloors() {
        long[] none = new long[dims.length];
        Arrays.fill(none, Long.MIN_VALUE);
        return new Instance(scenario, partyCells, dims, none, allowed);
    }

    /** With option {@code option} of issue {@code issue} allowed again unless another ratifying party forbids it. */
    Instance withRedLineDropped(String partyId, int issue, int option) {
        boolean[][] a = new boolean[issues][];
        for (int i = 0; i < issues; i++) {
            a[i] = allowed[i].clone();
        }
        boolean forbidden = false;
        for (int dim : dims) {
            Party p = scenario.parties().get(dim);
            if (!p.id().equals(partyId) && scenario.profiles().get(p.id()).isRedLine(issue, option)) {
                forbidden = true;
            }
        }
        a[issue][option] = !forbidden;
        return new Instance(scenario, partyCells, dims, floor, a);
    }

    /**
     * Only packages that grant a demand: each issue it names held to the options that satisfy it; with the options
     * {@code allowAgain[issue][option]} (if not null) allowed again whatever red lines forbid them.
     */
    Instance withImposed(dev.parley.engine.model.Demand.Mask mask, boolean[][] allowAgain) {
        boolean[][] a = new boolean[issues][];
        for (int i = 0; i < issues; i++) {
            a[i] = allowed[i].clone();
            for (int k = 0; allowAgain != null && k < radix[i]; k++) {
                a[i][k] |= allowAgain[i][k];
            }
        }
        for (int j = 0; j < mask.issues().length; j++) {
            int i = mask.issues()[j];
            for (int k = 0; k < radix[i]; k++) {
                a[i][k] &= mask.allowed()[j][k];
            }
        }
        return new Instance(scenario, partyCells, dims, floor, a);
    }

    /**
     * The zone with some ratifying parties' red lines dropped ({@code dropped[dim][issue][option]}) and some
     * reservations waived ({@code waived[dim]}: any utility will do): an option stays forbidden while another
     * ratifying party's red line that is not dropped forbids it.
     */
    Instance withRelaxed(boolean[][][] dropped, boolean[] waived) {
        boolean[][] a = new boolean[issues][];
        for (int i = 0; i < issues; i++) {
            a[i] = new boolean[radix[i]];
            for (int k = 0; k < radix[i]; k++) {
                boolean ok = true;
                for (int d = 0; d < dims.length; d++) {
                    Profile p = scenario.profiles().get(scenario.parties().get(dims[d]).id());
                    ok &= !p.isRedLine(i, k) || dropped[d][i][k];
                }
                a[i][k] = ok;
            }
        }
        long[] f = floor.clone();
        for (int d = 0; d < dims.length; d++) {
            if (waived[d]) {
                f[d] = -Ticks.ZONE_TOLERANCE; // every utility is at least 0
            }
        }
        return new Instance(scenario, partyCells, dims, f, a);
    }

    /** With dimension {@code dim}'s floor lowered by {@code ticks}. */
    Instance withFloorLowered(int dim, long ticks) {
        long[] f = floor.clone();
        f[dim] -= ticks;
        return new Instance(scenario, partyCells, dims, f, allowed);
    }

    /** With scenario party {@code party} added as an unconstrained last dimension. */
    Instance withDimension(int party) {
        int[] d = Arrays.copyOf(dims, dims.length + 1);
        d[dims.length] = party;
        long[] f = Arrays.copyOf(floor, floor.length + 1);
        f[floor.length] = Long.MIN_VALUE;
        return new Instance(scenario, partyCells, d, f, allowed);
    }

    /** The allowed option positions of each issue, ascending. Shared: do not modify. */
    int[][] allowedOptions() {
        return allowedOptions;
    }

    /** How many outcomes use only allowed options. */
    BigInteger allowedCount() {
        BigInteger c = BigInteger.ONE;
        for (int[] options : allowedOptions()) {
            c = c.multiply(BigInteger.valueOf(options.length));
        }
        return c;
    }

    /** [dim][issue] → the ticks dimension dim gets on that issue, per option. */
    long[][][] dimCells() {
        long[][][] c = new long[dims.length][][];
        for (int d = 0; d < dims.length; d++) {
            c[d] = partyCells[dims[d]];
        }
        return c;
    }

    /**
     * [dim][issue] → the most (or least, when {@code max} is false) ticks dimension dim can still collect from
     * issues {@code issue..n-1} over allowed options; row n is 0.
     */
    long[][] suffixBound(boolean max) {
        long[][] out = new long[dims.length][issues + 1];
        for (int d = 0; d < dims.length; d++) {
            long[][] cells = partyCells[dims[d]];
            for (int i = issues - 1; i >= 0; i--) {
                long best = max ? Long.MIN_VALUE : Long.MAX_VALUE;
                for (int k = 0; k < radix[i]; k++) {
                    if (allowed[i][k]) {
                        best = max ? Math.max(best, cells[i][k]) : Math.min(best, cells[i][k]);
                    }
                }
                out[d][i] = out[d][i + 1] + (best == Long.MIN_VALUE || best == Long.MAX_VALUE ? 0 : best);
            }
        }
        return out;
    }

    /** The utility in ticks that scenario party {@code party} gets from outcome {@code choice}. */
    long ticks(int party, int[] choice) {
        long u = 0;
        long[][] cells = partyCells[party];
        for (int i = 0; i < issues; i++) {
            u += cells[i][choice[i]];
        }
        return u;
    }

    boolean hasProfile(int party) {
        return partyCells[party] != null;
    }

    private static long[][][] cells(Scenario s) {
        long[][][] out = new long[s.parties().size()][][];
        for (int p = 0; p < out.length; p++) {
            Profile profile = s.profiles().get(s.parties().get(p).id());
            if (profile == null) {
                continue;
            }
            UtilityTable t = UtilityTable.of(s.space(), profile);
            out[p] = new long[s.issues().size()][];
            for (int i = 0; i < out[p].length; i++) {
                out[p][i] = new long[t.radix(i)];
                for (int k = 0; k < t.radix(i); k++) {
                    out[p][i][k] = Ticks.of(t.contribution(i, k));
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

    private static boolean[][] allOptions(Scenario s) {
        boolean[][] a = new boolean[s.issues().size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new boolean[s.issues().get(i).size()];
            Arrays.fill(a[i], true);
        }
        return a;
    }
}
