/**
 * The story of a session as people read it: the rounds where something changed, each party's utility, the gap and
 * the distance to acceptance, the result beside the fair packages, as text, JSON, CSV and a self-contained HTML page
 * ({@link dev.parley.scenario.report.Story}, {@link dev.parley.scenario.report.StoryReport}); and how numbers and tables
 * read in text ({@link dev.parley.scenario.report.Text}, {@link dev.parley.scenario.report.TextTable}). Shared by the
 * command line's {@code run} and the server's debrief.
 */
package dev.parley.scenario.report;
