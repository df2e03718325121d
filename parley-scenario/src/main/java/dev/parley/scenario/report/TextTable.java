package dev.parley.scenario.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns, for terminal output: rendered whole (each column as wide as its widest
 * cell), or written a line at a time ({@link #line}) with each column as wide as its header or the width it was
 * given ({@link #atLeast}), for tables too long to hold. Not thread-safe.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;
    private final String indent;
    private final int[] least;

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
        this.least = new int[headers.length];
    }

    /** Makes each column at least as wide as given (in column order; missing ones unchanged). */
    public TextTable atLeast(int... widths) {
        for (int i = 0; i < widths.length && i < least.length; i++) {
            least[i] = Math.max(least[i], widths[i]);
        }
        return this;
    }

    /** The header line alone, with the widths of the headers and {@link #atLeast}; ends with '\n'. */
    public String header() {
        return format(rows.get(0), fixedWidths());
    }

    /**
     * One row formatted alone, not kept, with the widths of the headers and {@link #atLeast} (a wider cell pushes
     * the rest of its line right); ends with '\n'.
     */
    public String line(Object... cells) {
        return format(cells(cells), fixedWidths());
    }

    public TextTable row(Object... cells) {
        rows.add(cells(cells));
        return this;
    }

    private String[] cells(Object... cells) {
        String[] r = new String[rightAligned.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        return r;
    }

    private int[] fixedWidths() {
        int[] width = least.clone();
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(width[i], rows.get(0)[i].length());
        }
        return width;
    }

    /** The table, headers included unless all headers are blank; lines end with '\n' and carry no trailing blanks. */
    public String render() {
        int[] width = least.clone();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        var out = new StringBuilder();
        boolean headers = String.join("", rows.get(0)).isBlank() == false;
        for (int n = headers ? 0 : 1; n < rows.size(); n++) {
            out.append(format(rows.get(n), width));
        }
        return out.toString();
    }

    private String format(String[] r, int[] width) {
        var line = new StringBuilder(indent);
        for (int i = 0; i < r.length; i++) {
            String pad = " ".repeat(Math.max(0, width[i] - r[i].length()));
            line.append(rightAligned[i] ? pad + r[i] : r[i] + pad);
            if (i < r.length - 1) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing() + "\n";
    }
}
