package dev.parley.scenario.monitor;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, fields in double quotes may hold commas, quotes doubled and line breaks) one record at
 * a time from a stream, keeping where each record and each of its fields starts, so that errors can be located by
 * line and column. CR LF and LF both end a record; a byte-order mark at the start is skipped. Not thread-safe.
 */
final class CsvRecords {
    /** A record: its fields, and the line and column where each starts. */
    record Row(int line, List<String> fields, int[] lines, int[] columns) {
    }

    /** Thrown for a quoted field that is not closed, or text after a closing quote. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Malformed(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final Reader in;
    private int line = 1;
    private int column = 1;
    private int peeked = -2;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next character of the stream, past a byte-order mark at its start. */
    private int raw() throws IOException {
        int c = next1();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = next1();
            }
        }
        return c;
    }

    private final char[] buffer = new char[8192];
    private int at;
    private int end;

    /** One character from the buffer, filled from the stream as needed (a read per character costs a lock). */
    private int next1() throws IOException {
        if (at == end) {
            end = in.read(buffer, 0, buffer.length);
            at = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return buffer[at++];
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = raw();
        }
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c >= 0) {
            column++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = raw();
        }
        return peeked;
    }

    /** The next record, or null at the end; a blank line is a record of one empty field. */
    Row next() throws IOException, Malformed {
        if (peek() < 0) {
            return null;
        }
        int startLine = line;
        var fields = new ArrayList<String>();
        int[] lines = new int[16];
        int[] columns = new int[16];
        var field = new StringBuilder();
        while (true) {
            if (fields.size() == lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                columns = java.util.Arrays.copyOf(columns, columns.length * 2);
            }
            lines[fields.size()] = line;
            columns[fields.size()] = column;
            field.setLength(0);
            int c = peek();
            if (c == '"') {
                int qLine = line;
                int qColumn = column;
                read();
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw new Malformed(qLine, qColumn, "a quoted field is not closed");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            break;
                        }
                    } else {
                        field.append((char) c);
                    }
                }
                c = peek();
                if (c == '\r') {
                    read();
                    c = peek();
                }
                if (c != ',' && c != '\n' && c >= 0) {
                    throw new Malformed(line, column, "text after a quoted field's closing quote");
                }
            } else {
                while ((c = peek()) >= 0 && c != ',' && c != '\n') {
                    read();
                    if (c != '\r' || (peek() != '\n' && peek() >= 0)) {
                        field.append((char) c);
                    }
                }
            }
            fields.add(field.toString());
            c = read();
            if (c != ',') {
                return new Row(startLine, fields, java.util.Arrays.copyOf(lines, fields.size()), java.util.Arrays
                        .copyOf(columns, fields.size()));
            }
        }
    }
}
