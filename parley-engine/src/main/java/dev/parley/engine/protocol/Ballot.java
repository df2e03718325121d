package dev.parley.engine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vote cast in a private ballot among a fixed number of voters: the votes so far, the events it causes (more may
 * be added by the caller), whether everyone has now voted, and, once everyone has, who voted against (empty before).
 * Shared by single-text's votes and the ratification of the other protocols.
 */
record Ballot(Map<String, Boolean> votes, List<Event> events, boolean complete, List<String> against) {
    static Ballot cast(Map<String, Boolean> before, int voters, String party, Action action, int round, String on) {
        if (!(action instanceof Action.Vote v)) {
            throw ProtocolException.illegal(party + " must vote on " + on + ", not " + Action.describe(action));
        }
        var votes = new LinkedHashMap<>(before);
        votes.put(party, v.accept());
        var events = new ArrayList<Event>(List.of(new Event.Voted(round, party, v.accept())));
        boolean complete = votes.size() >= voters;
        List<String> against = List.of(); // asked for once the ballot is complete; built only then
        if (complete) {
            var no = new ArrayList<String>();
            votes.forEach((voter, yes) -> {
                if (!yes) {
                    no.add(voter);
                }
            });
            against = List.copyOf(no);
        }
        return new Ballot(votes, events, complete, against);
    }

    /**
     * The voters who have not voted yet, in their order: who is to move in a ballot. Asked several times a move, so
     * a plain loop, and nothing made before the first vote.
     */
    static List<String> waiting(List<String> voters, Map<String, Boolean> votes) {
        if (votes.isEmpty()) {
            return voters;
        }
        var out = new ArrayList<String>(voters.size());
        for (String v : voters) {
            if (!votes.containsKey(v)) {
                out.add(v);
            }
        }
        return out.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(out);
    }
}
