/**
 * The one driver of every protocol: {@code Session} checks a move (the transition, and a relay's link to an earlier
 * event), records it in a {@code Journal} before it takes effect, applies it, builds each seat's view, lets seated
 * agents act and replays recorded moves; {@code Move} is one numbered move with its events; {@code Seating} fills the
 * seats and splits the seed into one random stream per seat.
 * <p>
 * The top of the engine: may import every engine package, {@code protocol} and {@code agent} included; no engine
 * package imports it. A {@code Session} is not thread-safe (its owner serialises access) and starts no thread.
 */
package dev.parley.engine.session;
