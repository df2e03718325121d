package dev.parley.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signed record of every negotiation's chain head at one moment, to be kept away from the database: a later audit
 * against it notices a log cut back at its end (with the head lowered to match), rewritten from some entry on, or a
 * negotiation deleted altogether — what the chain alone cannot show. Signed with the {@link AuditKey} (over a
 * text no chain entry's MAC covers), so it cannot be made or altered without it. The file is JSON: {@code {"format":
 * "parley-checkpoint/1", "at": MILLIS, "heads": [{"negotiation": ID, "entries": N, "mac": HEX}, ...], "signature":
 * HEX}}.
 *
 * @param heads by negotiation id
 */
public record Checkpoint(long atMillis, SortedMap<String, Head> heads, String signature) {
    public static final String FORMAT = "parley-checkpoint/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chain's head: how many entries it had, and the MAC of the last (the genesis value for none). */
    public record Head(long entries, String mac) {
    }

    public Checkpoint {
        heads = Collections.unmodifiableSortedMap(new TreeMap<>(heads));
    }

    static Checkpoint sign(AuditKey key, long atMillis, Map<String, Head> heads) {
        var sorted = new TreeMap<>(heads);
        return new Checkpoint(atMillis, sorted, key.mac(signed(atMillis, sorted)));
    }

    private static String signed(long atMillis, SortedMap<String, Head> heads) {
        var text = new StringBuilder(FORMAT).append('\n').append(atMillis).append('\n');
        heads.forEach((id, h) -> text.append(id).append(' ').append(h.entries()).append(' ').append(h.mac())
                .append('\n'));
        return text.toString();
    }

    /** The checkpoint as its file holds it. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("at", atMillis);
        var list = root.putArray("heads");
        heads.forEach((id, h) -> list.addObject().put("negotiation", id).put("entries", h.entries()).put("mac", h
                .mac()));
        root.put("signature", signature);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a checkpoint file and checks its signature with {@code key}.
     *
     * @param where the file's name, for messages
     * @throws StoreException when it is not a checkpoint, or its signature does not match (altered, or made with
     *     another key)
     */
    public static Checkpoint read(String where, String json, AuditKey key) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new StoreException(where + ": not a checkpoint (format must be " + FORMAT + ")");
            }
            long at = number(where, root, "at");
            var heads = new TreeMap<String, Head>();
            JsonNode list = root.path("heads");
            if (!list.isArray()) {
                throw new StoreException(where + ": heads must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode h = list.get(i);
                String id = h.path("negotiation").asText("");
                if (id.isEmpty() || !h.path("mac").isTextual()) {
                    throw new StoreException(where + ": heads[" + i + "] needs a negotiation and a mac");
                }
                heads.put(id, new Head(number(where + ": heads[" + i + "]", h, "entries"), h.get("mac").asText()));
            }
            String signature = root.path("signature").asText("");
            if (!java.security.MessageDigest.isEqual(key.mac(signed(at, heads)).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII),
                    signature.getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new StoreException(where + ": the checkpoint's signature does not match: it was altered, or "
                        + "made with another audit key");
            }
            return new Checkpoint(at, heads, signature);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static long number(String where, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new StoreException(where + ": " + field + " must be a whole number");
        }
        return v.asLong();
    }
}
