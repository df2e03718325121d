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

    private static void byParty(Map<String, Object> m, String type, String party, dev.parley.engine.model.Outcome pkg,
            List<Issue> issues) {
        m.put("type", type);
        m.put("party", party);
        m.put("package", PackageJson.write(pkg, issues));
    }

    public static Map<String, Object> write(Event e, List<Issue> issues) {
        var m = new LinkedHashMap<String, Object>();
        m.put("round", e.round());
        switch (e) {
            case Event.Offered o -> byParty(m, "offered", o.party(), o.outcome(), issues);
            case Event.Accepted a -> byParty(m, "accepted", a.party(), a.outcome(), issues);
            case Event.Rejected r -> {
                byParty(m, "rejected", r.party(), r.outcome(), issues);
                if (!r.objections().isEmpty()) {
                    m.put("objections", r.objections());
                    m.put("toward", r.toward());
                }
            }
            case Event.Presented p -> {
                m.put("type", "presented");
                m.put("to", p.to());
                m.put("package", PackageJson.write(p.outcome(), issues));
                p.relayOf().ifPresent(x -> m.put("relayOf", x));
                p.verbatim().ifPresent(x -> m.put("relay", x ? "verbatim" : "reframed"));
                p.relay().ifPresent(x -> m.put("relayText", x));
            }
            case Event.Diverged d -> {
                m.put("type", "diverged");
                var accepted = new TreeMap<String, Object>();
                d.accepted().forEach((party, o) -> accepted.put(party, PackageJson.write(o, issues)));
                m.put("accepted", accepted);
                m.put("issues", d.issues());
            }
            case Event.Proposed p -> {
                m.put("type", "proposed");
                m.put("party", p.party());
                m.put("text", PackageJson.write(p.text(), issues));
            }
            case Event.Voted v -> {
                m.put("type", "voted");
                m.put("party", v.party());
                m.put("accept", v.accept());
            }
            case Event.TextAdopted t -> {
                m.put("type", "text-adopted");
                m.put("text", PackageJson.write(t.text(), issues));
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
                x.agreement().ifPresent(o -> m.put("package", PackageJson.write(o, issues)));
                m.put("reason", x.reason());
                if (!x.ratification().isEmpty()) {
                    m.put("ratification", new TreeMap<>(x.ratification()));
                }
            }
        }
        return m;
    }
}
