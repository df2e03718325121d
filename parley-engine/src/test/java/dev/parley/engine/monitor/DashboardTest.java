package dev.parley.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.monitor.Assessment.Aspect;
import dev.parley.engine.monitor.Assessment.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ledger small enough to count by hand: every figure below is worked out in the comments. */
class DashboardTest {
    static Claim claim(String id, String incident, String claimant, String day, TargetCategory target,
            long launched, long destroyed) {
        Instant t = Instant.parse(day + "T03:00:00Z");
        Facts f = Facts.at(t, t, TimePrecision.HOUR).withType(IncidentType.MISSILE, Optional.of("cruise"))
                .withPerpetrator(claimant.equals("UA") ? "RU" : "UA").withTarget(Optional.empty(), Optional.of(target))
                .withQuantities(Optional.of(Estimate.exactly(launched)), Optional.of(Estimate.exactly(destroyed)),
                        Optional.empty(), Optional.empty())
                .withPlace(Place.named(claimant.equals("UA")
                        ? "Odesa"
                        : "Belgorod", PlacePrecision.EXACT));
        return new Claim(id, incident, claimant, "report", Optional.empty(), t, Optional.empty(), f);
    }

    @Test
    void figures_matchACountByHand() {
        var ledger = new Ledger();
        // before 2025-03-18: energy strikes on 03-10, 03-12 and 03-16 (3 in the 8 days since the first, 03-10)
        ledger.add(claim("c1", "i1", "UA", "2025-03-10", TargetCategory.ENERGY, 10, 8));
        ledger.add(claim("c2", "i2", "UA", "2025-03-12", TargetCategory.ENERGY, 20, 15));
        ledger.add(claim("c3", "i3", "UA", "2025-03-16", TargetCategory.ENERGY, 4, 4));
        ledger.add(claim("c4", "i4", "UA", "2025-03-16", TargetCategory.CIVILIAN, 6, 1)); // not energy
        // after: one energy strike on 03-19 claimed by UA, one by RU on 03-21 (the last day recorded)
        ledger.add(claim("c5", "i5", "UA", "2025-03-19", TargetCategory.ENERGY, 5, 5));
        ledger.add(claim("c6", "i6", "RU", "2025-03-21", TargetCategory.ENERGY, 3, 0));
        ledger.add(new Observation("o1", "i5", "team", Instant.parse("2025-03-19T05:00:00Z"), Optional.empty(),
                Optional.empty(), "a fire at the substation"));
        ledger.add(new Assessment("a1", "i5", Aspect.OCCURRENCE, Status.VERIFIED, Optional.empty(), Optional.empty(),
                "osce", Instant.parse("2025-03-19T09:00:00Z"), "seen", false));
        ledger.add(new Assessment("a2", "i5", Aspect.ATTRIBUTION, Status.VERIFIED, Optional.empty(), Optional.of(
                "RU"), "osce", Instant.parse("2025-03-19T10:00:00Z"), "debris", false));
        List<Clause> clauses = Clauses.of(Map.of("CF", "energy-and-sea"), Instant.parse("2025-03-18T00:00:00Z"))
                .clauses();
        Dashboard d = Dashboard.of(ledger.incidents(), clauses, 30);

        assertThat(d.incidents()).isEqualTo(6);
        assertThat(d.claims()).isEqualTo(6);
        assertThat(d.days()).extracting(Dashboard.Day::date).containsExactly(LocalDate.parse("2025-03-10"), LocalDate
                .parse("2025-03-12"), LocalDate.parse("2025-03-16"), LocalDate.parse("2025-03-19"),
                LocalDate.parse(
                        "2025-03-21"));
        assertThat(d.days().get(2).incidents()).isEqualTo(2);
        assertThat(d.days().get(3).verified()).isEqualTo(1);

        Dashboard.Baseline energy = d.baselines().get(0);
        // before: 03-10 (the first day recorded, later than 30 days back) to 03-18: 8 days, 3 energy strikes
        assertThat(energy.beforeFrom()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
        assertThat(energy.beforeDays()).isEqualTo(8.0);
        assertThat(energy.before()).isEqualTo(3);
        // after: 03-18 to the day after the last recorded (03-22): 4 days, 2 energy strikes
        assertThat(energy.afterDays()).isEqualTo(4.0);
        assertThat(energy.after()).isEqualTo(2);
        assertThat(energy.beforePerDay()).isEqualTo(3.0 / 8);
        assertThat(energy.afterPerDay()).isEqualTo(0.5);
        Dashboard.Baseline sea = d.baselines().get(1);
        assertThat(sea.before() + sea.after()).isZero();

        // sides: RU is alleged in 5 (UA's claims), verified in 1; UA alleged in 1 (RU's claim), verified in none
        assertThat(d.sides()).containsExactly(new Dashboard.Side("RU", 5, 1), new Dashboard.Side("UA", 1, 0));
        // UA's claims: launched 10+20+4+6+5 = 45, destroyed 8+15+4+1+5 = 33; RU's: 3 and 0
        assertThat(d.quantities()).containsExactly(new Dashboard.Quantities("RU", 1, 3, 0, 0, 0),
                new Dashboard.Quantities("UA", 5, 45, 33, 0, 0));
        // violations of the energy clause: i5 (verified, against RU) and i6 (alleged against UA)
        Dashboard.ClauseCount v = d.violations().get(0);
        assertThat(v.alleged()).isEqualTo(2);
        assertThat(v.verified()).isEqualTo(1);
        assertThat(v.allegedAgainst()).isEqualTo(Map.of("RU", 1, "UA", 1));
        assertThat(d.places()).extracting(Dashboard.PlaceRow::place).containsExactly("Odesa", "Belgorod");
        assertThat(d.places().get(0).incidents()).isEqualTo(5);
    }

    @Test
    void violations_nameTheClaimantsAndTheVerifiedParty() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", "2025-03-19", TargetCategory.ENERGY, 1, 0));
        ledger.add(claim("c2", "i1", "RU", "2025-03-19", TargetCategory.MILITARY, 1, 0)); // RU says: a military target
        List<Clause> clauses = Clauses.of(Map.of("CF", "energy-and-sea"), Instant.parse("2025-03-18T00:00:00Z"))
                .clauses();
        List<Violation> vs = Violation.check(ledger.incidents(), clauses);
        assertThat(vs).hasSize(1);
        assertThat(vs.get(0).allegedBy()).containsExactly("UA");
        assertThat(vs.get(0).allegedAgainst()).containsExactly("RU");
        assertThat(vs.get(0).verified()).isFalse();
        assertThat(Violation.check(ledger.incidents(), List.of())).isEmpty();
    }

