package dev.parley.scenario.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Issue;
import dev.parley.engine.protocol.Action;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Actions on the wire: {@code {"type": "vote", "accept": true}}. One writer and one strict reader; each action's wire
 * name is declared once, in {@link Type}. Stateless.
 */
public final class ActionJson {
    /** Each action's wire name. */
    public enum Type {
        OFFER("offer"), ACCEPT("accept"), REJECT("reject"), END("end"), PROPOSE("propose"), VOTE("vote"), PRESENT(
                "present"), MESSAGE("message");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Type of(Action a) {
            return switch (a) {
                case Action.Offer x -> OFFER;
                case Action.Accept x -> ACCEPT;
                case Action.Reject x -> REJECT;
                case Action.End x -> END;
                case Action.Propose x -> PROPOSE;
                case Action.Vote x -> VOTE;
                case Action.Present x -> PRESENT;
                case Action.Message x -> MESSAGE;
            };
        }

        static Optional<Type> byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    private ActionJson() {
    }

    /** The actions a seat to move may take in a phase, by wire name. */
    public static List<Type> allowed(dev.parley.engine.protocol.Phase phase) {
        return switch (phase) {
            case PROPOSE -> List.of(Type.PROPOSE, Type.END);
            case VOTE, RATIFY -> List.of(Type.VOTE);
            case OFFER -> List.of(Type.OFFER, Type.ACCEPT, Type.END);
            case PRESENT -> List.of(Type.PRESENT, Type.END);
            case RESPOND -> List.of(Type.ACCEPT, Type.REJECT, Type.MESSAGE, Type.END);
            case CONCEDE -> List.of(Type.OFFER, Type.ACCEPT, Type.END);
            case ENDED -> List.of();
        };
    }

    public static Map<String, Object> write(Action a, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", Type.of(a).id());
        switch (a) {
            case Action.Offer o -> m.put("package", PackageJson.write(o.outcome(), issues));
            case Action.Accept x -> {
            }
            case Action.Reject r -> {
                m.put("objections", r.objections());
                m.put("toward", r.toward());
            }
            case Action.Present p -> {
                m.put("to", p.to());
                m.put("package", PackageJson.write(p.outcome(), issues));
                p.relay().ifPresent(r -> {
                    var relay = new LinkedHashMap<String, Object>(); // a stable key order: transcripts are compared
                    relay.put("original", r.original());
                    relay.put("verbatim", r.verbatim());
                    relay.put("text", r.text());
                    m.put("relay", relay);
                });
            }
            case Action.End e -> m.put("reason", e.reason());
            case Action.Propose p -> m.put("text", PackageJson.write(p.text(), issues));
            case Action.Vote v -> {
                m.put("accept", v.accept());
                if (!v.objections().isEmpty()) {
                    m.put("objections", v.objections());
                    m.put("toward", v.toward());
                }
            }
            case Action.Message x -> m.put("text", x.text());
        }
        return m;
    }

    /**
     * Reads an action strictly: a known type, every field it needs with the right type, no unknown field.
     *
     * @throws InvalidInput naming the field at fault
     */
    public static Action read(JsonNode node, List<Issue> issues) {
        Fields f = Fields.of(node, "");
        String id = f.text("type");
        Type type = Type.byId(id).orElseThrow(() -> new InvalidInput("type", "type: no action '" + id + "' (actions: "
                + String.join(", ", Arrays.stream(Type.values()).map(Type::id).toList()) + ")"));
        Action a = switch (type) {
            case OFFER -> new Action.Offer(PackageJson.read(f.node("package"), issues, "package"));
            case ACCEPT -> new Action.Accept();
            case REJECT -> reject(f);
            case END -> new Action.End(f.optionalText("reason").orElse(""));
            case PROPOSE -> new Action.Propose(PackageJson.read(f.node("text"), issues, "text"));
            case VOTE -> vote(f);
            case PRESENT -> new Action.Present(f.text("to"), PackageJson.read(f.node("package"), issues, "package"),
                    f.has("relay") ? Optional.of(relay(f.object("relay"))) : Optional.empty());
            case MESSAGE -> new Action.Message(f.text("text"));
        };
        f.done();
        return a;
    }

    /**
     * Reads an action as a transcript or a server's log recorded it: strictly, except that records written before
     * packages travelled as {@code package} call it {@code outcome}.
     */
    public static Action readRecorded(JsonNode node, List<Issue> issues) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has("outcome") && !o.has(
                "package")) {
            var renamed = o.deepCopy();
            renamed.set("package", renamed.remove("outcome"));
            return read(renamed, issues);
        }
        return read(node, issues);
    }

    private static Action.Reject reject(Fields f) {
        List<String>[] c = criticism(f);
        return new Action.Reject(c[0], c[1]);
    }

    /** A vote, with the criticism it may carry (single-text): {@code objections} and {@code toward}, as a reject's. */
    private static Action.Vote vote(Fields f) {
        boolean accept = f.bool("accept");
        List<String>[] c = criticism(f);
        return new Action.Vote(accept, c[0], c[1]);
    }

    /** {@code objections} and {@code toward}, both optional, of equal length. */
    @SuppressWarnings("unchecked")
    private static List<String>[] criticism(Fields f) {
        List<String> objections = f.has("objections") ? f.texts("objections") : List.of();
        List<String> toward = f.has("toward") ? f.texts("toward") : List.of();
        if (objections.size() != toward.size()) {
            throw new InvalidInput("toward", "toward: one option to move toward per objection (" + objections.size()
                    + " objections, " + toward.size() + " options)");
        }
        return new List[]{objections, toward};
    }

    private static Action.Relay relay(Fields r) {
        var relay = new Action.Relay(r.integer("original", 1, Integer.MAX_VALUE), r.bool("verbatim"), r.text(
                "text"));
        r.done();
        return relay;
    }
}
