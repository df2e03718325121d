package dev.parley.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A parsed document that remembers where every value and key stood, so each problem can name its line and column.
 * The same tree comes from YAML and from JSON.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
    int line();

    int column();

    /** How the node reads in a message: "a mapping", "a list", "a string"... */
    String kind();

    record Entry(String key, int line, int column, Node value) {
    }

    /** A mapping; {@code merged} when it had a YAML merge key, refused, that may have supplied keys it lacks. */
    record MapNode(int line, int column, List<Entry> entries, boolean merged) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        MapNode(int line, int column, List<Entry> entries) {
            this(line, column, entries, false);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(int line, int column, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    enum ScalarType {
        STRING("a string"), NUMBER("a number"), BOOLEAN("true/false"), NULL("nothing (null)"),
        /** A value the reader refused, with its problem already recorded: no check reports it again. */
        REFUSED("a refused value");

        final String kind;

        ScalarType(String kind) {
            this.kind = kind;
        }
    }

    /** A leaf. {@code number} is meaningful for NUMBER, {@code text} always holds the source text. */
    record ScalarNode(int line, int column, ScalarType type, String text, double number) implements Node {
        static ScalarNode refused(int line, int column) {
            return new ScalarNode(line, column, ScalarType.REFUSED, "", Double.NaN);
        }

        @Override
        public String kind() {
            return type.kind;
        }
    }
}
