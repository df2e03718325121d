package dev.parley.scenario.report;

import java.math.BigInteger;
import java.util.Locale;

/** How numbers read in Parley's text output. */
public final class Text {
    private Text() {
    }

    /** 800000 → "800,000". */
    public static String count(long n) {
        // As String.format(Locale.ROOT, "%,d", n), which makes a number format a call: a table of 30,000 rows
        // spent a tenth of its analysis there.
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        if (len <= 3) {
            return digits;
        }
        var out = new StringBuilder(digits.length() + (len - 1) / 3);
        int first = len % 3 == 0 ? 3 : len % 3;
        out.append(digits, 0, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    public static String count(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A utility, weight or value with two decimals: 0.5805 → "0.58". */
    public static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /**
     * A utility with four decimals, exactly as {@code String.format("%.4f", x)} writes it: 0.58049 → "0.5805". Made
     * by rounding {@code x * 10^4} when it is not within a millionth of a tie (where the two roundings could part),
     * and by the formatter otherwise, and for negatives and figures of 10,000 or more; a table of ten million
     * rows spends most of its time in the formatter without this.
     */
    public static String four(double x) {
        double scaled = x * 1e4;
        double frac = scaled - Math.floor(scaled);
        if (!(x >= 0 && x < 1e4) || Math.copySign(1, x) < 0 || Math.abs(frac - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%.4f", x);
        }
        long r = Math.round(scaled);
        long units = r / 10_000;
        int decimals = (int) (r % 10_000);
        var out = new StringBuilder(12).append(units).append('.');
        for (int d = 1_000; d > 0; d /= 10) {
            out.append((char) ('0' + decimals / d % 10));
        }
        return out.toString();
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
