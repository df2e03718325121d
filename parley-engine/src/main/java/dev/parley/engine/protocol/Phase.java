package dev.parley.engine.protocol;

import java.util.Locale;

/**
 * The step a protocol state is at: what the seats to move may do now. One enum for every protocol; agents and
 * clients dispatch on it with an exhaustive switch.
 */
public enum Phase {
    /** Single-text: the mediator proposes a change to the text, or ends the talks. */
    PROPOSE,
    /** Single-text: every ratifying party votes on the proposal, privately. */
    VOTE,
    /** A final vote on a deal: single-text's final text, or what the negotiators agreed in the bilateral protocols. */
    RATIFY,
    /** The offer protocols (saop, alternating): offer, accept the standing offer, or end. */
    OFFER,
    /** Shuttle: the mediator presents a package to the party it meets. */
    PRESENT,
    /** Shuttle: the party in the meeting accepts or rejects the package, or speaks to the mediator. */
    RESPOND,
    /** Zeuthen: the side whose offer risks less makes its minimal concession, accepts, or walks away. */
    CONCEDE,
    /** Over: nobody moves. */
    ENDED;

    /** What a seat to move does in this phase, in words for a person. */
    public String description() {
        return switch (this) {
            case PROPOSE -> "Compose a change to the current text and propose it to every party, or end the "
                    + "talks and call the final vote.";
            case VOTE -> "Vote on the proposal on the table, with criticism if you wish (the issues you "
                    + "object to and the option you want on each). No other party learns your vote; the mediator "
                    + "hears each party's vote and criticism once every vote is in.";
            case RATIFY -> "The final vote: accept the package on the table as the deal, or reject it.";
            case OFFER -> "Accept the standing offer, make an offer of your own, or walk away.";
            case PRESENT -> "Present a package to the party you are meeting, passing on what another party "
                    + "said if you wish.";
            case RESPOND -> "The mediator has presented a package to you, in private: accept it, or reject it"
                    + " naming your objections; you may also say something to the mediator.";
            case CONCEDE -> "Your offer risks less: make the concession the rule names, accept the other "
                    + "side's offer, or walk away.";
            case ENDED -> "The talks have ended.";
        };
    }

    /** Whether this phase is a secret ballot (a vote on a proposal, or the final ratification). */
    public boolean isBallot() {
        return this == VOTE || this == RATIFY;
    }

    /** The word used on the wire and in text output: the lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
