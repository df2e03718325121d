/**
 * GENIUS XML interop: {@code GeniusImport} reads a domain file and its profile files into a scenario, noting each
 * approximation and locating each problem by file and line; {@code GeniusExport} writes a domain file and one
 * profile file per party, and says what GENIUS cannot hold (red lines). XML is parsed with DOCTYPE refused, so no
 * external entity or entity expansion is ever processed.
 * <p>
 * Imports the JDK's XML parser, the engine model, and {@code Problem} and {@code ScenarioException} of
 * {@code dev.parley.scenario} only. Import and export are stateless; the readers behind them are one per import.
 */
package dev.parley.scenario.genius;
