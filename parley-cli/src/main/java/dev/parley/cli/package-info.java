/**
 * The {@code parley} command line (picocli): {@code run}, {@code replay}, {@code analyze}, {@code scenarios},
 * {@code show}, {@code validate}, {@code import}, {@code export}, {@code serve} and {@code audit}, with their text,
 * JSON and {@code report.html} output. {@code Main} is the only {@code main} and the only {@code System.exit}; exit
 * codes are 0 ok, 1 internal error, 2 usage error, 3 invalid scenario.
 * <p>
 * The top of the graph: may import every Parley module, picocli, Jackson, XChart and progressbar; nothing imports
 * it. One command runs per process; {@code analyze} runs the analysis on a pool it owns and shuts down; exports,
 * imports, transcripts and reports are written beside their target, then moved into place, never left half-written.
 */
package dev.parley.cli;
