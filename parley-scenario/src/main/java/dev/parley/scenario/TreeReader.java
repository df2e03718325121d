package dev.parley.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.scenario.Node.Entry;
import dev.parley.scenario.Node.ListNode;
import dev.parley.scenario.Node.MapNode;
import dev.parley.scenario.Node.ScalarNode;
import dev.parley.scenario.Node.ScalarType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Parses YAML or JSON text into a {@link Node} tree with positions, using Jackson's streaming parser for both so
 * that the two formats give the same tree and the same positions. Syntax errors, duplicate keys, a format that
 * does not match the file's extension and empty documents become {@link Problem}s. Stateless and thread-safe.
 */
final class TreeReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** SnakeYAML's own limit (3 MB of code points) raised to the documented file size, so that it is the real one. */
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        var o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit((int) ScenarioReader.MAX_BYTES + 1024);
        return o;
    }

    /**
     * How deep a document may nest: {@code parley/1} needs 6 levels (profiles, a party, values, an issue, an
     * option); anything far deeper is refused where it goes too deep, before the parser's own limit.
     */
    static final int MAX_DEPTH = 64;
    /** The YAML tags that say what the value already is; any other tag changes the meaning and is refused. */
    private static final java.util.Map<String, java.util.Set<JsonToken>> PLAIN_TAGS = java.util.Map.of(
            "tag:yaml.org,2002:str", java.util.Set.of(JsonToken.VALUE_STRING),
            "tag:yaml.org,2002:int", java.util.Set.of(JsonToken.VALUE_NUMBER_INT),
            "tag:yaml.org,2002:float", java.util.Set.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT),
            "tag:yaml.org,2002:bool", java.util.Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE),
            "tag:yaml.org,2002:null", java.util.Set.of(JsonToken.VALUE_NULL),
            "tag:yaml.org,2002:map", java.util.Set.of(JsonToken.START_OBJECT),
            "tag:yaml.org,2002:seq", java.util.Set.of(JsonToken.START_ARRAY),
            "tag:yaml.org,2002:binary", java.util.Set.of(JsonToken.VALUE_EMBEDDED_OBJECT)); // refused below

    /** How a number that is not finite is written, in YAML or not; compiled once, since every number is checked. */
    private static final java.util.regex.Pattern NOT_FINITE = java.util.regex.Pattern.compile(
            "[-+]?\\.?(?i:inf|infinity|nan)");

    private TreeReader() {
    }

    /** A document nested deeper than {@link #MAX_DEPTH}, where it first does. */
    private static final class TooDeep extends RuntimeException {
        final int line;
        final int column;

        TooDeep(int line, int column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** The tree, or empty with the reasons added to {@code problems}. */
    static Optional<Node> read(String file, String text, Format format, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(Problem.ofFile(file, "file is empty"));
            return Optional.empty();
        }
        if (format == Format.YAML && looksLikeJson(text) && parses(text, Format.JSON)) {
            problems.add(new Problem(file, 1, 1, "",
                    "this is JSON, but the file name says YAML; rename the file to .json"));
            return Optional.empty();
        }
        if (format == Format.YAML) {
            Optional<Node> fast = FastYaml.read(text); // plain YAML read fast; anything else the general way
            if (fast.isPresent()) {
                return fast;
            }
        }
        return general(file, text, format, problems);
    }

    /** The tree by the general path (Jackson over SnakeYAML for YAML), or empty with the reasons in problems. */
    static Optional<Node> general(String file, String text, Format format, List<Problem> problems) {
        try {
            return parse(file, text, format, problems);
        } catch (TooDeep e) {
            problems.add(new Problem(file, e.line, e.column, "", "nested more than " + MAX_DEPTH
                    + " levels deep; a parley/1 document needs 6"));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(1, at.getLineNr());
            int column = at == null ? 0 : Math.max(1, at.getColumnNr());
            String message = syntaxMessage(e, format);
            if (format == Format.JSON && parses(text, Format.YAML)) {
                message += "; the content looks like YAML: rename the file to .yaml";
            }
            problems.add(new Problem(file, line, column, "", message));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /** Whether the text is a well-formed document in {@code format}; used only to explain a mismatch. */
    private static boolean parses(String text, Format format) {
        try {
            return parse("", text, format, new ArrayList<>()).isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Node> parse(String file, String text, Format format, List<Problem> problems)
            throws IOException {
        JsonFactory factory = format == Format.YAML ? YAML : JSON;
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) {
                problems.add(Problem.ofFile(file, "file is empty"));
                return Optional.empty();
            }
            Node root;
            try {
                root = node(file, p, problems, 1);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // A key or number longer than the parser reads: located where the parser stopped.
                JsonLocation at = p.currentLocation();
                problems.add(new Problem(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), "",
                        "over a limit: " + dev.parley.scenario.wire.Json.parserWords(e)));
                return Optional.empty();
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(file, at.getLineNr(), at.getColumnNr(), "",
                        format == Format.YAML
                                ? "a second YAML document; a scenario file holds exactly one"
                                : "content after the end of the JSON document"));
            }
            return Optional.of(root);
        }
    }

    private static Node node(String file, JsonParser p, List<Problem> problems, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (depth > MAX_DEPTH) {
            throw new TooDeep(line, column);
        }
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.getTypeId() != null
                && !PLAIN_TAGS.getOrDefault(y.getTypeId(), java.util.Set.of()).contains(token)) {
            String tag = y.getTypeId().replaceFirst("^tag:yaml.org,2002:", "!!");
            problems.add(new Problem(file, line, column, "", PLAIN_TAGS.containsKey(y.getTypeId())
                    ? "the YAML tag " + tag + " does not fit this value; write the value without it"
                    : "a YAML tag (" + (tag.startsWith("!") ? tag : "!" + tag) + ") is not part of parley/1; write "
                            + "the value without it"));
            p.skipChildren();
            return ScalarNode.refused(line, column);
        }
        switch (token) {
            case START_OBJECT -> {
                var entries = new ArrayList<Entry>();
                var seen = new HashMap<String, Integer>();
                boolean merged = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    if (key.equals("<<") && p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser) {
                        problems.add(new Problem(file, keyAt.getLineNr(), keyAt.getColumnNr(), "", "a YAML merge "
                                + "key (<<) is not part of parley/1; write the keys out"));
                        p.skipChildren();
                        merged = true;
                        continue;
                    }
                    Node value = node(file, p, problems, depth + 1);
                    Integer first = seen.putIfAbsent(key, keyAt.getLineNr());
                    if (first != null) {
                        problems.add(new Problem(file, keyAt.getLineNr(), keyAt.getColumnNr(), "",
                                "duplicate key '" + key + "' (first at line " + first + ")"));
                    } else {
                        entries.add(new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                    }
                }
                return new MapNode(line, column, entries, merged);
            }
            case START_ARRAY -> {
                var items = new ArrayList<Node>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, p, problems, depth + 1));
                }
                return new ListNode(line, column, items);
            }
            case VALUE_STRING -> {
                if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
                    // Read as the alias's own name, it would silently mean something else: refused, located.
                    problems.add(new Problem(file, line, column, "", "a YAML alias (*" + p.getText() + ") is not "
                            + "part of parley/1; write the value out"));
                    return ScalarNode.refused(line, column);
                }
                return new ScalarNode(line, column, ScalarType.STRING, p.getText(), Double.NaN);
            }
            case VALUE_EMBEDDED_OBJECT -> {
                problems.add(new Problem(file, line, column, "", "a binary value (!!binary) is not part of parley/1; "
                        + "write the text itself"));
                return ScalarNode.refused(line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = p.getText();
                double value = NOT_FINITE.matcher(text).matches() ? Double.NaN : p.getDoubleValue();
                if (!Double.isFinite(value)) { // infinities and not-a-number, YAML's or not, and too large (1e400)
                    problems.add(new Problem(file, line, column, "", "'" + text + "' is not a finite number"));
                    return ScalarNode.refused(line, column);
                }
                return new ScalarNode(line, column, ScalarType.NUMBER, text, value);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(line, column, ScalarType.BOOLEAN, p.getText(), Double.NaN);
            }
            case VALUE_NULL -> {
                return new ScalarNode(line, column, ScalarType.NULL, "null", Double.NaN);
            }
            default -> throw new IllegalStateException("unexpected token " + token + " at " + line + ":" + column);
        }
    }

    /** The parser's own words, without Jackson's source excerpt and position (we print the position ourselves). */
    private static String syntaxMessage(JsonProcessingException e, Format format) {
        String original = dev.parley.scenario.wire.Json.parserWords(e);
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
            original = y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
        } else if (format == Format.YAML && original.startsWith("Expected a field name")) {
            original = "a mapping key must be a plain text; a list or mapping as a key ('? ...') is not part of "
                    + "parley/1";
        }
        original = original.lines().findFirst().orElse("").strip();
        return (format == Format.YAML ? "YAML" : "JSON") + " syntax error: " + original;
    }
}
