package dev.parley.scenario.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {
    /** Figures of every shape a table holds: utilities to 4 or 12 decimals, integers, tiny, huge, negative. */
    static List<Double> figures(long seed) {
        var r = new SplittableRandom(seed);
        var out = new ArrayList<Double>(List.of(0.0, -0.0, 1.0, 0.1 + 0.2, 1e-4, 1e-3, 123456.5, 1e6, 1e7, -2.5e-5));
        for (int i = 0; i < 500; i++) {
            out.add(Math.round(r.nextDouble() * 1e4) / 1e4);
            out.add(r.nextDouble());
            out.add(-r.nextDouble() * 10);
            out.add((double) r.nextInt(-1000, 1000));
            out.add(r.nextDouble() * Math.pow(10, r.nextInt(-9, 12)));
        }
        return out;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aFigure_isWrittenAsBigDecimalWritesItsExactValue(long seed) {
        for (double d : figures(seed)) {
            String expected = BigDecimal.valueOf(Json.exact(d)).stripTrailingZeros().toPlainString();
            assertThat(Csv.field(d)).as("%s", d).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with,comma", "say \"no\"", "two\nlines", "cr\rhere", ""})
    void aText_readsBackAsWritten(String text) {
        String line = Csv.row(List.of(text, 0.5, "x"));
        assertThat(line).endsWith("\n");
        assertThat(Csv.parse(line.substring(0, line.length() - 1))).containsExactly(text, "0.5", "x");
    }
}
