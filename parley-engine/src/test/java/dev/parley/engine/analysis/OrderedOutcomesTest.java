package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frontier node's outcomes walked forward one at a time ({@link OrderedOutcomes}) against all of them gathered by
 * the way back ({@link FrontierSet#outcomes}) and sorted: the same outcomes, each once, in index order. Values of
 * two or three steps, so that options tie and nodes have many outcomes; with and without floors and red lines.
 */
class OrderedOutcomesTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theWalkForward_givesEveryOutcomeOnce_inIndexOrder(long seed) throws Exception {
        var rnd = new SplittableRandom(seed);
        // Drawn until a node has several outcomes: the walk must have ties to order (bounded: most draws have them).
        FrontierSet f = null;
        for (int draw = 0; draw < 100 && (f == null || f.outcomes() == f.nodes()); draw++) {
            Scenario s = RandomScenarios.generate(rnd, new RandomScenarios.Settings(2 + (int) (seed % 3), rnd
                    .nextInt(3, 7), 4, 6, 1 + (int) (seed % 2), seed % 4 == 0 ? 0.0 : 0.5, seed % 5 == 0 ? 0.0 : 0.1));
            Instance inst = seed % 2 == 0 ? Instance.whole(s) : Instance.zone(s);
            assertThat(inst.layout.ordered).as("random scenarios link no issues").isTrue();
            f = AdditiveFrontier.compute(inst, 1_000_000, Budget.UNLIMITED, ProgressListener.NONE);
        }

        long tied = 0;
        for (int node = 0; node < f.nodes(); node++) {
            var expected = new ArrayList<int[]>();
            f.outcomes(node, Long.MAX_VALUE, c -> expected.add(c.clone()));
            expected.sort(Arrays::compare);
            List<int[]> walked = new ArrayList<>();
            var it = f.outcomesInOrder(node, 1);
            while (it.hasNext()) {
                walked.add(it.next().clone());
            }
            assertThat(walked).as("node %d", node).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(expected);
            assertThat((long) walked.size()).isEqualTo(f.count(node));
            tied += f.count(node) - 1;
        }
        assertThat(tied).as("outcomes beyond the first of their node: the walk had ties to order").isPositive();
    }
}