    @Test
    void aClauseStartingAtMidnightInKyiv_splitsBeforeAndAfterAtThatInstant() {
        var ledger = new Ledger();
        // 2025-03-17T22:00Z is midnight in Kyiv: a strike at 03:00Z on the 17th is before it, one at 23:00Z after
        ledger.add(claim("c1", "i1", "UA", "2025-03-17", TargetCategory.ENERGY, 1, 0)); // 03:00Z
        Instant late = Instant.parse("2025-03-17T23:00:00Z");
        ledger.add(new Claim("c2", "i2", "UA", "report", Optional.empty(), late, Optional.empty(), Facts.at(late, late,
                TimePrecision.HOUR).withType(IncidentType.MISSILE, Optional.empty()).withTarget(Optional.empty(),
                        Optional.of(TargetCategory.ENERGY))));
        Instant start = Instant.parse("2025-03-17T22:00:00Z");
        List<Clause> clauses = Clauses.of(Map.of("CF", "energy-and-sea"), start).clauses();
        Dashboard.Baseline b = Dashboard.of(ledger.incidents(), clauses, 30).baselines().get(0);
        assertThat(b.before()).isEqualTo(1);
        assertThat(b.after()).isEqualTo(1);
        // before: from the first day recorded (03-17 00:00Z) to 22:00Z; after: to the end of the last day, 03-18 00:00Z
        assertThat(b.beforeDays()).isEqualTo(22.0 / 24);
        assertThat(b.afterDays()).isEqualTo(2.0 / 24);
        assertThat(Violation.check(ledger.incidents(), clauses)).extracting(Violation::incident).containsExactly(
                "i2");
    }

    @Test
    void aClauseEndingBeforeTheWindow_endsTheAfterSpan() {
        var ledger = new Ledger();
        ledger.add(claim("c1", "i1", "UA", "2025-03-01", TargetCategory.ENERGY, 1, 0));
        ledger.add(claim("c2", "i2", "UA", "2025-03-20", TargetCategory.ENERGY, 1, 0));
        ledger.add(claim("c3", "i3", "UA", "2025-03-25", TargetCategory.ENERGY, 1, 0)); // after the clause ends
        Clause fiveDays = new Clause("e", "e", Instant.parse("2025-03-18T00:00:00Z"), Optional.of(Instant.parse(
                "2025-03-23T00:00:00Z")), java.util.Set.of(), java.util.Set.of(TargetCategory.ENERGY));
        Dashboard.Baseline b = Dashboard.of(ledger.incidents(), List.of(fiveDays), 30).baselines().get(0);
        assertThat(b.beforeDays()).isEqualTo(17.0); // from 03-01, the first day recorded
        assertThat(b.before()).isEqualTo(1);
        assertThat(b.afterDays()).isEqualTo(5.0);
        assertThat(b.after()).isEqualTo(1);
    }
}
