package dev.parley.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.scenario.Format;
import dev.parley.scenario.ScenarioReader;
import dev.parley.scenario.wire.Fields;
import dev.parley.scenario.wire.Json;
import io.javalin.http.Context;

/**
 * Reading a request: the bearer token, the JSON body read strictly (with the limits of {@link Json}), query numbers;
 * each failure a typed exception that names the field (400) or asks for a token (401).
 */
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

    /** The body's JSON object. */
    static JsonNode body(Context ctx) {
        JsonNode n = Json.read("body", ctx.body());
        if (!n.isObject()) {
            throw new InvalidInput("", "the body must be a JSON object, not " + (n.isArray()
                    ? "a list"
                    : "a "
                            + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return n;
    }

    /** The body's fields, to be read strictly. */
    static Fields fields(Context ctx) {
        return Fields.of(body(ctx), "");
    }

    /**
     * The scenario of {@code {"file": "talks.yaml", "text": "..."}}: a parley/1 file as a person chose it, read in the
     * format its name says.
     *
     * @throws dev.parley.scenario.ScenarioException with every problem, located in the file
     */
    static dev.parley.engine.model.Scenario upload(Fields upload) {
        String file = upload.text("file");
        String text = upload.text("text");
        upload.done();
        Format format = Format.byFileName(file).orElseThrow(() -> new InvalidInput(upload.path("file"), upload.path(
                "file") + ": " + file + " is not .yaml, .yml or .json; parley/1 files are one of these"));
        return ScenarioReader.read(file, text, format);
    }

    /** A request without a bearer token. */
    static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;
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
        throw new InvalidInput(name, name + ": must be a whole number, 0 or more");
    }
}
