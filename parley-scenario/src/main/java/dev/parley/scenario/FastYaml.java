package dev.parley.scenario;

import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A fast reader for the plain YAML most {@code parley/1} files are written in (issue 20: a large file read in a
 * fraction of the general parser's time), giving exactly the {@link Node} tree, positions included, that
 * {@link TreeReader}'s general path (Jackson over SnakeYAML, YAML 1.1) gives, or nothing when the text holds anything
 * outside what it reads, or anything the general path would have a problem with: the caller then reads it the general
 * way, which says what is wrong. It reads:
 * <ul>
 * <li>block mappings and block sequences (each item a scalar, a flow collection, or a mapping starting on the dash's
 * line), blank lines and comments;
 * <li>flow sequences and flow mappings, nested, each closed on the line it opens;
 * <li>plain scalars: {@code true}, {@code false}, integers ({@code 0}, {@code 12}) and decimals ({@code 0.75}),
 * and text that starts with a letter (or another character YAML 1.1 gives no other meaning) and is not one of its
 * words for true, false and null;
 * <li>single- and double-quoted scalars on one line (double-quoted without escapes);
 * <li>literal block scalars with the default chomping ({@code |}).
 * </ul>
 * Anything else (tags, anchors, aliases, merge keys, negative and other numbers, nulls, yes/no, folded or chomped block scalars,
 * multi-line plain or quoted scalars, multi-line flows, documents markers, tabs, carriage returns, characters outside
 * the Basic Multilingual Plane, a repeated key, an empty value) gives nothing. Stateless and thread-safe.
 */
final class FastYaml {
    /** Nesting beyond this is read the general way (which refuses beyond {@link TreeReader#MAX_DEPTH}). */
    private static final int MAX_DEPTH = 32;
    /** Keys longer than this are read the general way (SnakeYAML's simple keys end at 1,024 characters). */
    private static final int MAX_KEY = 1_000;
    /** Outside what this reader reads: the general path reads it. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final String text;
    /** Each line's start in {@link #text}, and one past the end of the text. */
    private final int[] starts;
    private final int lines;
    /** The line being read (0-based). */
    private int at;

    private FastYaml(String text, int[] starts, int lines) {
        this.text = text;
        this.starts = starts;
        this.lines = lines;
    }

    /** The tree of {@code text}, or empty when it is to be read the general way. */
    static Optional<Node> read(String text) {
        int n = text.length();
        if (n > ScenarioReader.MAX_BYTES) {
            return Optional.empty(); // the general path's limit, which it reports
        }
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || c == '\uFEFF' || c >= '\uFFFE' || Character.isSurrogate(c)) {
                return Optional.empty(); // tabs, carriage returns, YAML 1.1's other line breaks, what it refuses

            }
        }
        int[] starts = new int[count + 1];
        int line = 1;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[count] = n + 1;
        try {
            var reader = new FastYaml(text, starts, count);
            reader.skipBlank();
            if (reader.at == count) {
                return Optional.empty();
            }
            Node root = reader.block(0, 1);
            reader.skipBlank();
            return reader.at == count ? Optional.of(root) : Optional.empty();
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    // ---- lines ----

    private int end(int line) {
        return starts[line + 1] - 1; // the newline's index, or the text's length
    }

    private int indent(int line) {
        int i = starts[line];
        int e = end(line);
        while (i < e && text.charAt(i) == ' ') {
            i++;
        }
        return i - starts[line];
    }

    /** Whether the line holds nothing but spaces and perhaps a comment. */
    private boolean blank(int line) {
        int i = starts[line] + indent(line);
        return i == end(line) || text.charAt(i) == '#';
    }

    private void skipBlank() {
        while (at < lines && blank(at)) {
            at++;
        }
    }

    private static Unsupported unsupported() {
        return UNSUPPORTED;
    }

    // ---- block structure ----

    /** The block node at the current line, whose indentation must be at least {@code least}. */
    private Node block(int least, int depth) {
        if (depth > MAX_DEPTH) {
            throw unsupported();
        }
        int ind = indent(at);
        if (ind < least) {
            throw unsupported(); // an empty value
        }
        int i = starts[at] + ind;
        if (text.startsWith("---", i) || text.startsWith("...", i) || text.charAt(i) == '%') {
            throw unsupported();
        }
        return dash(i) ? sequence(ind, depth) : mapping(ind, ind, depth);
    }

    /** Whether a block sequence entry starts at {@code i}. */
    private boolean dash(int i) {
        return text.charAt(i) == '-'
                && (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n');
    }

    private ListNode sequence(int ind, int depth) {
        int line = at + 1;
        int column = ind + 1;
        var items = new ArrayList<Node>();
        while (at < lines) {
            skipBlank();
            if (at == lines || indent(at) < ind) {
                break;
            }
            int i = starts[at] + ind;
            if (indent(at) > ind || !dash(i)) {
                throw unsupported();
            }
            int c = i + 1;
            while (c < end(at) && text.charAt(c) == ' ') {
                c++;
            }
            if (c == end(at) || text.charAt(c) == '#') {
                throw unsupported(); // the item on the lines below
            }
            if (keyAhead(c)) {
                items.add(mapping(c - starts[at], ind + 1, depth + 1));
            } else {
                items.add(inline(c, ind, depth + 1));
                at++;
            }
        }
        return new ListNode(line, column, items);
    }

    /**
     * A block mapping whose keys stand at column {@code ind} (0-based), the first on the current line; later keys
     * on lines of that indentation. {@code least}: below it the mapping has ended (its first key may follow a dash).
     */
    private MapNode mapping(int ind, int least, int depth) {
        int line = at + 1;
        int column = ind + 1;
        var entries = new ArrayList<Entry>();
        var seen = new HashSet<String>();
        boolean first = true;
        while (at < lines) {
            if (!first) {
                skipBlank();
                if (at == lines || indent(at) < least) {
                    break;
                }
                if (indent(at) != ind) {
                    throw unsupported();
                }
            }
            first = false;
            int i = starts[at] + ind;
            int keyLine = at + 1;
            int keyColumn = ind + 1;
            int[] after = new int[1];
            String key = key(i, false, after);
            if (!seen.add(key)) {
                throw unsupported(); // a repeated key: the general path says where
            }
            int c = after[0];
            while (c < end(at) && text.charAt(c) == ' ') {
                c++;
            }
            Node value;
            if (c == end(at) || text.charAt(c) == '#') {
                at++;
                skipBlank();
                if (at == lines) {
                    throw unsupported();
                }
                value = block(ind + 1, depth + 1);
            } else {
                value = inline(c, ind, depth + 1);
                at++;
            }
            entries.add(new Entry(key, keyLine, keyColumn, value));
        }
        return new MapNode(line, column, entries);
    }

    /** Whether a mapping key (plain or quoted, then ':' and a space or the line's end) starts at {@code i}. */
    private boolean keyAhead(int i) {
        char c = text.charAt(i);
        if (c == '[' || c == '{') {
            return false; // a flow collection
        }
        if (c == '"' || c == '\'') {
            int close = text.indexOf(c, i + 1);
            return close > 0 && close < end(at) && close + 1 < text.length() && text.charAt(close + 1) == ':';
        }
        for (int k = i; k < end(at); k++) {
            char x = text.charAt(k);
            if (x == ':' && (k + 1 == end(at) || text.charAt(k + 1) == ' ')) {
                return true;
            }
            if (x == '#' && text.charAt(k - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    /**
     * The mapping key at {@code i} on the current line, plain or quoted, then ':' and a space (or, outside a flow,
     * the line's end); {@code after[0]}: just past the ':'.
     */
    private String key(int i, boolean inFlow, int[] after) {
        int e = end(at);
        char c = text.charAt(i);
        String key;
        int colon;
        if (c == '"' || c == '\'') {
            int close = quoteEnd(i, e);
            key = quoted(i, close);
            colon = close + 1;
            if (key.equals("<<")) {
                throw unsupported(); // a merge key however it is quoted
            }
        } else {
            colon = i;
            while (colon < e && text.charAt(colon) != ':') {
                colon++;
            }
            key = text.substring(i, colon);
            if (key.isEmpty() || PlainScalars.WORDS.contains(key) || !keyLike(key)) {
                throw unsupported(); // other characters: perhaps not a key, or a key of another kind
            }
        }
        if (colon - i > MAX_KEY) {
            throw unsupported(); // SnakeYAML looks no further back for a key's ':'
        }
        boolean spaceAfter = colon + 1 < e && text.charAt(colon + 1) == ' ';
        if (colon >= e || text.charAt(colon) != ':' || !(spaceAfter || (!inFlow && colon + 1 == e))) {
            throw unsupported();
        }
        after[0] = colon + 1;
        return key;
    }

    /**
     * A plain key of ASCII letters, digits and {@code _ . - /} and single spaces, starting with a letter, as ids and
     * names are.
     */
    private static boolean keyLike(String key) {
        char first = key.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
            return false;
        }
        for (int k = 1; k < key.length(); k++) {
            char x = key.charAt(k);
            boolean ok = (x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') || x == '_'
                    || x == '.' || x == '-' || x == '/' || (x == ' ' && key.charAt(k - 1) != ' ');
            if (!ok) {
                return false;
            }
        }
        return key.charAt(key.length() - 1) != ' ';
    }

    // ---- values on a line ----

    /**
     * The value starting at {@code i} on the current line, in block context, after a key or a dash at indentation
     * {@code ind}; nothing but spaces and a comment may follow it on the line. A literal block scalar goes on to the
     * lines below (and leaves the current line on its last).
     */
    private Node inline(int i, int ind, int depth) {
        if (depth > MAX_DEPTH) {
            throw unsupported();
        }
        int e = end(at);
        char c = text.charAt(i);
        Node value;
        int next;
        switch (c) {
            case '[', '{' -> {
                int[] pos = {i};
                value = flow(pos, depth);
                next = pos[0];
            }
            case '"', '\'' -> {
                int close = quoteEnd(i, e);
                value = new ScalarNode(at + 1, column(i), ScalarType.STRING, quoted(i, close), Double.NaN);
                next = close + 1;
            }
            case '|' -> {
                return literal(i, ind);
            }
            default -> {
                if (!PlainScalars.canStart(c)) {
                    throw unsupported();
                }
                int stop = e;
                for (int k = i; k < e; k++) {
                    char x = text.charAt(k);
                    if (x == ':' && (k + 1 == e || text.charAt(k + 1) == ' ')) {
                        throw unsupported(); // a mapping where a value stands
                    }
                    if (x == '#' && text.charAt(k - 1) == ' ') {
                        stop = k;
                        break;
                    }
                }
                int last = stop;
                while (text.charAt(last - 1) == ' ') {
                    last--;
                }
                value = plain(at + 1, column(i), text.substring(i, last));
                next = last;
            }
        }
        rest(next, e);
        if (plainContinues(ind)) {
            throw unsupported();
        }
        return value;
    }

    /** Nothing but spaces and perhaps a comment from {@code i} to the line's end {@code e}. */
    private void rest(int i, int e) {
        int k = i;
        while (k < e && text.charAt(k) == ' ') {
            k++;
        }
        if (k < e && (text.charAt(k) != '#' || k == i)) {
            throw unsupported();
        }
    }

    /** Whether the next line with content is indented deeper than {@code ind}: a value that goes on below. */
    private boolean plainContinues(int ind) {
        int l = at + 1;
        while (l < lines && blank(l)) {
            l++;
        }
        return l < lines && indent(l) > ind;
    }

    /** A literal block scalar with the default (clip) chomping, its indicator at {@code i}. */
    private Node literal(int i, int ind) {
        int line = at + 1;
        int column = column(i);
        if (i + 1 != end(at)) {
            throw unsupported(); // an indicator, a chomping sign or a comment after '|'
        }
        int content = -1;
        var out = new StringBuilder();
        var pending = new StringBuilder(); // empty lines not yet known to be inside
        int l = at + 1;
        for (; l < lines; l++) {
            int width = end(l) - starts[l];
            int lead = indent(l);
            if (lead == width) { // spaces only
                if (content >= 0 && lead > content || content < 0 && lead > ind) {
                    throw unsupported();
                }
                pending.append('\n');
                continue;
            }
            if (content < 0) {
                if (lead <= ind) {
                    break;
                }
                content = lead;
            } else if (lead < content) {
                break;
            }
            out.append(pending).append(text, starts[l] + content, end(l));
            if (end(l) < text.length()) {
                out.append('\n'); // clip keeps the last line's break, when it has one (not at the end of the text)
            }
            pending.setLength(0);
        }
        if (content < 0) {
            throw unsupported(); // empty
        }
        at = l - 1; // the caller steps past the current line
        return new ScalarNode(line, column, ScalarType.STRING, out.toString(), Double.NaN);
    }

    /** A flow collection starting at {@code pos[0]}, closed on the current line; {@code pos[0]}: just past it. */
    private Node flow(int[] pos, int depth) {
        if (depth > MAX_DEPTH) {
            throw unsupported();
        }
        int e = end(at);
        int i = pos[0];
        boolean list = text.charAt(i) == '[';
        char close = list ? ']' : '}';
        int line = at + 1;
        int column = column(i);
        var items = new ArrayList<Node>();
        var entries = new ArrayList<Entry>();
        var seen = new HashSet<String>();
        i = spaces(i + 1, e);
        if (i < e && text.charAt(i) == close) {
            pos[0] = i + 1;
            return list ? new ListNode(line, column, items) : new MapNode(line, column, entries);
        }
        while (true) {
            if (i >= e) {
                throw unsupported(); // goes on to the next line
            }
            if (list) {
                int[] p = {i};
                items.add(flowValue(p, depth + 1));
                i = p[0];
            } else {
                int keyColumn = column(i);
                int[] p = {i};
                String key = key(i, true, p);
                if (!seen.add(key)) {
                    throw unsupported();
                }
                i = spaces(p[0], e);
                if (i >= e) {
                    throw unsupported();
                }
                p[0] = i;
                entries.add(new Entry(key, line, keyColumn, flowValue(p, depth + 1)));
                i = p[0];
            }
            i = spaces(i, e);
            if (i >= e) {
                throw unsupported();
            }
            char x = text.charAt(i);
            if (x == close) {
                pos[0] = i + 1;
                return list ? new ListNode(line, column, items) : new MapNode(line, column, entries);
            }
            if (x != ',') {
                throw unsupported();
            }
            i = spaces(i + 1, e);
            if (i < e && text.charAt(i) == close) {
                throw unsupported(); // a trailing comma
            }
        }
    }

    private int spaces(int i, int e) {
        while (i < e && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A value in a flow collection at {@code pos[0]}; {@code pos[0]}: just past it. */
    private Node flowValue(int[] pos, int depth) {
        int e = end(at);
        int i = pos[0];
        char c = text.charAt(i);
        if (c == '[' || c == '{') {
            return flow(pos, depth);
        }
        if (c == '"' || c == '\'') {
            int q = quoteEnd(i, e);
            pos[0] = q + 1;
            return new ScalarNode(at + 1, column(i), ScalarType.STRING, quoted(i, q), Double.NaN);
        }
        if (!PlainScalars.canStart(c)) {
            throw unsupported();
        }
        int k = i;
        while (k < e && ",[]{}#:?".indexOf(text.charAt(k)) < 0) {
            k++;
        }
        if (k < e && "#:?[{".indexOf(text.charAt(k)) >= 0) { // SnakeYAML ends a plain in a flow at '?' too
            throw unsupported();
        }
        int last = k;
        while (text.charAt(last - 1) == ' ') {
            last--;
        }
        pos[0] = k;
        return plain(at + 1, column(i), text.substring(i, last));
    }

    // ---- scalars ----

    private int column(int i) {
        return i - starts[at] + 1;
    }

    /** The closing quote of the scalar opened at {@code i}, on this line; refuses escapes. */
    private int quoteEnd(int i, int e) {
        char q = text.charAt(i);
        for (int k = i + 1; k < e; k++) {
            char x = text.charAt(k);
            if (q == '"' && x == '\\') {
                throw unsupported();
            }
            if (x == q) {
                if (q == '\'' && k + 1 < e && text.charAt(k + 1) == '\'') {
                    k++; // '' stands for '
                    continue;
                }
                return k;
            }
        }
        throw unsupported(); // goes on to the next line
    }

    private String quoted(int open, int close) {
        String inner = text.substring(open + 1, close);
        return text.charAt(open) == '\'' ? inner.replace("''", "'") : inner;
    }

    /** The plain scalar as YAML 1.1 resolves it, or unsupported. */
    private static ScalarNode plain(int line, int column, String t) {
        ScalarNode n = PlainScalars.resolve(line, column, t);
        if (n == null) {
            throw unsupported();
        }
        return n;
    }
}
