package dev.parley.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Text#count(long)} writes what the JDK's {@code %,d} writes in the root locale. */
class TextCountTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void count_isTheJdksGrouping(long seed) {
        var r = new SplittableRandom(seed);
        var figures = LongStream.concat(LongStream.of(0, 1, -1, 999, 1_000, -1_000, 999_999, 1_000_000, 12_345_678,
                Long.MAX_VALUE, Long.MIN_VALUE),
                LongStream.generate(() -> r.nextLong() >> r.nextInt(64)).limit(
                        5_000));
        figures.forEach(n -> assertThat(Text.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n)));
    }
}
