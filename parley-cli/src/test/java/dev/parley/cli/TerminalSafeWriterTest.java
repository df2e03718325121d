package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalSafeWriterTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    /** Text written in runs (strings, arrays, slices) comes out as it does written a character at a time. */
    @ParameterizedTest
    @MethodSource("seeds")
    void runs_areMadeSafeAsSingleCharactersAre(long seed) throws IOException {
        var r = new SplittableRandom(seed);
        char[] alphabet = "ab ,.\n\t\r\u001b\u0007\u007f\u009b\u202e\u2066é€".toCharArray();
        var text = new StringBuilder();
        for (int n = r.nextInt(0, 200); n > 0; n--) {
            text.append(alphabet[r.nextInt(alphabet.length)]);
        }
        String s = text.toString();
        var one = new StringWriter();
        try (var w = new TerminalSafeWriter(one)) {
            for (int i = 0; i < s.length(); i++) {
                w.write(s.charAt(i));
            }
        }
        var runs = new StringWriter();
        try (var w = new TerminalSafeWriter(runs)) {
            int i = 0;
            while (i < s.length()) {
                int len = r.nextInt(0, s.length() - i + 1);
                if (r.nextBoolean()) {
                    w.write(s, i, len);
                } else {
                    w.write(s.toCharArray(), i, len);
                }
                i += len;
            }
        }
        assertThat(runs.toString()).isEqualTo(one.toString()).doesNotContain("\u001b", "\u0007", "\u202e");
    }
}
