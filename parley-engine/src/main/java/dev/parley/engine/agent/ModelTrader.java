package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import dev.parley.engine.protocol.Event;
import dev.parley.engine.protocol.NumberedEvent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A shuttle mediator that models the parties from what they tell it and presents, each round, one package to
 * everyone. While it searches, that is the package its model ({@link Words}) says gives the parties the largest
 * estimated Nash product, among those it can sign itself and has not presented before ({@link NashSeeker#bid}, never
 * the whole space): the talks move through the packages it ranks highest as the parties' demands fall. From {@value
 * #CLOSE} of the deadline it closes: it goes back to the package most parties accepted and, round by round, moves one
 * issue each rejecting party objected to toward what it asked for ({@link ObjectionTrader#rework}), as long as it can
 * sign the result. An option a party objected to where it stood {@value #RED} times and never accepted is taken as
 * its red line: the search presents a package with one only when it finds no other. The closing does not
 * hold to that rule (parties that concede over time object to the same option again and again without it being a red
 * line, and holding to it cost a deal in one random scenario of twenty): a package across a real red line is rejected,
 * and the next moves toward what that party asked for. With each
 * package it relays, reframed and linked to its event, the latest objection of another party ({@link
 * ObjectionTrader#relayFor}). Not thread-safe: one per seat.
 */
final class ModelTrader implements Agent {
    /** How many of the parties' latest wishes the search starts from. */
    static final int STARTS = 8;
    /** How often a party must object to an option where it stood, never accepting it, for it to be a red line. */
    static final int RED = 2;
    /** The estimated value of a learned red line: next to nothing, so that a package with one ranks below any other. */
    static final double RED_VALUE = 1e-9;
    /**
     * The share of the deadline after which it closes: from the package most parties accepted, it moves the issues the
     * parties still object to. Searching to the end leaves the last rejecting party just short (on the default
     * scenario RU, 0.003 short in the last round, and deals in 86% of NegotiationQuality's random scenarios);
     * closing from 0.75 to 0.95 of the deadline gave 91–94% deals there, 0.85 the most (measured before the closing
     * checked that the mediator can sign its package; with the check, 92% at 0.85), and on the default scenario
     * an NPS that varies with it from 0.18 to 0.62.
     */
    static final double CLOSE = 0.85;

    private Words words;
    private int read;
    private int round = -1;
    private Outcome current;
    private final Set<Outcome> presented = new HashSet<>();
    /** Who accepted each package, in the order first accepted. */
    private final Map<Outcome, Set<String>> acceptances = new LinkedHashMap<>();
    /** Whether the closing has begun. */
    private boolean closing;
    /** The packages the parties' latest words ask for, newest first: where the search starts. */
    private final Deque<Outcome> wishes = new ArrayDeque<>();

    @Override
    public Action act(AgentView v) {
        return switch (v.phase()) {
            case PRESENT -> present(v);
            case PROPOSE, VOTE, RATIFY, OFFER, RESPOND, CONCEDE, ENDED -> throw Moves.unfit(this, v);
        };
    }

    private Action present(AgentView v) {
        if (words == null) {
            words = new Words(v.issues());
        }
        for (NumberedEvent n : v.numberedEvents(read)) {
            read = n.seq();
            if (n.event() instanceof Event.Accepted a) {
                acceptances.computeIfAbsent(a.outcome(), o -> new HashSet<>()).add(a.party());
            }
            words.add(n.event()).ifPresent(wish -> {
                wishes.addFirst(wish);
                if (wishes.size() > STARTS) {
                    wishes.removeLast();
                }
            });
        }
        if (current == null || v.round() != round) {
            round = v.round();
            current = next(v);
            presented.add(current);
        }
        String to = v.counterpart().orElseThrow();
        return new Action.Present(to, current, ObjectionTrader.relayFor(v, to));
    }

    /**
     * The package of this round: while searching, the best fresh one by the model; from {@value #CLOSE} of the
     * deadline on, the package most parties have accepted (the latest of those), then that package reworked as {@link
     * ObjectionTrader#rework} does, when the mediator can sign the result; else the search's package (presenting the
     * package again instead cost a deal in one random scenario of twenty-five).
     */
    private Outcome next(AgentView v) {
        if (current != null && v.time() >= CLOSE) {
            if (!closing) {
                closing = true;
                int most = 0;
                Outcome start = null;
                for (var e : acceptances.entrySet()) {
                    if (e.getValue().size() >= most) {
                        most = e.getValue().size();
                        start = e.getKey();
                    }
                }
                if (start != null) {
                    return start;
                }
            }
            Outcome reworked = ObjectionTrader.rework(v, current, round - 1);
            int[] c = reworked.toArray();
            if (v.utilities().utility(c) >= v.profile().reservation() && !v.utilities().forbids(c)) {
                return reworked;
            }
        }
        return Outcome.of(NashSeeker.bid(v.utilities(), v.profile().reservation(), words.model(), List.copyOf(wishes),
                presented));
    }

    /**
     * A frequency model of the parties from what they said (after the frequency models of {@link OpponentModel}): an
     * option's value is (f + 1) / (f_max + 1), f counting the packages the party accepted with it and the times it
     * asked for it in an objection; an issue's weight is 1 + the times the party objected to it, normalised to sum to
     * 1; a learned red line is worth {@value #RED_VALUE}. Not thread-safe: one per agent.
     */
    static final class Words {
        private final List<Issue> issues;
        /** Per party: [issue][option] how often accepted or asked for. */
        private final Map<String, int[][]> asked = new LinkedHashMap<>();
        /** Per party: [issue] how often objected to. */
        private final Map<String, int[]> objected = new LinkedHashMap<>();
        /** Per party: [issue][option] how often objected to where it stood, or -1 once in a package it accepted. */
        private final Map<String, int[][]> refused = new LinkedHashMap<>();

        Words(List<Issue> issues) {
            this.issues = List.copyOf(issues);
        }

        /**
         * Counts {@code e} when it is a party's answer, returning the package the answer asks for: an accepted package
         * as it stands, a rejected one with each issue objected to at the option asked for.
         */
        Optional<Outcome> add(Event e) {
            if (e instanceof Event.Accepted a) {
                int[] c = a.outcome().toArray();
                for (int i = 0; i < c.length; i++) {
                    counts(asked, a.party())[i][c[i]]++;
                    counts(refused, a.party())[i][c[i]] = -1;
                }
                return Optional.of(a.outcome());
            }
            if (e instanceof Event.Rejected r) {
                int[] c = r.outcome().toArray();
                int[] wish = c.clone();
                int[] o = objected.computeIfAbsent(r.party(), p -> new int[issues.size()]);
                for (int k = 0; k < r.objections().size(); k++) {
                    int i = Issue.indexIn(issues, r.objections().get(k)); // the protocol checked the objection
                    wish[i] = issues.get(i).indexOf(r.toward().get(k));
                    counts(asked, r.party())[i][wish[i]]++;
                    o[i]++;
                    int[] x = counts(refused, r.party())[i];
                    x[c[i]] = x[c[i]] < 0 ? -1 : x[c[i]] + 1;
                }
                return Optional.of(Outcome.of(wish));
            }
            return Optional.empty();
        }

        private int[][] counts(Map<String, int[][]> of, String party) {
            return of.computeIfAbsent(party, p -> issues.stream().map(i -> new int[i.size()]).toArray(int[][]::new));
        }

        /** The model of every party heard so far. */
        OpponentModel model() {
            var values = new LinkedHashMap<String, double[][]>();
            var weights = new LinkedHashMap<String, double[]>();
            asked.forEach((party, f) -> {
                int n = f.length;
                int[] o = objected.getOrDefault(party, new int[n]);
                int[][] x = counts(refused, party);
                double[][] value = new double[n][];
                double[] w = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    int most = Arrays.stream(f[i]).max().orElse(0);
                    value[i] = new double[f[i].length];
                    for (int k = 0; k < f[i].length; k++) {
                        value[i][k] = x[i][k] >= RED ? RED_VALUE : (f[i][k] + 1.0) / (most + 1.0);
                    }
                    w[i] = 1 + o[i];
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] /= sum;
                }
                values.put(party, value);
                weights.put(party, w);
            });
            return new OpponentModel(values, weights);
        }
    }
}
