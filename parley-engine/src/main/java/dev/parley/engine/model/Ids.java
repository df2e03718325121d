package dev.parley.engine.model;

import java.util.regex.Pattern;

/** The rule every party, issue and option id follows, so that ids can be written in packages such as {@code CF=full-30d}. */
public final class Ids {
    /** Letters, digits, '_', '.', '-'; starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Ids() {
    }

    /** Whether {@code id} matches {@link #PATTERN}; checked character by character (every option of a file has one). */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || !letterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!letterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " id '" + id + "' must match " + PATTERN.pattern());
        }
        return id;
    }
}
