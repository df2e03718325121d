package dev.parley.engine.monitor;

import dev.parley.engine.InvalidInput;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one claimant asserted about an incident, when, and through which channel. Claims are never overwritten: a
 * claimant who says something else later makes another claim. Immutable.
 *
 * @param id unique in the ledger; an imported row's id is a digest of the row, so importing it again adds nothing
 * @param incident the incident it is about
 * @param claimant who claims it (a party, e.g. {@code UA}, or a source such as {@code ACLED})
 * @param channel how it was said (the Air Force's daily report, a ministry statement, a data set)
 * @param source a link or reference to the statement, if any
 * @param statedAt when it was said (an imported row without a statement time: the end of the span it reports)
 * @param sources how many independent sources the claimant relied on, where it says (UCDP's
 *     {@code number_of_sources})
 */
public record Claim(String id, String incident, String claimant, String channel, Optional<String> source,
        Instant statedAt, Optional<Integer> sources, Facts facts) implements MonitorEntry {
    public Claim {
        MonitorEntry.requireId("claim", id);
        MonitorEntry.requireId("incident", incident);
        MonitorEntry.requireId("claimant", claimant);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statedAt, "statedAt");
        Objects.requireNonNull(sources, "sources");
        if (sources.filter(n -> n < 0).isPresent()) {
            throw new InvalidInput("sources", "a number of sources cannot be negative");
        }
        Objects.requireNonNull(facts, "facts");
    }

    /** Whether the claimant admits it did it (Airwars keeps harm conceded by a belligerent apart from harm alleged). */
    public boolean concession() {
        return facts.perpetrator().filter(claimant::equals).isPresent();
    }
}
