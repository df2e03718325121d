package dev.parley.scenario.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for terminal output. Not thread-safe. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;
    private final String indent;

    /** Columns whose header starts with '>' are right-aligned (the '>' is not printed). */
    public TextTable(String indent, String... headers) {
        this.indent = indent;
        this.rightAligned = new boolean[headers.length];
        String[] clean = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            clean[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
        rows.add(clean);
    }

    public TextTable row(Object... cells) {
        String[] r = new String[rightAligned.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    /** The table, headers included unless all headers are blank; lines end with '\n' and carry no trailing blanks. */
    public String render() {
        int[] width = new int[rightAligned.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        var out = new StringBuilder();
        boolean headers = String.join("", rows.get(0)).isBlank() == false;
        for (int n = headers ? 0 : 1; n < rows.size(); n++) {
            var line = new StringBuilder(indent);
            String[] r = rows.get(n);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(rightAligned[i] ? pad + r[i] : r[i] + pad);
                if (i < r.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
