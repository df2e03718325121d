package dev.parley.engine.agent;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.protocol.Action;
import java.util.random.RandomGenerator;

/**
 * A single-text mediator that hill-climbs over texts without seeing anyone's utilities ({@link LocalSearch}): it
 * proposes each neighbour of the text once, in random order, and when every neighbour has been rejected it ends the
 * talks and calls the final vote. When it ratifies it supports its own proposals while they reach its reservation.
 * Not thread-safe: one per seat.
 */
final class HillClimbMediator extends TextMediator {
    private final LocalSearch search;

    HillClimbMediator(RandomGenerator random) {
        this.search = new LocalSearch(random);
    }

    /** The next neighbour of the text, or the end of the talks when none is left. */
    @Override
    Action propose(AgentView v) {
        int[] radices = v.issues().stream().mapToInt(Issue::size).toArray();
        Outcome proposal = search.next(v.currentText().orElseThrow(), radices);
        return proposal == null
                ? new Action.End("every change next to the text was rejected: it is as good as "
                        + "single steps and trades can make it")
                : new Action.Propose(proposal);
    }
}
