package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shuttle mediator that trades objections, seeing only what the parties tell it. It presents one package to everyone. After each
 * round it reworks it: for each party that rejected it, it moves one issue that party objected to by one option
 * toward the option the party asked for — trading concessions across issues between the sides. An issue on which
 * parties pulled in opposite directions that round is contested: the mediator moves the party's next objection
 * instead, and the contested issue only when nothing else is left. With each package it relays, reframed and linked
 * to its event, the latest objection of another party. Not thread-safe: one per seat.
 */
final class ObjectionTrader implements Agent {
    private Outcome current;
    private int reworkedAfter = -1;

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case PRESENT -> present(v);
            case PROPOSE, VOTE, RATIFY, OFFER, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private Action present(AgentView v) {
        if (current == null) {
            current = v.opening().orElseThrow();
        }
        int lastRound = v.round() - 1;
        if (lastRound >= 0 && reworkedAfter < lastRound) {
            current = rework(v, current, lastRound);
            reworkedAfter = lastRound;
        }
        String to = v.counterpart().orElseThrow();
        return new Action.Present(to, current, relayFor(v, to));
    }

    /**
     * {@code current} reworked after {@code round}: for each party that rejected it that round, one issue it objected
     * to moved by one option toward the option it asked for, contested issues last.
     */
    static Outcome rework(AgentView v, Outcome current, int round) {
        int[] c = current.toArray();
        var rejections = new ArrayList<Event.Rejected>();
        for (NumberedEvent n : v.log().recent(4 * v.parties().size())) {
            if (n.event() instanceof Event.Rejected r && r.round() == round && !r.objections().isEmpty()) {
                rejections.add(r);
            }
        }
        // Which way each party pulls each issue, this round.
        Map<Integer, Integer> pull = new HashMap<>();
        var contested = new java.util.HashSet<Integer>();
        for (Event.Rejected r : rejections) {
            for (int k = 0; k < r.objections().size(); k++) {
                int i = issue(v, r.objections().get(k));
                int dir = Integer.signum(v.issues().get(i).indexOf(r.toward().get(k)) - c[i]);
                Integer other = pull.putIfAbsent(i, dir);
                if (other != null && other != dir) {
                    contested.add(i);
                }
            }
        }
        int[] next = c.clone();
        for (Event.Rejected r : rejections) {
            int chosen = -1;
            int dir = 0;
            for (int k = 0; k < r.objections().size() && chosen < 0; k++) {
                int i = issue(v, r.objections().get(k));
                int d = Integer.signum(v.issues().get(i).indexOf(r.toward().get(k)) - c[i]);
                if (d != 0 && !contested.contains(i) && next[i] == c[i]) {
                    chosen = i;
                    dir = d;
                }
            }
            if (chosen < 0 && !r.objections().isEmpty()) {
                int i = issue(v, r.objections().get(0));
                chosen = next[i] == c[i] ? i : -1;
                dir = chosen < 0 ? 0 : Integer.signum(v.issues().get(i).indexOf(r.toward().get(0)) - c[i]);
            }
            if (chosen >= 0) {
                next[chosen] = c[chosen] + dir;
            }
        }
        return Outcome.of(next);
    }

    /** The latest objection of a party other than {@code to}, reframed, linked to its event number. */
    static Optional<Action.Relay> relayFor(AgentView v, String to) {
        List<NumberedEvent> events = v.numberedEvents(0);
        for (int n = events.size() - 1; n >= 0; n--) {
            if (events.get(n).event() instanceof Event.Rejected r && !r.party().equals(to)
                    && !r.objections().isEmpty()) {
                return Optional.of(new Action.Relay(events.get(n).seq(), false, "The " + r.party()
                        + " delegation needs movement on " + String.join(" and ", r.objections()) + "."));
            }
        }
        return Optional.empty();
    }

    private static int issue(AgentView v, String issueId) {
        return dev.parley.engine.model.Issue.indexIn(v.issues(), issueId); // the protocol checked the objection
    }
}
