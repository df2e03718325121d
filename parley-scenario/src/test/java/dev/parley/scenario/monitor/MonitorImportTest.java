package dev.parley.scenario.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.monitor.Casualties.Group;
import dev.parley.engine.monitor.Casualties.Harm;
import dev.parley.engine.monitor.Claim;
import dev.parley.engine.monitor.Estimate;
import dev.parley.engine.monitor.IncidentType;
import dev.parley.engine.monitor.Ledger;
import dev.parley.engine.monitor.PlacePrecision;
import dev.parley.engine.monitor.TargetCategory;
import dev.parley.engine.monitor.TimePrecision;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three formats read from fixtures written for these tests (not third-party data), field by field. */
class MonitorImportTest {
    static List<Claim> read(String fixture) throws IOException {
        var claims = new ArrayList<Claim>();
        try (Reader in = new InputStreamReader(MonitorImportTest.class.getResourceAsStream("/monitor/" + fixture),
                StandardCharsets.UTF_8)) {
            MonitorImport.read(fixture, in, Optional.empty(), claims::add);
        }
        return claims;
    }

    @Test
    void missileAttacks_rowsBecomeClaimsByUaAgainstRu() throws IOException {
        List<Claim> claims = read("missile-attacks.csv");
        assertThat(claims).hasSize(3);
        Claim drones = claims.get(0);
        assertThat(drones.claimant()).isEqualTo("UA");
        assertThat(drones.channel()).isEqualTo("Air Force of Ukraine");
        assertThat(drones.source()).contains("kpszsu/p/1001");
        assertThat(drones.facts().perpetrator()).contains("RU");
        assertThat(drones.facts().type()).contains(IncidentType.AIR_OR_DRONE_STRIKE);
        assertThat(drones.facts().subType()).contains("drone");
        // Kyiv is UTC+2 in March: 19:00 local is 17:00 UTC
        assertThat(drones.facts().occurredFrom()).isEqualTo(Instant.parse("2025-03-17T17:00:00Z"));
        assertThat(drones.facts().occurredTo()).isEqualTo(Instant.parse("2025-03-18T06:30:00Z"));
        assertThat(drones.facts().timePrecision()).isEqualTo(TimePrecision.HOUR);
        assertThat(drones.facts().launched()).contains(Estimate.exactly(120));
        assertThat(drones.facts().destroyed()).contains(Estimate.exactly(75));
        assertThat(drones.facts().notReached()).contains(Estimate.exactly(30));
        assertThat(drones.facts().impacted()).contains(Estimate.exactly(15)); // 120 - 75 - 30
        assertThat(drones.facts().place().orElseThrow().precision()).isEqualTo(PlacePrecision.COUNTRY);

        Claim cruise = claims.get(1);
        assertThat(cruise.facts().subType()).contains("cruise");
        assertThat(cruise.facts().targetCategory()).contains(TargetCategory.ENERGY);
        assertThat(cruise.facts().notReached()).isEmpty();
        assertThat(cruise.facts().impacted()).contains(Estimate.exactly(3));

        Claim ballistic = claims.get(2);
        assertThat(ballistic.facts().subType()).contains("ballistic");
        assertThat(ballistic.facts().target()).contains("port of Odesa, \"Chornomorsk\" terminal");
        assertThat(ballistic.facts().targetCategory()).contains(TargetCategory.NAVAL);
        assertThat(ballistic.facts().timePrecision()).isEqualTo(TimePrecision.DAY);
        assertThat(ballistic.incident()).startsWith("uaf-2025-03-20-"); // the day in Kyiv, as the report gives it
    }

    @Test
    void ucdpGed_keepsLowBestHigh_theSources_andThePrecisions() throws IOException {
        List<Claim> claims = read("ucdp-ged.csv");
        assertThat(claims).hasSize(2);
        Claim strike = claims.get(0);
        assertThat(strike.incident()).isEqualTo("ucdp-900001");
        assertThat(strike.claimant()).isEqualTo("UCDP");
        assertThat(strike.channel()).contains("Regional military administration; Ukrainska Pravda");
        assertThat(strike.sources()).contains(3);
        assertThat(strike.facts().perpetrator()).contains("RU");
        assertThat(strike.facts().casualties().get(Group.CIVILIAN, Harm.KILLED)).contains(Estimate.exactly(4));
        // best 5 = 4 civilians + 1 unknown; low 5 and high 9 rest on the deaths not told apart: 1 to 5
        assertThat(strike.facts().casualties().get(Group.UNKNOWN, Harm.KILLED)).contains(new Estimate(1, 1, 5));
        assertThat(strike.facts().casualties().total(Harm.KILLED)).contains(new Estimate(5, 5, 9));
        var place = strike.facts().place().orElseThrow();
        assertThat(place.name()).isEqualTo("Kryvyi Rih town");
        assertThat(place.admin1()).contains("Dnipropetrovsk oblast");
        assertThat(place.latitude()).contains(47.9086);
        assertThat(place.precision()).isEqualTo(PlacePrecision.EXACT);
        assertThat(strike.statedAt()).isEqualTo(Instant.parse("2025-03-19T00:00:00Z"));

        Claim week = claims.get(1);
        assertThat(week.facts().timePrecision()).isEqualTo(TimePrecision.WEEK); // date_prec 3
        assertThat(week.facts().place().orElseThrow().precision()).isEqualTo(PlacePrecision.ADMIN1); // where_prec 4
        // the shortfall to low (2) comes off the military's 8, since no death is left untold
        assertThat(week.facts().casualties().get(Group.MILITARY, Harm.KILLED)).contains(new Estimate(6, 8, 8));
        assertThat(week.facts().casualties().total(Harm.KILLED)).contains(new Estimate(6, 8, 12));
        assertThat(week.facts().occurredTo()).isEqualTo(Instant.parse("2025-03-26T23:59:59Z"));
    }

