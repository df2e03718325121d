/**
 * Parley's JSON on the wire, in one place: {@code Json} (a private mapper with read limits), {@code Fields} (strict
 * objects that name the field at fault), {@code PackageJson}, {@code ActionJson}, {@code EventJson},
 * {@code SettingsJson}, {@code TranscriptJson} ({@code parley-transcript/1}), {@code AnalysisJson} and
 * {@code SeatView}; docs/transcript.md and docs/api.md describe the documents.
 * <p>
 * May import the engine, {@code dev.parley.scenario} (to embed and read scenarios) and Jackson; never the store, the
 * server or the CLI. Every class is stateless or immutable and thread-safe, except {@code Fields}: one per object.
 */
package dev.parley.scenario.wire;
