/**
 * The {@code parley/1} scenario format (docs/format.md): {@code ScenarioReader} reads YAML or JSON into engine
 * types and either returns a whole scenario or reports every {@code Problem} at once; {@code ScenarioWriter} writes
 * it back; {@code BuiltinScenarios} holds the scenarios that ship. The wire formats (transcripts, actions, events,
 * settings, the analysis, views) live in the {@code wire} package beside it.
 * <p>
 * Imports the engine and Jackson (core, databind, YAML over SnakeYAML); never the store, server or CLI. The public
 * entry points are stateless and thread-safe (built-ins are cached); the binders and checks behind them are one
 * instance per file, never shared.
 */
package dev.parley.scenario;
