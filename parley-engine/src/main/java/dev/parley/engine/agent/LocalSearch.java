package dev.parley.engine.agent;

import dev.parley.engine.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A mediator's hill-climbing over texts without seeing anyone's utilities: it proposes each neighbour of the current
 * text once, in random order, until one is adopted, then starts over from the new text. Neighbours move one issue by
 * one option, or two issues by one option in opposite directions (a trade: options are ordered, so this gives one
 * side something on one issue for something on another). When every neighbour has been rejected the text is a local
 * optimum for the voters and the search is done. Not thread-safe.
 */
final class LocalSearch {
    private final RandomGenerator random;
    private Outcome base;
    private List<Outcome> queue = List.of();
    private int next;

    LocalSearch(RandomGenerator random) {
        this.random = random;
    }

    /** The next neighbour of {@code text} not yet proposed since it became the text, or null when none is left. */
    Outcome next(Outcome text, int[] radices) {
        if (!text.equals(base)) {
            base = text;
            queue = neighbours(text, radices);
            next = 0;
        }
        return next < queue.size() ? queue.get(next++) : null;
    }

    /** Every text one issue-step or one two-issue trade away from {@code text}, in a fixed order. */
    static List<Outcome> neighboursOf(Outcome text, int[] radices) {
        int[] c = text.toArray();
        var out = new ArrayList<Outcome>();
        for (int i = 0; i < c.length; i++) {
            for (int step : new int[]{-1, 1}) {
                if (c[i] + step >= 0 && c[i] + step < radices[i]) {
                    int[] n = c.clone();
                    n[i] += step;
                    out.add(Outcome.of(n));
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            for (int j = i + 1; j < c.length; j++) {
                for (int step : new int[]{-1, 1}) {
                    if (c[i] + step >= 0 && c[i] + step < radices[i] && c[j] - step >= 0 && c[j] - step < radices[j]) {
                        int[] n = c.clone();
                        n[i] += step;
                        n[j] -= step;
                        out.add(Outcome.of(n));
                    }
                }
            }
        }
        return out;
    }

    private List<Outcome> neighbours(Outcome text, int[] radices) {
        List<Outcome> out = new ArrayList<>(neighboursOf(text, radices));
        for (int k = out.size() - 1; k > 0; k--) { // Fisher-Yates, from the seat's seeded generator
            int r = random.nextInt(k + 1);
            Outcome t = out.get(k);
            out.set(k, out.get(r));
            out.set(r, t);
        }
        return out;
    }
}
