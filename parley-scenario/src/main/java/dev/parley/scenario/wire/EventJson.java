package dev.parley.scenario.wire;

import dev.parley.engine.model.Issue;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events on the wire: {@code {"round": 3, "type": "voted", ...}}, with {@code seq} when numbered. Written only:
 * events are never read back, they are caused again by replaying the actions. Stateless.
 */
public final class EventJson {
    private EventJson() {
    }

    /** An event with its number in the session first: what a client resumes from. */
    public static Map<String, Object> write(NumberedEvent n, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("seq", n.seq());
        m.putAll(write(n.event(), issues));
        return m;
    }

    public static List<Map<String, Object>> writeAll(List<NumberedEvent> events, List<Issue> issues) {
        return events.stream().map(e -> write(e, issues)).toList();
    }

    /** Each event's wire name, declared once. */
    public static String type(Event e) {
        return switch (e) {
            case Event.Offered x -> "offered";
            case Event.Accepted x -> "accepted";
            case Event.Rejected x -> "rejected";
            case Event.Presented x -> "presented";
            case Event.Diverged x -> "diverged";
            case Event.Proposed x -> "proposed";
            case Event.Voted x -> "voted";
            case Event.Criticised x -> "criticised";
            case Event.TextAdopted x -> "text-adopted";
            case Event.Said x -> "said";
            case Event.TextKept x -> "text-kept";
            case Event.Ended x -> "ended";
        };
    }

    public static Map<String, Object> write(Event e, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("round", e.round());
        m.put("type", type(e));
        switch (e) {
            case Event.Offered o -> byParty(m, o.party()).put("package", PackageJson.write(o.outcome(), issues));
            case Event.Accepted a -> byParty(m, a.party()).put("package", PackageJson.write(a.outcome(), issues));
            case Event.Rejected r -> {
                byParty(m, r.party()).put("package", PackageJson.write(r.outcome(), issues));
                if (!r.objections().isEmpty()) {
                    m.put("objections", r.objections());
                    m.put("toward", r.toward());
                }
            }
            case Event.Presented p -> {
                m.put("to", p.to());
                m.put("package", PackageJson.write(p.outcome(), issues));
                p.relayOf().ifPresent(x -> m.put("relayOf", x));
                p.verbatim().ifPresent(x -> m.put("relay", x ? "verbatim" : "reframed"));
                p.relay().ifPresent(x -> m.put("relayText", x));
            }
            case Event.Diverged d -> {
                var accepted = new TreeMap<String, Object>();
                d.accepted().forEach((party, o) -> accepted.put(party, PackageJson.write(o, issues)));
                m.put("accepted", accepted);
                m.put("issues", d.issues());
            }
            case Event.Proposed p -> byParty(m, p.party()).put("text", PackageJson.write(p.text(), issues));
            case Event.Voted v -> byParty(m, v.party()).put("accept", v.accept());
            case Event.Criticised c -> {
                byParty(m, c.party()).put("accept", c.accept());
                m.put("objections", c.objections());
                m.put("toward", c.toward());
            }
            case Event.TextAdopted t -> m.put("text", PackageJson.write(t.text(), issues));
            case Event.Said x -> byParty(m, x.party()).put("text", x.text());
            case Event.TextKept k -> m.put("rejections", k.rejections());
            case Event.Ended x -> {
                m.put("result", x.agreement().isPresent() ? "agreement" : "no-agreement");
                x.agreement().ifPresent(o -> m.put("package", PackageJson.write(o, issues)));
                m.put("reason", x.reason());
                if (!x.ratification().isEmpty()) {
                    m.put("ratification", new TreeMap<>(x.ratification()));
                }
            }
        }
        return m;
    }

    private static Map<String, Object> byParty(Map<String, Object> m, String party) {
        m.put("party", party);
        return m;
    }
}
