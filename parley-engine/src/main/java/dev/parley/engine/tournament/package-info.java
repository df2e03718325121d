/**
 * Tournaments: many sessions — scenarios × protocols × the agents over the principals' seats × mediators ×
 * repetitions ({@link dev.parley.engine.tournament.Tournament}) — played and scored by a
 * {@link dev.parley.engine.tournament.Referee} (advantage, NPS, distances to the frontier and the Nash package,
 * welfare, victory index), each session seeded from its coordinates, and summed up in
 * {@link dev.parley.engine.tournament.Standings} with intervals and rank-sum tests. Parallel through the caller's
 * executor; the engine starts no threads.
 */
package dev.parley.engine.tournament;
