package dev.parley.cli;

import java.math.BigInteger;
import java.util.Locale;

/** How numbers read in Parley's text output. */
final class Text {
    private Text() {
    }

    /** 800000 → "800,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String count(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A utility, weight or value with two decimals: 0.5805 → "0.58". */
    static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** "1 issue", "9 issues". */
    static String plural(long n, String word) {
        return count(n) + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} wrapped at word boundaries to {@code width} columns, the first line starting with {@code head}
     * and the others indented as far; every line ends with '\n'.
     */
    static String wrap(String head, String text, int width) {
        String indent = " ".repeat(head.length());
        var out = new StringBuilder();
        var line = new StringBuilder(head);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
