package dev.parley.scenario.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.engine.InvalidInput;

/**
 * Reading and writing JSON, with explicit limits on what is read (nesting depth, number and string length), so a
 * hostile document is refused with a clear message instead of exhausting the stack or the heap. The mapper behind it
 * is private; readers and writers are immutable and thread-safe.
 */
public final class Json {
    /** The deepest nesting read: far beyond any document Parley writes. */
    public static final int MAX_DEPTH = 64;
    /** The longest number read, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The longest string read, in characters. */
    public static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactory()
            .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).build()))
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectWriter PRETTY_STREAMED = PRETTY
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, trees) as compact JSON. */
    /**
     * A computed utility, share or product as JSON shows it: to the 12 decimals the analysis is exact to, so that a
     * sum of weights times values reads 0.496, not 0.49599999999999994. Not for figures read from a file, which must
     * read back as written.
     */
    public static double exact(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= 1e6) {
            return x;
        }
        return Math.round(x * 1e12) / 1e12;
    }

    /** {@link #exact} of every value, in the map's order. */
    public static Map<String, Double> exact(Map<String, Double> figures) {
        var out = new java.util.LinkedHashMap<String, Double>();
        figures.forEach((k, v) -> out.put(k, v == null ? null : exact(v)));
        return out;
    }

    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as indented JSON, for people. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code value} as indented JSON, written to {@code out} as it is made (any {@link Iterable} in it is read once,
     * as the array is written) and flushed; {@code out} is left open.
     */
    public static void pretty(Object value, java.io.Writer out) throws java.io.IOException {
        PRETTY_STREAMED.writeValue(out, value);
    }

    /** {@code value} as a tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Reads one JSON document.
     *
     * @param what what the text is, for the error (e.g. {@code body}, {@code transcript.jsonl:3})
     * @throws InvalidInput naming where the text stops being JSON, or which limit it breaks
     */
    public static JsonNode read(String what, String text) {
        try {
            JsonNode n = READER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new InvalidInput(what, what + ": empty, not JSON");
            }
            return n;
        } catch (StreamConstraintsException e) {
            throw new InvalidInput(what, what + ": over a limit: " + parserWords(e));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInput(what, what + ": malformed JSON" + (at == null
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + parserWords(e));
        }
    }

    /**
     * The parser's own words about a document, on one line, without the names of Jackson's settings it adds ("...,
     * from `StreamReadConstraints.getMaxNestingDepth()`", "enable `JsonReadFeature.X` to allow"): those are not
     * settings a user of Parley can change.
     */
    public static String parserWords(JsonProcessingException e) {
        String words = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return words.lines().findFirst().orElse("").replaceAll(", from `[^`]*`", "")
                .replaceAll(": enable `[^`]*` to allow", "").strip();
    }
}
