package dev.parley.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClausesTest {
    static final Instant START = Instant.parse("2025-03-18T00:00:00Z");

    static Facts at(String when, IncidentType type, Optional<TargetCategory> category) {
        Instant t = Instant.parse(when);
        return Facts.at(t, t, TimePrecision.MINUTE).withType(type, Optional.empty()).withTarget(Optional.empty(),
                category);
    }

    @Test
    void energyAndSea_yieldsTwoThirtyDayClauses_andNamesTheSilentOptions() {
        var pkg = new LinkedHashMap<String, String>();
        pkg.put("CF", "energy-and-sea");
        pkg.put("KU", "corridor");
        Clauses.Yield y = Clauses.of(pkg, START);
        assertThat(y.clauses()).extracting(Clause::id).containsExactly("energy", "sea");
        assertThat(y.clauses()).allSatisfy(c -> assertThat(c.until()).contains(Instant.parse(
                "2025-04-17T00:00:00Z")));
        assertThat(y.clauses().get(0).targets()).containsExactly(TargetCategory.ENERGY);
        assertThat(y.clauses().get(1).targets()).containsExactly(TargetCategory.NAVAL);
        assertThat(y.silent()).containsExactly("KU=corridor");
    }

    @Test
    void fullAfterMonitoring_hasNoEnd_andProtectsTheMonitors() {
        Clauses.Yield y = Clauses.of(Map.of("CF", "full-after-monitoring"), START);
        assertThat(y.clauses()).extracting(Clause::id).containsExactly("full", "monitors");
        assertThat(y.clauses().get(0).until()).isEmpty();
        assertThat(y.clauses().get(1).types()).containsExactly(IncidentType.OBSTRUCTION_OF_MONITORS);
        assertThat(Clauses.of(Map.of("CF", "in-final-settlement"), START).clauses()).isEmpty();
    }

    @Test
    void energyClause_forbidsAttacksOnEnergy_onlyWhileInForce() {
        Clause energy = Clauses.of(Map.of("CF", "energy-and-sea"), START).clauses().get(0);
        assertThat(energy.forbids(at("2025-03-19T03:00:00Z", IncidentType.MISSILE, Optional.of(
                TargetCategory.ENERGY)))).isTrue();
        assertThat(energy.forbids(at("2025-03-17T23:59:00Z", IncidentType.MISSILE, Optional.of(
                TargetCategory.ENERGY)))).as("the day before").isFalse();
        assertThat(energy.forbids(at("2025-04-17T00:00:00Z", IncidentType.MISSILE, Optional.of(
                TargetCategory.ENERGY)))).as("the first instant after").isFalse();
        assertThat(energy.forbids(at("2025-03-19T03:00:00Z", IncidentType.MISSILE, Optional.of(
                TargetCategory.CIVILIAN)))).as("another target").isFalse();
        assertThat(energy.forbids(at("2025-03-19T03:00:00Z", IncidentType.FORCE_MOVEMENT, Optional.of(
                TargetCategory.ENERGY)))).as("not an attack").isFalse();
        Facts substation = at("2025-03-19T03:00:00Z", IncidentType.PROTECTED_INFRASTRUCTURE, Optional.empty())
                .withType(IncidentType.PROTECTED_INFRASTRUCTURE, Optional.of("energy"));
        assertThat(energy.forbids(substation)).as("the sub-type tells the target").isTrue();
        assertThat(energy.ofKind(at("2025-03-01T00:00:00Z", IncidentType.MISSILE, Optional.of(
                TargetCategory.ENERGY)))).as("of its kind, before it").isTrue();
    }

    @Test
    void fullCeasefire_forbidsAnAttackOfNoStatedType_butNotAMovement() {
        Clause full = Clauses.of(Map.of("CF", "full-30d"), START).clauses().get(0);
        Instant t = Instant.parse("2025-03-20T00:00:00Z");
        assertThat(full.forbids(Facts.at(t, t, TimePrecision.DAY))).isTrue();
        assertThat(full.forbids(at("2025-03-20T00:00:00Z", IncidentType.FORCE_MOVEMENT, Optional.empty())))
                .isFalse();
        Clause monitors = new Clause("m", "m", START, Optional.empty(), Set.of(IncidentType.OBSTRUCTION_OF_MONITORS),
                Set.of());
        assertThat(monitors.forbids(at("2025-03-20T00:00:00Z", IncidentType.OBSTRUCTION_OF_MONITORS, Optional
                .empty()))).isTrue();
    }

    @Test
    void anIncidentSpanningTheStart_fallsUnderTheClause() {
        Clause energy = Clauses.of(Map.of("CF", "energy-and-sea"), START).clauses().get(0);
        Facts night = Facts.at(Instant.parse("2025-03-17T18:00:00Z"), Instant.parse("2025-03-18T06:00:00Z"),
                TimePrecision.HOUR).withType(IncidentType.AIR_OR_DRONE_STRIKE, Optional.of("drone")).withTarget(
                        Optional.empty(), Optional.of(TargetCategory.ENERGY));
        assertThat(energy.forbids(night)).isTrue();
    }
}
