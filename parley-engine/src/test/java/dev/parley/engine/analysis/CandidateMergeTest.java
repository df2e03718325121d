package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One frontier step merged without holding the candidates, against the same step done the old way: every candidate
 * (node j extended by option position p, numbered j * options + p) made, the infeasible dropped, the rest sorted and
 * swept by {@link ParetoFilter}. The same groups, in the same order, with the same members in the same order. Few
 * distinct values, so that candidates of different options tie and equal vectors span lists; floors that drop
 * some.
 */
class CandidateMergeTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 80);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theMergedStep_isTheSortedAndSweptStep(long seed) {
        var rnd = new SplittableRandom(seed);
        int d = seed % 4 == 0 ? 1 : 2;
        int range = rnd.nextInt(2, 9);
        // The previous step's nodes: a frontier, distinct and in the order ParetoFilter returns.
        int raw = rnd.nextInt(1, 300);
        long[][] r = new long[d][raw];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < raw; i++) {
                r[k][i] = rnd.nextInt(range * 4);
            }
        }
        ParetoFilter.Groups prev = ParetoFilter.filter(r, raw);
        int nodes = prev.groupCount();
        long[][] vec = new long[d][nodes];
        for (int x = 0; x < nodes; x++) {
            for (int k = 0; k < d; k++) {
                vec[k][x] = r[k][prev.representative(x)];
            }
        }
        int options = rnd.nextInt(1, 12);
        long[][] cells = new long[d][options + 3];
        for (int k = 0; k < d; k++) {
            for (int o = 0; o < cells[k].length; o++) {
                cells[k][o] = rnd.nextInt(range);
            }
        }
        int[] opts = rnd.ints(0, options + 3).distinct().limit(options).toArray(); // some options not allowed
        // Floors at or below one candidate's vector, so that it stays, and often above others'.
        int j0 = rnd.nextInt(nodes);
        int p0 = rnd.nextInt(options);
        long[] floor = new long[d];
        for (int k = 0; k < d; k++) {
            floor[k] = seed % 3 == 0 ? Long.MIN_VALUE : vec[k][j0] + cells[k][opts[p0]] - rnd.nextInt(range);
        }
        CandidateMerge.Feasible feasible = u -> {
            for (int k = 0; k < u.length; k++) {
                if (u[k] < floor[k]) {
                    return false;
                }
            }
            return true;
        };

        List<List<Integer>> expected = sortedAndSwept(vec, nodes, cells, opts, feasible);
        List<List<Integer>> merged = groups(CandidateMerge.filter(vec, nodes, cells, opts, feasible,
                Budget.UNLIMITED, "", Integer.MAX_VALUE));

        assertThat(merged).isEqualTo(expected);
        if (expected.size() > 1) { // stopped once more than `most` survive: the first most + 1 groups
            int most = rnd.nextInt(0, expected.size() - 1);
            assertThat(groups(CandidateMerge.filter(vec, nodes, cells, opts, feasible, Budget.UNLIMITED, "",
                    most))).isEqualTo(expected.subList(0, most + 1));
        }
        assertThat(expected).isNotEmpty(); // the candidate the floors were set below survives, or one beating it
    }

    /** The step as AdditiveFrontier makes it when it holds the candidates: member lists of candidate numbers. */
    private static List<List<Integer>> sortedAndSwept(long[][] vec, int nodes, long[][] cells, int[] opts,
            CandidateMerge.Feasible feasible) {
        int d = vec.length;
        int total = nodes * opts.length;
        long[][] cv = new long[d][total];
        int[] cand = new int[total];
        long[] u = new long[d];
        int kept = 0;
        for (int j = 0; j < nodes; j++) {
            for (int p = 0; p < opts.length; p++) {
                for (int k = 0; k < d; k++) {
                    u[k] = vec[k][j] + cells[k][opts[p]];
                    cv[k][kept] = u[k];
                }
                if (feasible.test(u)) {
                    cand[kept++] = j * opts.length + p;
                }
            }
        }
        // the filter's members index the kept candidates: their numbers are cand[member]
        return groups(ParetoFilter.filter(cv, kept)).stream().map(m -> m.stream().map(c -> cand[c]).toList())
                .toList();
    }

    private static List<List<Integer>> groups(ParetoFilter.Groups g) {
        var out = new ArrayList<List<Integer>>();
        for (int x = 0; x < g.groupCount(); x++) {
            var members = new ArrayList<Integer>();
            for (int e = g.start(x); e < g.start(x + 1); e++) {
                members.add(g.member(e));
            }
            out.add(members);
        }
        return out;
    }
}
