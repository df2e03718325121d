package dev.parley.engine.analysis;

import dev.parley.engine.model.Condition;
import dev.parley.engine.model.Interaction;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle: enumerates every outcome, computes utilities exactly (BigDecimal of the profile's doubles), and
 * applies the definitions of docs/glossary.md literally (hard conditions and interaction terms included), with O(n²) dominance checks. Slow and obviously right; shares no code
 * with the analysis.
 */
final class BruteForce {
    final Scenario scenario;
    final List<Party> ratifying;
    final List<int[]> all = new ArrayList<>();
    final List<BigDecimal[]> utilities = new ArrayList<>();
    final List<Integer> zone = new ArrayList<>();
    final List<Integer> withinRedLines = new ArrayList<>();

    BruteForce(Scenario s) {
        this.scenario = s;
        this.ratifying = s.ratifyingParties();
        int[] choice = new int[s.issues().size()];
        do {
            int[] c = choice.clone();
            BigDecimal[] u = new BigDecimal[ratifying.size()];
            boolean red = false;
            boolean above = true;
            for (int k = 0; k < u.length; k++) {
                Profile p = s.profiles().get(ratifying.get(k).id());
                u[k] = utility(p, c);
                for (int i = 0; i < c.length; i++) {
                    red |= p.isRedLine(i, c[i]);
                }
                for (Condition h : p.conditions()) { // "these options on one issue only with those on the other"
                    red |= h.ifOptions()[c[h.ifIssue()]] && !h.thenOptions()[c[h.thenIssue()]];
                }
                above &= u[k].compareTo(new BigDecimal(p.reservation()).subtract(new BigDecimal("1e-9"))) >= 0;
            }
            all.add(c);
            utilities.add(u);
            if (!red) {
                withinRedLines.add(all.size() - 1);
                if (above) {
                    zone.add(all.size() - 1);
                }
            }
        } while (s.space().increment(choice));
    }

    static BigDecimal utility(Profile p, int[] c) {
        BigDecimal u = BigDecimal.ZERO;
        for (int i = 0; i < c.length; i++) {
            u = u.add(new BigDecimal(p.weight(i)).multiply(new BigDecimal(p.value(i, c[i]))));
        }
        for (Interaction t : p.interactions()) { // its value, when every issue it names takes one of its options
            boolean holds = true;
            for (int j = 0; j < t.issues().length; j++) {
                holds &= t.options()[j][c[t.issues()[j]]];
            }
            u = holds ? u.add(new BigDecimal(t.value())) : u;
        }
        return u;
    }

    boolean dominates(int a, int b) {
        boolean greater = false;
        for (int k = 0; k < ratifying.size(); k++) {
            int cmp = utilities.get(a)[k].compareTo(utilities.get(b)[k]);
            if (cmp < 0) {
                return false;
            }
            greater |= cmp > 0;
        }
        return greater;
    }

    /** The non-dominated members of {@code set}, in index order. */
    List<Integer> frontier(List<Integer> set) {
        var out = new ArrayList<Integer>();
        for (int x : set) {
            boolean dominated = false;
            for (int y : set) {
                if (dominates(y, x)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(x);
            }
        }
        return out;
    }

    List<Integer> allIndices() {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < all.size(); i++) {
            out.add(i);
        }
        return out;
    }

    /** The solutions by their definitions over the zone: exact objectives, ties by Σ u then index. */
    Map<SolutionKind, Outcome> solutions() {
        var out = new EnumMap<SolutionKind, Outcome>(SolutionKind.class);
        if (zone.isEmpty()) {
            return out;
        }
        int d = ratifying.size();
        BigDecimal[] r = new BigDecimal[d];
        BigDecimal[] a = new BigDecimal[d];
        for (int k = 0; k < d; k++) {
            r[k] = new BigDecimal(scenario.profiles().get(ratifying.get(k).id()).reservation());
            for (int x : zone) {
                a[k] = a[k] == null || utilities.get(x)[k].compareTo(a[k]) > 0 ? utilities.get(x)[k] : a[k];
            }
        }
        for (SolutionKind kind : SolutionKind.values()) {
            int best = -1;
            BigDecimal bestValue = null;
            for (int x : zone) {
                BigDecimal v = objective(kind, utilities.get(x), r, a);
                int cmp = best < 0 ? 1 : v.compareTo(bestValue);
                if (cmp == 0) {
                    cmp = sum(x).compareTo(sum(best)); // then the smaller index: x > best here, so keep best
                }
                if (cmp > 0) {
                    best = x;
                    bestValue = v;
                }
            }
            out.put(kind, Outcome.of(all.get(best)));
        }
        return out;
    }

    private BigDecimal sum(int x) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal u : utilities.get(x)) {
            s = s.add(u);
        }
        return s;
    }

    private static BigDecimal objective(SolutionKind kind, BigDecimal[] u, BigDecimal[] r, BigDecimal[] a) {
        BigDecimal product = BigDecimal.ONE;
        BigDecimal min = null;
        BigDecimal minRatio = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < u.length; k++) {
            BigDecimal gain = u[k].subtract(r[k]);
            BigDecimal clamped = gain.signum() < 0 ? BigDecimal.ZERO : gain;
            product = product.multiply(clamped);
            min = min == null || gain.compareTo(min) < 0 ? gain : min;
            BigDecimal range = a[k].subtract(r[k]);
            BigDecimal ratio = range.signum() > 0 ? clamped.divide(range, MathContext.DECIMAL128) : BigDecimal.ONE;
            minRatio = minRatio == null || ratio.compareTo(minRatio) < 0 ? ratio : minRatio;
            sum = sum.add(u[k]);
        }
        return switch (kind) {
            case NASH -> product;
            case KALAI_SMORODINSKY -> minRatio;
            case EGALITARIAN -> min;
            case UTILITARIAN -> sum;
        };
    }
}
