package dev.parley.engine.monitor;

import java.util.regex.Pattern;

/** The pattern of the ledger's ids, compiled once: it is checked for every entry made or read. */
final class Ids {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Ids() {
    }
}
