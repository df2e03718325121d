package dev.parley.scenario;

import dev.parley.engine.ParleyException;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be used, with every problem found in it (never only the first). */
public final class ScenarioException extends ParleyException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order where positions are known. */
    public List<Problem> problems() {
        return problems;
    }
}
