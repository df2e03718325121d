/**
 * Exact analysis ({@code Analyzer}): the agreement zone and its size, the Pareto frontier built issue by issue (never
 * by enumerating the outcome space), the solutions {@code nash}, {@code kalaiSmorodinsky}, {@code egalitarian} and
 * {@code utilitarian}, near misses, the smallest relaxations that open an empty zone, blocking demands, a check of
 * every stated demand (can it be part of a deal, at what cost), a package's assessment with its lopsidedness flags
 * (on shares and on substance: the stated demands it grants, the mediator's gain, the principals' allies), and the gap
 * between the principals ({@code Picture}). Utilities are summed as whole ticks of 10^-12, so ties stay exact.
 * <p>
 * Imports the JDK, the engine's root exceptions, {@code model} and {@code utility} only (model ← utility ← analysis);
 * no third-party code, nothing from protocol or agent. Results are immutable and thread-safe; {@code Analyzer} is
 * stateless, starts no threads, and runs its parallel parts on the caller's executor.
 */
package dev.parley.engine.analysis;
