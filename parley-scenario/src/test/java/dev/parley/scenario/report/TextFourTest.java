package dev.parley.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextFourTest {
    /** Utilities as tables hold them, ties at the fifth decimal, and figures the fast path leaves to the formatter. */
    static List<Double> figures(long seed) {
        var r = new SplittableRandom(seed);
        var out = new ArrayList<Double>(List.of(0.0, -0.0, 1.0, 0.00005, 0.00015, 0.99995, 0.12345, 2.5e-5, -0.00004,
                -0.5, 9999.99995, 10000.0, 1e6, 123456.78905, Double.MIN_VALUE));
        for (int i = 0; i < 2_000; i++) {
            out.add(r.nextDouble());
            out.add(r.nextInt(0, 100_000) / 1e5); // a tie at the fifth decimal half the time
            out.add(r.nextLong(0, 1_000_000_000_000L) / 1e12); // utilities as the analysis makes them
            out.add(r.nextDouble() * Math.pow(10, r.nextInt(-6, 7)));
            out.add(-r.nextDouble());
        }
        return out;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void four_writesWhatTheFormatterWrites(long seed) {
        for (double x : figures(seed)) {
            assertThat(Text.four(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.4f", x));
        }
    }
}
