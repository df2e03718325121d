/**
 * Utilities compiled for hot loops: {@code UtilityTable} flattens a profile into one {@code double[]} of cells
 * w_i · v_i(k) and a parallel array of red lines, so a package's utility is one cell per issue summed, with nothing
 * allocated; it also gives a party's best option per issue and best package.
 * <p>
 * Imports the JDK and {@code dev.parley.engine.model} only (model ← utility ← analysis); no third-party code.
 * Tables are immutable and thread-safe: build one per party and profile, and share it.
 */
package dev.parley.engine.utility;
