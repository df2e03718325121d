package dev.parley.scenario;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Option;
import dev.parley.engine.model.Party;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the checks of the profiles and the protocol know of the parties and issues read before them, even when some
 * of those failed to bind: so that a broken party or issue suppresses only the checks that truly depend on it.
 */
final class Shapes {
    private Shapes() {
    }

    /**
     * An issue as far as it was read: its id, and its options' ids in order ({@code null} where one could not be
     * read or repeats an earlier one); {@code options} is null when the issue's option list itself is unreadable.
     */
    static final class IssueShape {
        private final String id;
        private final List<String> options;
        /** Each option id's (first) position, so that every red line, value and demand finds its option at once. */
        private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

        IssueShape(String id, List<String> options) {
            this.id = id;
            this.options = options == null ? null : Collections.unmodifiableList(new ArrayList<>(options));
            for (int k = 0; options != null && k < options.size(); k++) {
                if (options.get(k) != null) {
                    positions.putIfAbsent(options.get(k), k);
                }
            }
        }

        String id() {
            return id;
        }

        List<String> options() {
            return options;
        }

        static IssueShape of(Issue issue) {
            return new IssueShape(issue.id(), issue.options().stream().map(Option::id).toList());
        }

        /** Whether every option's id is known, so that an unknown name is surely a mistake. */
        boolean optionsKnown() {
            return options != null && !options.contains(null);
        }

        int indexOf(String option) {
            if (options == null) {
                return -1;
            }
            return option == null ? options.indexOf(null) : positions.getOrDefault(option, -1);
        }

        /** "no option 'x' in issue CF (did you mean ...?) (options: ...)"; an unreadable option shows as '?'. */
        String noOption(String option) {
            List<String> known = options.stream().filter(java.util.Objects::nonNull).toList();
            return "no option '" + option + "' in issue " + id + Checks.suggestion(option, known) + " (options: "
                    + String.join(", ", options.stream().map(o -> o == null ? "?" : o).toList()) + ")";
        }

        /**
         * The options {@code named} (read from {@code node}, at {@code path}) as flags over this issue's options, when
         * each is one of them and named once; else empty, with a problem recorded for each that is not (an unknown
         * name only when the options are all known).
         */
        java.util.Optional<boolean[]> named(Checks c, Node node, String path, List<String> named) {
            List<Node> items = node instanceof Node.ListNode l ? l.items() : List.of(node);
            boolean[] flags = new boolean[options == null ? 0 : options.size()];
            boolean ok = options != null;
            for (int k = 0; k < named.size(); k++) {
                String o = named.get(k);
                int at = indexOf(o);
                String where = node instanceof Node.ListNode ? Checks.index(path, k) : path;
                if (at < 0) {
                    if (optionsKnown()) {
                        c.add(items.get(k), where, noOption(o));
                    }
                    ok = false;
                } else if (flags[at]) {
                    c.add(items.get(k), where, "'" + o + "' is named twice");
                    ok = false;
                } else {
                    flags[at] = true;
                }
            }
            return ok ? java.util.Optional.of(flags) : java.util.Optional.empty();
        }
    }

    /**
     * The issues read: {@code shapes} holds every issue whose id was read (the first of any repeated id), in file
     * order; {@code idsKnown} says whether every issue's id was read, so that a name matching none is surely a
     * mistake; {@code bound} holds the issues when every one bound, else null (no profile is then built).
     */
    record Issues(List<IssueShape> shapes, boolean idsKnown, List<Issue> bound) {
        static Issues of(List<Issue> issues) {
            return new Issues(issues.stream().map(IssueShape::of).toList(), true, issues);
        }

        int indexOf(String id) {
            for (int i = 0; i < shapes.size(); i++) {
                if (shapes.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        List<String> ids() {
            return shapes.stream().map(IssueShape::id).toList();
        }

        /** Whether {@code id} surely names no issue: it matches none, and every issue's id is known. */
        boolean surelyUnknown(String id) {
            return idsKnown && indexOf(id) < 0;
        }

        /** "no issue 'x' (did you mean ...?) (issues: ...)". */
        String noIssue(String id) {
            return "no issue '" + id + "'" + Checks.suggestion(id, ids()) + " (issues: " + String.join(", ", ids())
                    + ")";
        }
    }

    /**
     * The parties read: {@code ids} of every party whose id was read, {@code idsKnown} whether that is every party,
     * and the parties that bound (whose role is therefore known).
     */
    record Parties(Set<String> ids, boolean idsKnown, List<Party> bound) {
        Parties {
            ids = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(ids));
            bound = List.copyOf(bound);
        }

        /** Whether {@code id} surely names no party: it matches none, and every party's id is known. */
        boolean surelyUnknown(String id) {
            return idsKnown && !ids.contains(id);
        }

        /** "no party 'x' (did you mean ...?) (parties: ...)". */
        String noParty(String id) {
            return "no party '" + id + "'" + Checks.suggestion(id, ids) + " (parties: " + String.join(", ", ids) + ")";
        }
    }
}
