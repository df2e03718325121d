package dev.parley.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The frontier's ranks of distinct bounded keys (a bitmap with running counts) against ranks by a sort. */
class FrontierRanksTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ranks_areEachKeysPlaceAmongTheSorted(long seed) {
        var rnd = new SplittableRandom(seed);
        // Bounds on and beside word edges, dense and sparse key sets, the largest key at the bound's edge.
        long bound = switch ((int) (seed % 4)) {
            case 0 -> 64L * rnd.nextInt(1, 40);
            case 1 -> 64L * rnd.nextInt(1, 40) + 1;
            default -> rnd.nextInt(1, 5000);
        };
        int n = (int) Math.min(bound, seed % 3 == 0 ? bound : rnd.nextInt(1, 200));
        int[] keys = rnd.ints(0, (int) bound).distinct().limit(n).toArray();
        if (seed % 5 == 0 && keys.length > 0 && Arrays.stream(keys).noneMatch(k -> k == bound - 1)) {
            keys[0] = (int) bound - 1;
        }
        int[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] expected = Arrays.stream(keys).map(k -> Arrays.binarySearch(sorted, k)).toArray();

        int[] r = AdditiveFrontier.ranks(keys.clone(), bound);

        assertThat(r).containsExactly(expected);
        assertThat(keys.length).isPositive();
    }
}
