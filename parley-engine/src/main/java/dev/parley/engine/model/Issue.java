package dev.parley.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** One question on the table with its ordered options (at least two, ids unique). Immutable. */
public record Issue(String id, String name, List<Option> options) {
    public Issue {
        Ids.require(id, "issue");
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
        if (options.size() < 2) {
            throw new IllegalArgumentException("issue " + id + " needs at least 2 options");
        }
        var seen = new HashSet<String>();
        for (Option o : options) {
            if (!seen.add(o.id())) {
                throw new IllegalArgumentException("issue " + id + " has option " + o.id() + " twice");
            }
        }
    }

    /** The position of the issue with id {@code id} in {@code issues}, or -1: the one issue lookup. */
    public static int indexIn(List<Issue> issues, String id) {
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return options.size();
    }

    /** The position of the option with this id, or -1. */
    public int indexOf(String optionId) {
        for (int k = 0; k < options.size(); k++) {
            if (options.get(k).id().equals(optionId)) {
                return k;
            }
        }
        return -1;
    }

    public Option option(int k) {
        return options.get(k);
    }
}
