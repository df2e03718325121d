package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;

/**
 * One entry of a monitoring ledger, in the order it was recorded: a claim, an observation, an assessment, or the
 * clauses in force. The ledger is a fold over its entries ({@link Ledger}); nothing recorded is changed afterwards.
 */
public sealed interface MonitorEntry permits Claim, Observation, Assessment, ClauseSet {
    /** An identifier: letters, digits and {@code . _ : -}, 1 to 128 of them. */
    static String requireId(String field, String id) {
        if (id == null || !Ids.ID.matcher(id).matches()) {
            throw new InvalidInput(field, field + " must be 1 to 128 letters, digits, '.', '_', ':' or '-' "
                    + "starting with a letter or digit, not '" + id + "'");
        }
        return id;
    }
}
