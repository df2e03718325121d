package dev.parley.scenario.wire;

import dev.parley.engine.agent.AgentView;
import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Party;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.NumberedEvent;
import dev.parley.engine.protocol.Phase;
import dev.parley.engine.protocol.ProtocolKind;
import dev.parley.engine.protocol.SeatRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a seat of a served negotiation sees, frozen: the session's view of the seat, whether the talks have begun and
 * who has shared its profile. Immutable, so it can be taken under the negotiation's lock and written after; and its
 * JSON, the {@code GET /api/negotiations/{id}} document.
 *
 * @param events every event the seat may see, numbered, in order
 */
public record SeatView(String party, ProtocolKind protocol, Optional<String> mediator, SeatRole seatRole, Phase phase,
        int round, int deadline,
        List<String> toMove, Optional<Outcome> onTable, Optional<Outcome> currentText, Optional<Outcome> opening,
        Optional<Outcome> concession, Optional<String> counterpart, boolean begun, boolean ended,
        Optional<Outcome> agreement, Set<String> shared, List<String> awaitingShares, List<NumberedEvent> events) {
    public SeatView {
        toMove = List.copyOf(toMove);
        shared = Set.copyOf(shared);
        awaitingShares = List.copyOf(awaitingShares);
        events = List.copyOf(events);
    }

    /**
     * @param mediator the negotiation's mediator, if it has one
     * @param shared the parties that have shared their profiles with the mediator
     * @param awaitingShares the parties whose profiles the mediator's analysis still waits for, in party order
     */
    public static SeatView of(AgentView v, Optional<String> mediator, boolean begun, Set<String> shared,
            List<String> awaitingShares) {
        return new SeatView(v.party(), v.protocol(), mediator, v.seatRole(), v.phase(), v.round(), v.deadline(),
                v.toMove(),
                v.onTable(), v.currentText(), v.opening(), v.concession(), v.counterpart(), begun, v.ended(),
                v.agreement(), shared, awaitingShares, v.numberedEvents(0));
    }

    /** The view as the API writes it, with the scenario's public face. */
    public Map<String, Object> json(String id, Scenario s) {
        List<Issue> issues = s.issues();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("party", party);
        m.put("protocol", protocol.id());
        m.put("mediator", mediator.orElse(null));
        m.put("seatRole", seatRole.id());
        m.put("scenario", publicScenario(s));
        m.put("shared", shared.stream().sorted().toList());
        m.put("awaitingShares", awaitingShares);
        m.put("phase", phase.id());
        boolean toAct = toMove.contains(party);
        m.put("phaseDescription", phase.description());
        m.put("actions", toAct ? ActionJson.allowed(phase).stream().map(ActionJson.Type::id).toList() : List.of());
        m.put("round", round);
        m.put("deadline", deadline);
        m.put("toMove", toMove);
        m.put("onTable", onTable.map(o -> PackageJson.write(o, issues)).orElse(null));
        m.put("currentText", currentText.map(o -> PackageJson.write(o, issues)).orElse(null));
        m.put("opening", opening.map(o -> PackageJson.write(o, issues)).orElse(null));
        m.put("concession", concession.map(o -> PackageJson.write(o, issues)).orElse(null));
        m.put("counterpart", counterpart.orElse(null));
        m.put("begun", begun);
        m.put("ended", ended);
        m.put("agreement", agreement.map(o -> PackageJson.write(o, issues)).orElse(null));
        m.put("events", EventJson.writeAll(events, issues));
        return m;
    }

    /** The public face of a scenario: parties (with their allies), issues and options, stated demands; never a profile. */
    public static Map<String, Object> publicScenario(Scenario s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("title", s.title());
        var parties = new ArrayList<Map<String, Object>>();
        for (Party p : s.parties()) {
            parties.add(Map.of("id", p.id(), "name", p.name(), "role", p.role().id(), "ratifies", p.ratifies(),
                    "allies", p.allies()));
        }
        m.put("parties", parties);
        m.put("principals", s.principals());
        // The mediator a negotiation of this scenario gets by default (its protocol section's, else the first).
        m.put("mediator", dev.parley.engine.protocol.Settings.defaults(s).mediator().orElse(null));
        var issues = new ArrayList<Map<String, Object>>();
        for (Issue i : s.issues()) {
            issues.add(Map.of("id", i.id(), "name", i.name(), "options", i.options().stream().map(o -> Map.of("id",
                    o.id(), "label", o.label())).toList()));
        }
        m.put("issues", issues);
        m.put("demands", dev.parley.scenario.ScenarioWriter.demands(s));
        return m;
    }
}
