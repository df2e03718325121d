package dev.parley.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of actions, events and packages, shared by {@code run --format json}, {@code transcript.jsonl} and
 * {@code replay}. A transcript is one JSON object per line: a header (format, scenario document, protocol settings,
 * seed, seats), then one line per move with the action and the events it caused.
 */
public final class MoveJson {
    public static final String FORMAT = "parley-transcript/1";
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private MoveJson() {
    }

    public static Map<String, String> outcome(Outcome o, List<Issue> issues) {
        return o.toMap(issues);
    }

    public static Outcome outcome(JsonNode node, List<Issue> issues) {
        var s = new StringBuilder();
        node.fields().forEachRemaining(e -> s.append(s.isEmpty() ? "" : ",").append(e.getKey()).append('=')
                .append(e.getValue().asText()));
        return Outcome.parse(issues, s.toString());
    }

    private static List<String> strings(JsonNode array) {
        var out = new java.util.ArrayList<String>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    public static Map<String, Object> action(Action a, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        switch (a) {
            case Action.Offer o -> {
                m.put("type", "offer");
                m.put("outcome", outcome(o.outcome(), issues));
            }
            case Action.Accept x -> m.put("type", "accept");
            case Action.Reject r -> {
                m.put("type", "reject");
                m.put("objections", r.objections());
                m.put("toward", r.toward());
            }
            case Action.Present p -> {
                m.put("type", "present");
                m.put("to", p.to());
                m.put("outcome", outcome(p.outcome(), issues));
                p.relay().ifPresent(r -> m.put("relay", Map.of("original", r.original(), "verbatim", r.verbatim(),
                        "text", r.text())));
            }
            case Action.End e -> {
                m.put("type", "end");
                m.put("reason", e.reason());
            }
            case Action.Propose p -> {
                m.put("type", "propose");
                m.put("text", outcome(p.text(), issues));
            }
            case Action.Vote v -> {
                m.put("type", "vote");
                m.put("accept", v.accept());
            }
            case Action.Message x -> {
                m.put("type", "message");
                m.put("text", x.text());
            }
        }
        return m;
    }

    public static Action action(JsonNode n, List<Issue> issues) {
        String type = n.path("type").asText();
        return switch (type) {
            case "offer" -> new Action.Offer(outcome(n.get("outcome"), issues));
            case "accept" -> new Action.Accept();
            case "reject" -> new Action.Reject(strings(n.path("objections")), strings(n.path("toward")));
            case "present" -> new Action.Present(n.path("to").asText(), outcome(n.get("outcome"), issues),
                    n.has("relay")
                            ? java.util.Optional.of(new Action.Relay(n.get("relay").get("original").asInt(),
                                    n.get("relay").get("verbatim").asBoolean(), n.get("relay").get("text").asText()))
                            : java.util.Optional.empty());
            case "end" -> new Action.End(n.path("reason").asText());
            case "propose" -> new Action.Propose(outcome(n.get("text"), issues));
            case "vote" -> new Action.Vote(n.get("accept").asBoolean());
            case "message" -> new Action.Message(n.get("text").asText());
            default -> throw new IllegalArgumentException("unknown action type '" + type + "'");
        };
    }

    public static Map<String, Object> event(Event e, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("round", e.round());
        switch (e) {
            case Event.Offered o -> {
                m.put("type", "offered");
                m.put("party", o.party());
                m.put("outcome", outcome(o.outcome(), issues));
            }
            case Event.Accepted a -> {
                m.put("type", "accepted");
                m.put("party", a.party());
                m.put("outcome", outcome(a.outcome(), issues));
            }
            case Event.Rejected r -> {
                m.put("type", "rejected");
                m.put("party", r.party());
                m.put("outcome", outcome(r.outcome(), issues));
                if (!r.objections().isEmpty()) {
                    m.put("objections", r.objections());
                    m.put("toward", r.toward());
                }
            }
            case Event.Presented p -> {
                m.put("type", "presented");
                m.put("to", p.to());
                m.put("outcome", outcome(p.outcome(), issues));
                p.relayOf().ifPresent(x -> m.put("relayOf", x));
                p.verbatim().ifPresent(x -> m.put("relay", x ? "verbatim" : "reframed"));
                p.relay().ifPresent(x -> m.put("relayText", x));
            }
            case Event.Diverged d -> {
                m.put("type", "diverged");
                var accepted = new java.util.TreeMap<String, Object>();
                d.accepted().forEach((party, o) -> accepted.put(party, outcome(o, issues)));
                m.put("accepted", accepted);
                m.put("issues", d.issues());
            }
            case Event.Proposed p -> {
                m.put("type", "proposed");
                m.put("party", p.party());
                m.put("text", outcome(p.text(), issues));
            }
            case Event.Voted v -> {
                m.put("type", "voted");
                m.put("party", v.party());
                m.put("accept", v.accept());
            }
            case Event.TextAdopted t -> {
                m.put("type", "text-adopted");
                m.put("text", outcome(t.text(), issues));
            }
            case Event.Said x -> {
                m.put("type", "said");
                m.put("party", x.party());
                m.put("text", x.text());
            }
            case Event.TextKept k -> {
                m.put("type", "text-kept");
                m.put("rejections", k.rejections());
            }
            case Event.Ended x -> {
                m.put("type", "ended");
                m.put("result", x.agreement().isPresent() ? "agreement" : "no-agreement");
                x.agreement().ifPresent(o -> m.put("package", outcome(o, issues)));
                m.put("reason", x.reason());
                if (!x.ratification().isEmpty()) {
                    m.put("ratification", new java.util.TreeMap<>(x.ratification()));
                }
            }
        }
        return m;
    }
}
