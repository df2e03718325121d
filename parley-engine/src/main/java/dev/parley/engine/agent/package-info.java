/**
 * The agents that fill seats: {@code Agents}, the catalogue of names, parameters and the seat roles each fits (an
 * unfit agent is refused); one class per behaviour, each an exhaustive switch over {@code Phase}; and
 * {@code AgentView}, all a seat may see: its own profile, the public scenario, the clock and its visible events.
 * <p>
 * May import the JDK, the engine's root exceptions, {@code model}, {@code utility}, {@code analysis} and
 * {@code protocol}; never {@code session}. An agent may keep state (its seat's random stream): one per seat, used by
 * the one session that drives it. The catalogue is stateless and thread-safe; a view is valid until the next move.
 */
package dev.parley.engine.agent;
