package dev.parley.engine.monitor;

import java.util.regex.Pattern;

/** The pattern of the ledger's ids, compiled once: it is checked for every entry made or read. */
final class Ids {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Ids() {
    }

    /**
     * The constant of {@code values} whose name ({@code name}) is {@code id}, in any case and trimmed.
     *
     * @throws InvalidInput naming {@code field} and every name there is
     */
    static <E> E named(String field, String id, E[] values, java.util.function.Function<E, String> name,
            String what) {
        String key = id.trim().toLowerCase(java.util.Locale.ROOT);
        for (E v : values) {
            if (name.apply(v).equals(key)) {
                return v;
            }
        }
        throw new dev.parley.engine.InvalidInput(field, "unknown " + what + " '" + id + "'; it is one of "
                + java.util.Arrays.stream(values).map(name).collect(java.util.stream.Collectors.joining(", ")));
    }
}
