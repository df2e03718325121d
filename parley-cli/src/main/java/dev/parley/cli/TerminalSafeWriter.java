package dev.parley.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes text for a terminal with every control character made visible: scenario text (names, labels, reasons,
 * messages) is other people's, and an escape sequence in it could rewrite the screen, set the clipboard (OSC 52) or
 * forge a line such as "Result: AGREEMENT". Newlines and tabs pass (and a carriage return where it belongs to the
 * platform's line separator); other C0 and C1 controls and DEL become
 * {@code \x1b}-style escapes, and the Unicode bidirectional overrides and isolates {@code \u202e}-style ones.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** A carriage return not yet written: it passes only as part of the line separator. */
    private boolean pendingReturn;

    @Override
    public void write(int c) throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            out.write(c == '\n' ? "\r" : "\\x0d");
        }
        if (c == '\r' && System.lineSeparator().equals("\r\n")) {
            pendingReturn = true;
        } else if (c == '\n' || c == '\t') {
            out.write(c);
        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            out.write(String.format("\\x%02x", c));
        } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(cbuf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            out.write("\\x0d");
        }
        super.flush();
    }
}
