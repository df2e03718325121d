/**
 * The protocols as pure transitions: the sealed {@code Protocol} (single-text, shuttle, saop, alternating, zeuthen)
 * over sealed per-protocol states, with {@code Action}, {@code Event}, {@code Phase}, {@code SeatRole},
 * {@code Settings}, {@code ProtocolKind} (the one list of protocols) and {@code ProtocolException} (out of turn,
 * illegal move). No randomness lives here, so replaying the actions rebuilds the same states.
 * <p>
 * May import the JDK, the engine's root exceptions, {@code model}, {@code utility} and {@code analysis} (Zeuthen's
 * frontier); never {@code agent} or {@code session}. Every type is immutable and thread-safe and starts no thread.
 */
package dev.parley.engine.protocol;
