package dev.parley.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.InvalidInput;
import dev.parley.engine.monitor.Assessment.Aspect;
import dev.parley.engine.monitor.Assessment.Grading;
import dev.parley.engine.monitor.Assessment.Status;
import dev.parley.engine.monitor.Casualties.Group;
import dev.parley.engine.monitor.Casualties.Harm;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTest {
    static final Instant T = Instant.parse("2025-03-19T02:00:00Z");

    static Claim claim(String id, String incident, String claimant, Optional<String> perpetrator, long killed) {
        Facts f = Facts.at(T, T.plusSeconds(3600), TimePrecision.HOUR).withType(IncidentType.AIR_OR_DRONE_STRIKE,
                Optional.of("drone")).withCasualties(
                        Casualties.NONE.with(Group.CIVILIAN, Harm.KILLED, Estimate.exactly(
                                killed)));
        if (perpetrator.isPresent()) {
            f = f.withPerpetrator(perpetrator.get());
        }
        return new Claim(id, incident, claimant, "statement", Optional.empty(), T.plusSeconds(7200), Optional.empty(),
                f);
    }

    static Assessment assess(String id, String incident, Aspect aspect, Status status, Optional<String> party,
            boolean draft) {
        return new Assessment(id, incident, aspect, status, party.isPresent()
                ? Optional.of(Grading.FAIR)
                : Optional.empty(), party, "osce", T.plusSeconds(9000), "because", draft);
    }

    static Observation seen(String id, String incident) {
        return new Observation(id, incident, "team-3", T.plusSeconds(1800), Optional.of("Odesa"), Optional.of("SE"),
                "explosions");
    }

    @Test
    void add_theSameClaimTwice_recordsItOnce() {
        var ledger = new Ledger();
        assertThat(ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 2))).isTrue();
        assertThat(ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 2))).isFalse();
        assertThat(ledger.incident("i1").orElseThrow().claims()).hasSize(1);
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void add_anotherClaimUnderATakenId_isRefusedAndTheFirstStands() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 2));
        assertThatThrownBy(() -> ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 3))).isInstanceOf(
                InvalidInput.class).hasMessageContaining("never overwritten");
        assertThat(ledger.incident("i1").orElseThrow().harm(Harm.KILLED)).contains(Estimate.exactly(2));
    }

    @Test
    void claimsOfBothSides_areKeptApart_andTheHarmIsTheirRange() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 5));
        ledger.add(claim("c2", "i1", "RU", Optional.of("UA"), 1));
        Incident i = ledger.incident("i1").orElseThrow();
        assertThat(i.claims()).extracting(Claim::claimant).containsExactly("UA", "RU");
        assertThat(i.alleged()).containsExactly("RU", "UA");
        assertThat(i.strikeStatus()).isEqualTo(Incident.StrikeStatus.CONTESTED);
        assertThat(i.harm(Harm.KILLED)).contains(new Estimate(1, 1, 5)); // best: the most conservative
        assertThat(i.conceded(Harm.KILLED)).isEmpty();
    }

    @Test
    void aClaimantNamingItself_isAConcession_keptApart() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 5));
        ledger.add(claim("c2", "i1", "RU", Optional.of("RU"), 2));
        Incident i = ledger.incident("i1").orElseThrow();
        assertThat(i.strikeStatus()).isEqualTo(Incident.StrikeStatus.DECLARED);
        assertThat(i.conceded(Harm.KILLED)).contains(Estimate.exactly(2));
        assertThat(i.harm(Harm.KILLED)).contains(new Estimate(2, 2, 5));
    }

    @Test
    void corroborated_needsASecondSourceOrAnObservation() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        assertThatThrownBy(() -> ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.CORROBORATED, Optional
                .empty(), false))).hasMessageContaining("second, independent source");
        ledger.add(claim("c2", "i1", "ACLED", Optional.of("RU"), 0));
        assertThat(ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.CORROBORATED, Optional.empty(), false)))
                .isTrue();
        assertThat(ledger.incident("i1").orElseThrow().status(Aspect.OCCURRENCE)).isEqualTo(Status.CORROBORATED);
    }

    @Test
    void verified_needsAnObservation_evenWithManyClaimants() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        ledger.add(claim("c2", "i1", "ACLED", Optional.of("RU"), 0));
        assertThatThrownBy(() -> ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(),
                false))).hasMessageContaining("observation");
        ledger.add(seen("o1", "i1"));
        ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), false));
        assertThat(ledger.incident("i1").orElseThrow().verified()).isTrue();
    }

    @Test
    void attribution_isJudgedApart_andVerifiedOnlyAfterOccurrence() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        ledger.add(seen("o1", "i1"));
        assertThatThrownBy(() -> ledger.add(assess("a1", "i1", Aspect.ATTRIBUTION, Status.VERIFIED, Optional.of("RU"),
                false))).hasMessageContaining("before verifying who did it");
        ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), false));
        ledger.add(assess("a2", "i1", Aspect.ATTRIBUTION, Status.VERIFIED, Optional.of("RU"), false));
        Incident i = ledger.incident("i1").orElseThrow();
        assertThat(i.verifiedPerpetrator()).contains("RU");
        assertThat(i.status(Aspect.OCCURRENCE)).isEqualTo(Status.VERIFIED);
    }

    @Test
    void drafts_changeNoStatus_butStayInTheHistory() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.DISPUTED, Optional.empty(), false));
        ledger.add(assess("a2", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), true)); // no observation:
        // a draft may say what the monitor is still weighing
        ledger.add(assess("a3", "i1", Aspect.OCCURRENCE, Status.REFUTED, Optional.empty(), false));
        Incident i = ledger.incident("i1").orElseThrow();
        assertThat(i.status(Aspect.OCCURRENCE)).isEqualTo(Status.REFUTED);
        assertThat(i.assessments()).extracting(Assessment::id).containsExactly("a1", "a2", "a3");
        ledger.add(assess("a4", "i1", Aspect.OCCURRENCE, Status.UNVERIFIABLE, Optional.empty(), true));
        assertThat(i.status(Aspect.OCCURRENCE)).isEqualTo(Status.REFUTED);
    }

    @Test
    void observationsAndAssessments_ofAnUnknownIncident_areRefused() {
        var ledger = new Ledger();
        assertThatThrownBy(() -> ledger.add(seen("o1", "nope"))).hasMessageContaining("no incident nope");
        assertThatThrownBy(() -> ledger.add(assess("a1", "nope", Aspect.OCCURRENCE, Status.DISPUTED, Optional.empty(),
                false))).hasMessageContaining("no incident nope");
    }

    @Test
    void anAttribution_namesAParty_andAnOccurrence_none() {
        assertThatThrownBy(() -> assess("a", "i", Aspect.ATTRIBUTION, Status.DISPUTED, Optional.empty(), false))
                .hasMessageContaining("names the party");
        assertThatThrownBy(() -> new Assessment("a", "i", Aspect.OCCURRENCE, Status.DISPUTED, Optional.empty(),
                Optional.of("RU"), "osce", T, "r", false)).hasMessageContaining("assess the attribution apart");
    }

    @Test
    void facts_refuseMoreDestroyedThanLaunched() {
        Facts f = Facts.at(T, T, TimePrecision.DAY);
        assertThatThrownBy(() -> f.withQuantities(Optional.of(Estimate.exactly(10)), Optional.of(Estimate.exactly(8)),
                Optional.of(Estimate.exactly(3)), Optional.empty())).hasMessageContaining("than launched");
        assertThat(f.withQuantities(Optional.of(Estimate.exactly(10)), Optional.of(Estimate.exactly(7)), Optional.of(
                Estimate.exactly(3)), Optional.empty()).launched()).contains(Estimate.exactly(10));
    }

    @Test
    void estimate_readsTheThreeForms() {
        assertThat(Estimate.parse("k", "4")).isEqualTo(new Estimate(4, 4, 4));
        assertThat(Estimate.parse("k", "2-9")).isEqualTo(new Estimate(2, 2, 9));
        assertThat(Estimate.parse("k", "2-5-9")).isEqualTo(new Estimate(2, 5, 9));
        assertThatThrownBy(() -> Estimate.parse("k", "5-2")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Estimate.parse("k", "many")).hasMessageContaining("not a count");
    }

    @Test
    void anOccurrenceRefutedLater_takesTheVerifiedAttributionWithIt() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        ledger.add(seen("o1", "i1"));
        ledger.add(assess("a1", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), false));
        ledger.add(assess("a2", "i1", Aspect.ATTRIBUTION, Status.VERIFIED, Optional.of("RU"), false));
        assertThat(ledger.incident("i1").orElseThrow().verifiedPerpetrator()).contains("RU");
        ledger.add(assess("a3", "i1", Aspect.OCCURRENCE, Status.REFUTED, Optional.empty(), false));
        assertThat(ledger.incident("i1").orElseThrow().verifiedPerpetrator()).isEmpty();
    }

    @Test
    void replay_keepsWhatAnotherWriterRecorded_evenAgainstTheRulesInThisOrder() {
        var ledger = new Ledger();
        ledger.replay(claim("c1", "i1", "UA", Optional.of("RU"), 0));
        // a writer that saw an observation recorded "verified"; the observation came later in the log
        assertThat(ledger.replay(assess("a1", "i1", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), false)))
                .isTrue();
        assertThat(ledger.incident("i1").orElseThrow().status(Aspect.OCCURRENCE)).isEqualTo(Status.VERIFIED);
        assertThat(ledger.replay(claim("c1", "i1", "UA", Optional.of("RU"), 9))).as("the first under an id stands")
                .isFalse();
        assertThat(ledger.replay(seen("o1", "nope"))).isFalse();
        assertThat(ledger.incident("i1").orElseThrow().claims()).hasSize(1);
    }
}
