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

    /** Whether {@code c} passes as it is, with nothing pending: the run of such characters is written at once. */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f
                || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && !(c >= 0x202a && c <= 0x202e)
                        && !(c >= 0x2066 && c <= 0x2069)
                || c == '\n' || c == '\t';
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(java.nio.CharBuffer.wrap(cbuf), off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write((CharSequence) str, off, len);
    }

    private void write(CharSequence text, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            int run = i;
            if (!pendingReturn) {
                while (run < end && plain(text.charAt(run))) {
                    run++;
                }
            }
            if (run > i) {
                out.append(text, i, run);
                i = run;
            } else {
                write(text.charAt(i++));
            }
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
