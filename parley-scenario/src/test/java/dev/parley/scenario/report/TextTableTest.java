package dev.parley.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextTableTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    /**
     * Lines written one at a time, with each column given its widest cell, are the lines of the whole table
     * rendered at once; given less, a line keeps its cells in order, each at least as wide as its header.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void linesOneAtATime_areTheRenderedTable_whenTheWidthsAreKnown(long seed) {
        var r = new SplittableRandom(seed);
        int columns = r.nextInt(1, 6);
        var headers = new String[columns];
        for (int c = 0; c < columns; c++) {
            headers[c] = (r.nextBoolean() ? ">" : "") + "H".repeat(r.nextInt(0, 6));
        }
        var rows = new ArrayList<Object[]>();
        int[] widest = new int[columns];
        for (int n = r.nextInt(1, 20); n > 0; n--) {
            var row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                String cell = "x".repeat(r.nextInt(0, 9));
                row[c] = cell;
                widest[c] = Math.max(widest[c], cell.length());
            }
            rows.add(row);
        }
        var whole = new TextTable("  ", headers);
        rows.forEach(whole::row);
        var streamed = new TextTable("  ", headers).atLeast(widest);
        var out = new StringBuilder(String.join("", headers).replace(">", "").isBlank() ? "" : streamed.header());
        rows.forEach(row -> out.append(streamed.line(row)));
        assertThat(out.toString()).isEqualTo(whole.render());

        var narrow = new TextTable("  ", headers);
        for (Object[] row : rows) {
            String line = narrow.line(row);
            assertThat(line).endsWith("\n");
            List<String> cells = java.util.Arrays.stream(line.trim().split(" +")).filter(x -> !x.isEmpty()).toList();
            assertThat(cells).containsExactlyElementsOf(java.util.Arrays.stream(row).map(Object::toString).filter(
                    x -> !x.isEmpty()).toList());
        }
    }
}
