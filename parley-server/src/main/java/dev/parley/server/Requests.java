package dev.parley.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.scenario.MoveJson;
import io.javalin.http.Context;

/** Reading a request: the bearer token, the JSON body and its fields, query numbers; each failure a clear 400/401. */
final class Requests {
    private Requests() {
    }

    /** The bearer token, or 401. */
    static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
            throw new Unauthenticated();
        }
        return header.substring(7).strip();
    }

    static JsonNode body(Context ctx) {
        try {
            JsonNode n = MoveJson.JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.path(field);
        if (!n.isTextual()) {
            throw new BadRequest(field + ": must be a string");
        }
        return n.asText();
    }

    static int positive(JsonNode body, String field) {
        JsonNode n = body.path(field);
        if (!n.canConvertToInt() || n.asInt() < 1) {
            throw new BadRequest(field + ": must be a whole number of at least 1");
        }
        return n.asInt();
    }

    /**
     * The scenario of {@code {"upload": {"file": "talks.yaml", "text": "..."}}}: a parley/1 file as a person chose
     * it, read in the format its name says.
     *
     * @throws dev.parley.scenario.ScenarioException with every problem, located in the file
     */
    static dev.parley.engine.model.Scenario upload(JsonNode upload) {
        String file = text(upload, "file");
        dev.parley.scenario.Format format = dev.parley.scenario.Format.byFileName(file).orElseThrow(
                () -> new BadRequest("upload.file: " + file + " is not .yaml, .yml or .json; parley/1 files are one "
                        + "of these"));
        return dev.parley.scenario.ScenarioReader.read(file, text(upload, "text"), format);
    }

    /** A request without a bearer token. */
    static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A request that is malformed or asks for something that does not exist in its terms. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /** A whole-number query parameter of 0 or more, or its default when absent; else 400 naming it. */
    static int count(Context ctx, String name, int absent) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative number
        }
        throw new BadRequest(name + ": must be a whole number, 0 or more");
    }
}
