/**
 * Forecasts under uncertainty: Monte Carlo over the spread of the profiles ({@code Uncertainty}), each draw run
 * through a protocol and the exact analysis ({@link dev.parley.engine.forecast.Forecast}), summarised with 95%
 * intervals ({@link dev.parley.engine.forecast.Summary}). Deterministic for a seed; parallel through the caller's
 * executor.
 */
package dev.parley.engine.forecast;
