package dev.parley.engine.model;

import java.util.regex.Pattern;

/** The rule every party, issue and option id follows, so that ids can be written in packages such as {@code CF=full-30d}. */
public final class Ids {
    /** Letters, digits, '_', '.', '-'; starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " id '" + id + "' must match " + PATTERN.pattern());
        }
        return id;
    }
}
