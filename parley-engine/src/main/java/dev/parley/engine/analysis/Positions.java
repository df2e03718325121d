package dev.parley.engine.analysis;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.utility.UtilityTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each party has said it wants, event by event (docs/glossary.md, "gap"): in the offer protocols its last offer;
 * in single-text and shuttle, on each issue, the option named in its latest criticism or objection there, else the
 * option of the text or package it last accepted; before it has said anything, its best option (never a red line).
 * Accepting a text or package supersedes the criticism made before it (the criticism of that same vote stands).
 * Feed it a session's events in order with {@link #see}; {@link #gap} is then the gap between the two principals.
 * Not thread-safe.
 */
public final class Positions {
    private final Scenario scenario;
    private final Map<String, Outcome> offered = new HashMap<>();
    private final Map<String, Outcome> accepted = new HashMap<>();
    private final Map<String, int[]> criticised = new HashMap<>();
    /** Single-text: what a vote now is on (the proposal, or the text in the final vote). */
    private Outcome votedOn;
    private Outcome text;

    public Positions(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Takes one event into account. */
    public void see(Event e) {
        switch (e) {
            case Event.Offered o -> offered.put(o.party(), o.outcome());
            case Event.Accepted a -> {
                accepted.put(a.party(), a.outcome());
                criticised.remove(a.party()); // what it accepts now supersedes what it asked for before
            }
            case Event.Rejected r -> said(r.party(), r.objections(), r.toward());
            case Event.Criticised c -> said(c.party(), c.objections(), c.toward());
            case Event.Proposed p -> votedOn = p.text();
            case Event.TextAdopted t -> {
                text = t.text();
                votedOn = text;
            }
            case Event.TextKept k -> votedOn = text;
            case Event.Voted v -> {
                if (v.accept() && votedOn != null) {
                    accepted.put(v.party(), votedOn);
                    criticised.remove(v.party()); // superseded; the criticism of this vote, if any, follows it
                }
            }
            default -> {
            }
        }
    }

    private void said(String party, java.util.List<String> issues, java.util.List<String> toward) {
        int[] wants = criticised.computeIfAbsent(party, p -> {
            int[] none = new int[scenario.issues().size()];
            java.util.Arrays.fill(none, -1);
            return none;
        });
        for (int k = 0; k < issues.size(); k++) {
            int i = dev.parley.engine.model.Issue.indexIn(scenario.issues(), issues.get(k));
            wants[i] = scenario.issues().get(i).indexOf(toward.get(k));
        }
    }

    /** {@code party}'s position now: one option per issue. */
    public int[] position(String party) {
        Outcome offer = offered.get(party);
        if (offer != null) {
            return offer.toArray();
        }
        Outcome base = accepted.get(party);
        int[] p = base != null
                ? base.toArray()
                : UtilityTable.of(scenario.space(), scenario.profiles().get(party))
                        .bestPackage();
        int[] wants = criticised.get(party);
        for (int i = 0; wants != null && i < p.length; i++) {
            p[i] = wants[i] >= 0 ? wants[i] : p[i];
        }
        return p;
    }

    /** The gap between the two principals now; empty with fewer than two principals. */
    public Optional<Double> gap() {
        return Picture.gap(scenario, positions());
    }

    /** The gap between the two principals now on each issue, in issue order; empty with fewer than two principals. */
    public Optional<double[]> issueGaps() {
        return Picture.issueGaps(scenario, positions());
    }

    private Map<String, Outcome> positions() {
        var positions = new LinkedHashMap<String, Outcome>();
        for (String principal : scenario.principals()) {
            positions.put(principal, Outcome.of(position(principal)));
        }
        return positions;
    }
}
