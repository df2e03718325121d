/**
 * The story of a session as people read it: the rounds where something changed, each party's utility, the gap and
 * the distance to acceptance, the result beside the fair packages, as text, JSON and CSV
 * ({@link dev.parley.scenario.report.Story}); and how numbers and tables read in text
 * ({@link dev.parley.scenario.report.Text}, {@link dev.parley.scenario.report.TextTable}). Shared by the command
 * line's {@code run} and the server's debrief, whose page (with the console's charts) the server draws.
 */
package dev.parley.scenario.report;
