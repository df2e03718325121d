package dev.parley.engine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vote cast in a private ballot among a fixed number of voters: the votes so far, the events it causes (more may
 * be added by the caller), whether everyone has now voted, and who voted against. Shared by single-text's votes and
 * the ratification of the other protocols.
 */
record Ballot(Map<String, Boolean> votes, List<Event> events, boolean complete, List<String> against) {
    static Ballot cast(Map<String, Boolean> before, int voters, String party, Action action, int round, String on) {
        if (!(action instanceof Action.Vote v)) {
            throw ProtocolException.illegal(party + " must vote on " + on + ", not " + Action.describe(action));
        }
        var votes = new LinkedHashMap<>(before);
        votes.put(party, v.accept());
        var events = new ArrayList<Event>(List.of(new Event.Voted(round, party, v.accept())));
        List<String> against = votes.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return new Ballot(votes, events, votes.size() >= voters, against);
    }

    /** The voters who have not voted yet, in their order: who is to move in a ballot. */
    static List<String> waiting(List<String> voters, Map<String, Boolean> votes) {
        return voters.stream().filter(v -> !votes.containsKey(v)).toList();
    }
}
