package dev.parley.scenario.report;

import java.math.BigInteger;
import java.util.Locale;

/** How numbers read in Parley's text output. */
public final class Text {
    private Text() {
    }

    /** 800000 → "800,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String count(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A utility, weight or value with two decimals: 0.5805 → "0.58". */
    public static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** A share as a whole percentage: 0.456 → "46%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** How many of a party's stated demands a package grants: "2 of 3 (71%)" (the share by its own weights), or "-". */
    public static String demands(dev.parley.engine.analysis.Assessment x, String party) {
        dev.parley.engine.analysis.Assessment.DemandTally t = x.demands().get(party);
        if (t == null) {
            return "-";
        }
        return t.granted().size() + " of " + (t.granted().size() + t.notGranted().size()) + " (" + percent(t.share())
                + ")";
    }

    /** "1 issue", "9 issues". */
    public static String plural(long n, String word) {
        return count(n) + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} wrapped at word boundaries to {@code width} columns, the first line starting with {@code head}
     * and the others indented as far; every line ends with '\n'.
     */
    public static String wrap(String head, String text, int width) {
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
