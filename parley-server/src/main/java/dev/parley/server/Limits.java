package dev.parley.server;

import java.time.Duration;

/**
 * What the server allows each negotiation, seat and caller, so that no request and no negotiation grows without
 * bound. Each limit reached is refused with a clear error (409 for a negotiation's or seat's limit, 429 for a rate).
 * Immutable.
 *
 * @param analysisBudget the time one analysis may take (the mediator's analysis, the zone picture, the pair
 *     frontier); past it the analysis answers with notes saying what was not computed
 * @param maxRounds the longest deadline a served negotiation may have
 * @param maxEntries the most entries one negotiation's log may hold (moves, shares, profile changes)
 * @param maxProfileEdits how often one party may replace its profile before the talks begin
 * @param maxMessages how many messages one seat may send (shuttle)
 * @param maxSubscriptions how many live connections one seat may hold at once
 * @param maxRefusedPerMinute how many refused moves one seat may make in a minute before the next is not even tried
 * @param maxPublicPerMinute how many requests to the public routes ({@code /api/validate}) one address may make in a
 *     minute
 */
public record Limits(Duration analysisBudget, int maxRounds, int maxEntries, int maxProfileEdits, int maxMessages,
        int maxSubscriptions, int maxRefusedPerMinute, int maxPublicPerMinute) {
    /** 10 s of analysis, 10,000 rounds, 200,000 entries, 20 profile edits, 500 messages, 4 connections, 20 refused moves and 60 public requests a minute. */
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(10), 10_000, 200_000, 20, 500, 4, 20, 60);

    public Limits withAnalysisBudget(Duration d) {
        return new Limits(d, maxRounds, maxEntries, maxProfileEdits, maxMessages, maxSubscriptions,
                maxRefusedPerMinute, maxPublicPerMinute);
    }

    public Limits withMaxPublicPerMinute(int n) {
        return new Limits(analysisBudget, maxRounds, maxEntries, maxProfileEdits, maxMessages, maxSubscriptions,
                maxRefusedPerMinute, n);
    }

    public Limits withMaxRefusedPerMinute(int n) {
        return new Limits(analysisBudget, maxRounds, maxEntries, maxProfileEdits, maxMessages, maxSubscriptions, n,
                maxPublicPerMinute);
    }
}
