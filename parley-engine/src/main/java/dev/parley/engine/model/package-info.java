/**
 * The negotiation as values: {@code Scenario}, {@code Party} and {@code Role}, {@code Issue} and {@code Option},
 * each party's private {@code Profile}, the {@code ProtocolDefaults}, and the {@code OutcomeSpace}, which numbers
 * every package (one option per issue) as a mixed-radix index; {@code Outcome} holds a package at API boundaries.
 * <p>
 * Imports the JDK only: no third-party code and no other engine package (model ← utility ← analysis). Every type
 * is immutable and thread-safe; constructors re-check the invariants the engine relies on and throw
 * {@code IllegalArgumentException}, while validation with file positions belongs to {@code dev.parley.scenario}.
 */
package dev.parley.engine.model;