    @Test
    void acled_mapsItsEventTypes_andSkipsProtests() throws IOException {
        var claims = new ArrayList<Claim>();
        MonitorImport.Result result;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/monitor/acled.csv"),
                StandardCharsets.UTF_8)) {
            result = MonitorImport.read("acled.csv", in, Optional.empty(), claims::add);
        }
        assertThat(result.format()).isEqualTo(MonitorImport.Format.ACLED);
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.skipped()).containsEntry("event_type Protests / Peaceful protest", 1);
        assertThat(claims).hasSize(2);
        Claim drone = claims.get(0);
        assertThat(drone.incident()).isEqualTo("acled-UKR200001");
        assertThat(drone.facts().type()).contains(IncidentType.AIR_OR_DRONE_STRIKE);
        assertThat(drone.facts().subType()).contains("drone");
        assertThat(drone.facts().targetCategory()).contains(TargetCategory.ENERGY);
        assertThat(drone.facts().casualties().isEmpty()).isTrue();
        assertThat(drone.statedAt()).isEqualTo(Instant.ofEpochSecond(1742515200));
        Claim shelling = claims.get(1);
        assertThat(shelling.facts().perpetrator()).contains("UA");
        assertThat(shelling.facts().type()).contains(IncidentType.SHELLING);
        assertThat(shelling.facts().casualties().get(Group.CIVILIAN, Harm.KILLED)).contains(Estimate.exactly(2));
        assertThat(shelling.facts().targetCategory()).contains(TargetCategory.CIVILIAN);
        assertThat(shelling.facts().place().orElseThrow().precision()).isEqualTo(PlacePrecision.NEAR);
    }

    @Test
    void importingTwice_givesTheSameClaims_whichTheLedgerRecordsOnce() throws IOException {
        List<Claim> first = read("missile-attacks.csv");
        List<Claim> again = read("missile-attacks.csv");
        assertThat(again).isEqualTo(first);
        var ledger = new Ledger();
        first.forEach(ledger::add);
        assertThat(again.stream().filter(ledger::add).count()).isZero();
        assertThat(ledger.incidents()).hasSize(3);
    }

    @Test
    void aChangedRow_isAnotherClaim_aboutTheSameIncident() throws IOException {
        String header = "time_start,time_end,model,launched,destroyed,source\n";
        var a = new ArrayList<Claim>();
        var b = new ArrayList<Claim>();
        MonitorImport.read("a.csv", new StringReader(header + "2025-03-19,2025-03-19,Kalibr,6,5,first\n"), Optional
                .empty(), a::add);
        MonitorImport.read("b.csv", new StringReader(header + "2025-03-19,2025-03-19,Kalibr,6,4,corrected\n"), Optional
                .empty(), b::add);
        assertThat(b.get(0).id()).isNotEqualTo(a.get(0).id());
        assertThat(b.get(0).incident()).isEqualTo(a.get(0).incident());
    }

    @Test
    void everyProblem_isNamedByLineAndColumn_andNothingIsRead() {
        var claims = new ArrayList<Claim>();
        assertThatThrownBy(() -> {
            try (Reader in = new InputStreamReader(
                    getClass().getResourceAsStream("/monitor/missile-attacks-broken.csv"),
                    StandardCharsets.UTF_8)) {
                MonitorImport.read("broken.csv", in, Optional.empty(), claims::add);
            }
        }).isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).extracting(
                Problem::toString).containsExactly(
                        "broken.csv:3:18 time_end: 'yesterday' is not a date (2025-03-18) or a date and time "
                                + "(2025-03-18 19:00)",
                        "broken.csv:4:49 destroyed: destroyed and not_reach_goal (5) exceed launched (2)",
                        "broken.csv:5:47 launched: 'many' is not a whole number of at least 0",
                        "broken.csv:6:1: 5 fields; the header has 10"));
        assertThat(claims).isEmpty();
    }

    @Test
    void aQuotedLineBreak_staysInItsField_andLaterLinesKeepTheirNumbers() {
        String text = "time_start,time_end,model,launched,destroyed,source\n"
                + "2025-03-19,2025-03-19,\"Kalibr\nand Kh-101\",6,5,x\n"
                + "2025-03-20,2025-03-20,Kalibr,6,9,x\n";
        assertThatThrownBy(() -> MonitorImport.read("q.csv", new StringReader(text), Optional.empty(), c -> {
        })).isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).toString())
                .startsWith("q.csv:4:"));
        assertThatThrownBy(() -> MonitorImport.read("q.csv",
                new StringReader(text.substring(0, text.indexOf("\"Kalibr") + 5)), Optional.empty(),
                c -> {
                })).hasMessageContaining("a quoted field is not closed");
    }

    @Test
    void aHeaderOfNoFormat_namesTheFormatsThereAre() {
        assertThatThrownBy(() -> MonitorImport.read("x.csv", new StringReader("a,b,c\n1,2,3\n"), Optional.empty(),
                c -> {
                })).hasMessageContaining("missile-attacks: time_start,time_end,model,launched,destroyed")
                .hasMessageContaining("acled:");
        assertThatThrownBy(() -> MonitorImport.read("x.csv", new StringReader("a,b,c\n"), Optional.of(
                MonitorImport.Format.UCDP_GED), c -> {
                })).hasMessageContaining("no column 'date_start'");
        assertThatThrownBy(() -> MonitorImport.read("x.csv", new StringReader(""), Optional.empty(), c -> {
        })).hasMessageContaining("empty");
    }

    @Test
    void aByteOrderMark_andCrLf_areRead() throws IOException {
        var claims = new ArrayList<Claim>();
        MonitorImport.read("bom.csv", new StringReader("\uFEFFtime_start,time_end,model,launched,destroyed\r\n"
                + "2025-03-19,2025-03-19,Kalibr,6,5\r\n"), Optional.empty(), claims::add);
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).facts().weapon()).contains("Kalibr");
        assertThat(claims.get(0).facts().destroyed()).contains(Estimate.exactly(5));
    }

    @Test
    void targetCategories_areToldByWholeWords() {
        assertThat(MonitorImport.category("port of Izmail")).contains(TargetCategory.NAVAL);
        assertThat(MonitorImport.category("a grain ship at anchor")).contains(TargetCategory.NAVAL);
        assertThat(MonitorImport.category("Odesa airport")).isEmpty();
        assertThat(MonitorImport.category("a relationship", "support")).isEmpty();
        assertThat(MonitorImport.category("Trypilska thermal power plant")).contains(TargetCategory.ENERGY);
    }

    @Test
    void ucdpWithoutDeathsByGroup_keepsBestAsDeathsNotToldApart() throws IOException {
        var claims = new ArrayList<Claim>();
        MonitorImport.read("u.csv", new StringReader("id,date_start,date_end,best,low,high,side_a,side_b\n"
                + "7,2025-03-19,2025-03-19,4,3,6,Government of Russia,Government of Ukraine\n"), Optional.empty(),
                claims::add);
        assertThat(claims.get(0).facts().casualties().total(Harm.KILLED)).contains(new Estimate(3, 4, 6));
        assertThatThrownBy(() -> MonitorImport.read("u.csv", new StringReader(
                "id,date_start,date_end,best,low,high,side_a,side_b,deaths_a\n"
                        + "7,2025-03-19,2025-03-19,4,3,6,Government of Russia,Government of Ukraine,9\n"),
                Optional
                        .empty(),
                c -> {
                })).hasMessageContaining("best 4 is not deaths_a + deaths_b");
    }

    @Test
    void theSameData_inAnotherColumnOrder_withMoreColumns_orPadded_isTheSameClaim() throws IOException {
        var a = new ArrayList<Claim>();
        var b = new ArrayList<Claim>();
        MonitorImport.read("a.csv", new StringReader("time_start,time_end,model,launched,destroyed\n"
                + "2025-03-19,2025-03-19,Kalibr,6,5\n"), Optional.empty(), a::add);
        MonitorImport.read("b.csv", new StringReader("destroyed,extra,launched,model,time_end,time_start\n"
                + " 5 ,x,6,Kalibr ,2025-03-19,2025-03-19\n"), Optional.empty(), b::add);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void actors_becomePartiesOnlyWhenTheyAreAState() {
        assertThat(MonitorImport.party("Military Forces of Russia (2000-)")).isEqualTo("RU");
        assertThat(MonitorImport.party("Government of Ukraine")).isEqualTo("UA");
        assertThat(MonitorImport.party("Government of Russia (Soviet Union)")).isEqualTo("RU");
        assertThat(MonitorImport.party("Russian Volunteer Corps")).isEqualTo("Russian-Volunteer-Corps");
        assertThat(MonitorImport.party("Civilians (Ukraine)")).isEqualTo("Civilians-Ukraine-");
    }
}
