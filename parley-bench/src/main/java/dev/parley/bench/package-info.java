/**
 * Benchmarks, never shipped: JMH benchmarks of utility evaluation, analysis (ceasefire-2025, random spaces, a
 * frontier of 10^20 outcomes) and protocols, each stating in its Javadoc what it measures and its target; and
 * {@code ServerLoad}, which drives live negotiations through the HTTP API and WebSocket, on loopback only.
 * <p>
 * May import every Parley module, JMH, Jackson and the JDK's HTTP client; nothing imports it. JMH state is held
 * per benchmark ({@code Scope.Benchmark}) and built in setup unless the Javadoc says the measurement includes it;
 * {@code ServerLoad} runs one client thread per negotiation.
 */
package dev.parley.bench;
