package dev.parley.engine.protocol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a seat does in a protocol: the phases its occupant must act in. Every participant of a protocol has exactly
 * one; an agent declares the roles it can fill, so a seat is only ever given an agent that knows its moves.
 */
public enum SeatRole {
    /** Single-text's mediator: proposes texts, and votes on them when it ratifies. */
    TEXT_MEDIATOR("proposes each change to the single text", EnumSet.of(Phase.PROPOSE, Phase.VOTE, Phase.RATIFY)),
    /** Single-text's ratifying parties: vote on every proposal, then on the final text. */
    VOTER("votes on each proposed text and on the final text", EnumSet.of(Phase.VOTE, Phase.RATIFY)),
    /** Shuttle's mediator: presents packages in private meetings and relays what was said. */
    SHUTTLE_MEDIATOR("meets each party in private, presents packages and relays objections",
            EnumSet.of(Phase.PRESENT)),
    /** Shuttle's parties: answer the package they are shown. */
    RESPONDENT("accepts or rejects the package the mediator presents, naming objections",
            EnumSet.of(Phase.RESPOND)),
    /** The offer protocols' parties: offer and accept in turn. */
    NEGOTIATOR("makes and accepts offers in turn", EnumSet.of(Phase.OFFER)),
    /** Zeuthen's two principals: bargain by conceding under the risk rule. */
    BARGAINER("concedes along the bilateral frontier by Zeuthen's risk rule", EnumSet.of(Phase.CONCEDE)),
    /** Ratifying parties outside the bargaining of a bilateral protocol: vote on the deal. */
    RATIFIER("votes once on the deal the negotiators reached", EnumSet.of(Phase.RATIFY));

    private final String description;
    private final Set<Phase> phases;

    SeatRole(String description, Set<Phase> phases) {
        this.description = description;
        this.phases = java.util.Collections.unmodifiableSet(phases);
    }

    /** The word used on the wire: the lower-case name with hyphens, e.g. {@code text-mediator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the seat does, in one line. */
    public String description() {
        return description;
    }

    /** The phases in which this seat may be asked to act. */
    public Set<Phase> phases() {
        return phases;
    }
}
