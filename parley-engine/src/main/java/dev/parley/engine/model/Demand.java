package dev.parley.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A party's stated demand: public, unlike its profile. Named, and satisfied by a package that takes, on every issue it
 * names, one of the options it lists (all of its issues at once). Immutable.
 *
 * @param id short id, unique among the party's demands, e.g. {@code aid-halt}
 * @param label what the party has said, e.g. "Halt to western military aid"
 * @param satisfiedBy issue id → the option ids that satisfy the demand on it, in the order given
 */
public record Demand(String id, String label, Map<String, List<String>> satisfiedBy) {
    public Demand {
        Ids.require(id, "demand");
        Objects.requireNonNull(label, "label");
        var copy = new LinkedHashMap<String, List<String>>();
        satisfiedBy.forEach((issue, options) -> copy.put(issue, List.copyOf(options)));
        if (copy.isEmpty() || copy.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("demand " + id + " needs at least one issue, each with an option");
        }
        satisfiedBy = Collections.unmodifiableMap(copy);
    }

    /**
     * The demand over these issues, by index: for each issue it names, which options satisfy it.
     *
     * @throws IllegalArgumentException naming an issue or option the scenario does not have
     */
    public Mask mask(List<Issue> issues) {
        var positions = new ArrayList<Integer>();
        var allowed = new ArrayList<boolean[]>();
        satisfiedBy.forEach((issueId, options) -> {
            int i = indexOf(issues, issueId);
            Issue issue = issues.get(i);
            boolean[] ok = new boolean[issue.size()];
            for (String o : options) {
                int k = issue.indexOf(o);
                if (k < 0) {
                    throw new IllegalArgumentException("demand " + id + ": no option " + o + " in issue " + issueId);
                }
                ok[k] = true;
            }
            positions.add(i);
            allowed.add(ok);
        });
        return new Mask(positions.stream().mapToInt(Integer::intValue).toArray(), allowed.toArray(boolean[][]::new));
    }

    private int indexOf(List<Issue> issues, String issueId) {
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).id().equals(issueId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("demand " + id + ": no issue " + issueId);
    }

    /**
     * A demand resolved against the issues: {@code allowed[j][k]} says whether option {@code k} of issue
     * {@code issues[j]} satisfies it. Treat as immutable.
     */
    public record Mask(int[] issues, boolean[][] allowed) {
        /** Whether the package (one option index per issue) grants the demand. */
        public boolean grantedBy(int[] choice) {
            for (int j = 0; j < issues.length; j++) {
                if (!allowed[j][choice[issues[j]]]) {
                    return false;
                }
            }
            return true;
        }
    }
}
