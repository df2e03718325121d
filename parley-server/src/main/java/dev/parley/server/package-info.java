/**
 * The HTTP/JSON API and WebSocket ({@code ParleyServer} on Javalin, the console's routes in {@code ConsoleApi}) over
 * {@code Negotiations}, which keeps up to 1,000 negotiations in memory (idle ones evicted, rebuilt from the store's
 * log) as {@code LiveNegotiation}s, each owning its session, seats and listeners. Errors map by type to one shape.
 * <p>
 * May import the engine, {@code dev.parley.scenario} and its {@code wire}, the store, Javalin and Jackson; never the
 * CLI. Thread-safe: one {@code ReentrantLock} per negotiation, each move committed to the store under it; the
 * analysis runs outside it; each live connection sends from its own virtual thread, dropped 1,024 batches behind.
 */
package dev.parley.server;
