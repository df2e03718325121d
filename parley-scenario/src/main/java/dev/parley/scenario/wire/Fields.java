package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read strictly: each field taken with its type checked, and at the end every field not taken is an
 * error. Every problem names the field by its path (e.g. {@code relay.original}). Not thread-safe: one per object
 * read.
 */
public final class Fields {
    private final JsonNode node;
    private final String path;
    private final Set<String> taken = new LinkedHashSet<>();

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * The object at {@code path}.
     *
     * @throws InvalidInput unless {@code node} is a JSON object
     */
    public static Fields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidInput(path, (path.isEmpty() ? "the body" : path) + ": must be a JSON object, not "
                    + kind(node));
        }
        return new Fields(node, path);
    }

    /** The object itself. */
    public JsonNode node() {
        return node;
    }

    /** The path of field {@code name} of this object. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the field is present and not null; asking about a field makes it a known one. */
    public boolean has(String name) {
        taken.add(name);
        return node.has(name) && !node.get(name).isNull();
    }

    /** The field's node, taken (it then counts as known); present and not null. */
    public JsonNode node(String name) {
        taken.add(name);
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            throw new InvalidInput(path(name), path(name) + ": is missing");
        }
        return n;
    }

    public Optional<JsonNode> optionalNode(String name) {
        taken.add(name);
        return has(name) ? Optional.of(node.get(name)) : Optional.empty();
    }

    public String text(String name) {
        JsonNode n = node(name);
        if (!n.isTextual()) {
            throw wrong(name, "a string", n);
        }
        return n.asText();
    }

    public Optional<String> optionalText(String name) {
        return has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    public boolean bool(String name) {
        JsonNode n = node(name);
        if (!n.isBoolean()) {
            throw wrong(name, "true or false", n);
        }
        return n.asBoolean();
    }

    /** A whole number in [min, max]. */
    public int integer(String name, int min, int max) {
        JsonNode n = node(name);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw wrong(name, "a whole number from " + min + " to " + max, n);
        }
        return n.asInt();
    }

    public long longInteger(String name) {
        JsonNode n = node(name);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrong(name, "a whole number", n);
        }
        return n.asLong();
    }

    public double number(String name) {
        JsonNode n = node(name);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw wrong(name, "a number", n);
        }
        return n.asDouble();
    }

    public List<String> texts(String name) {
        JsonNode n = node(name);
        if (!n.isArray()) {
            throw wrong(name, "a list of strings", n);
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new InvalidInput(path(name), path(name) + "[" + i + "]: must be a string, not " + kind(n.get(
                        i)));
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    public Fields object(String name) {
        return of(node(name), path(name));
    }

    /**
     * Ends the reading: every field of the object must have been taken.
     *
     * @throws InvalidInput naming the first unknown field and the known ones
     */
    public void done() {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!taken.contains(name)) {
                throw new InvalidInput(path(name), path(name) + ": unknown field (known here: " + String.join(", ",
                        taken) + ")");
            }
        }
    }

    private InvalidInput wrong(String name, String want, JsonNode got) {
        return new InvalidInput(path(name), path(name) + ": must be " + want + ", not " + kind(got));
    }

    /** What a node is, in words, for errors: never its contents beyond a short number. */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "the number " + (n.asText().length() > 20 ? n.asText().substring(0, 20) + "…" : n.asText());
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BINARY, POJO, MISSING -> "not JSON";
        };
    }
}
