/**
 * Ceasefire monitoring: incidents and the claims made about them, monitors' observations and assessments, the clauses
 * of an agreed package, and the checks and figures a monitoring mission reports. A {@link Ledger} folds the entries
 * ({@link Claim}, {@link Observation}, {@link Assessment}, {@link ClauseSet}) in the order recorded and never changes
 * one; {@link Violation#check} and {@link Dashboard#of} read it. The taxonomy and the practice it follows (ACLED, UCDP
 * GED, the OSCE SMM, Airwars, Ushahidi) are described in {@code docs/monitoring.md}. No I/O and no third-party code:
 * reading files and storing entries live in {@code parley-scenario} and {@code parley-store}.
 */
package dev.parley.engine.monitor;
