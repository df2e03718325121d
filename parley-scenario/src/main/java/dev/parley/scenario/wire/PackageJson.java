package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A package on the wire: an object of issue id → option id, one entry per issue. Stateless. */
public final class PackageJson {
    private PackageJson() {
    }

    public static Map<String, String> write(Outcome o, List<Issue> issues) {
        return o.toMap(issues);
    }

    /**
     * Reads a package strictly: an object whose every value is an option id of its issue, every issue once.
     *
     * @throws InvalidInput naming the field and every problem in it
     */
    public static Outcome read(JsonNode node, List<Issue> issues, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInput(field, field + ": must be an object of issue → option, not " + Fields.kind(
                    node));
        }
        var entries = new ArrayList<Map.Entry<String, String>>();
        var fields = node.properties();
        for (Map.Entry<String, JsonNode> e : fields) {
            if (!e.getValue().isTextual()) {
                throw new InvalidInput(field + "." + e.getKey(), field + "." + e.getKey() + ": must be an option id "
                        + "(a string), not " + Fields.kind(e.getValue()));
            }
            entries.add(Map.entry(e.getKey(), e.getValue().asText()));
        }
        try {
            return Outcome.of(issues, entries);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, field + ": " + e.getMessage());
        }
    }
}
