package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley monitor} against a real store in a temporary data folder: three reports of the Air Force (written
 * for this test, Kyiv times, UTC+2 in March), a claim by the other side, an observation and assessments, the clauses
 * of CF=energy-and-sea from 2025-03-18, and the dashboard's figures worked out by hand.
 */
class MonitorCommandTest {
    static final String REPORTS = """
            time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,source
            2025-03-10 04:00,2025-03-10 06:00,Kalibr,Black Sea,Odesa oblast,energy infrastructure,10,8,,r1
            2025-03-19 04:00,2025-03-19 06:00,X-101,Saratov,Kyiv oblast,energy infrastructure,6,5,,r2
            2025-03-20 18:00,2025-03-21 06:00,Shahed-136,Kursk,Ukraine,,50,40,5,r3
            """;

    @TempDir
    Path tmp;

    Cli monitor(String... args) {
        var all = new java.util.ArrayList<String>(java.util.List.of("monitor"));
        all.add(args[0]);
        all.add("--data");
        all.add(tmp.resolve("data").toString());
        all.addAll(java.util.List.of(args).subList(1, args.length));
        return Cli.run(all.toArray(String[]::new));
    }

    Path reports() throws IOException {
        Path f = tmp.resolve("reports.csv");
        Files.writeString(f, REPORTS);
        return f;
    }

    /** The incident id of the report of 2025-03-19. */
    String energyStrike() throws IOException {
        JsonNode list = monitor("list", "--from", "2025-03-19", "--to", "2025-03-20", "--format", "json").json();
        assertThat(list.path("incidents").asInt()).isEqualTo(1);
        return list.path("list").get(0).path("id").asText();
    }

    @Test
    void import_twice_addsTheClaimsOnce() throws IOException {
        Cli first = monitor("import", reports().toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 rows, 3 new claims, 0 already recorded");
        Cli again = monitor("import", reports().toString());
        assertThat(again.out()).contains("3 rows, 0 new claims, 3 already recorded");
        JsonNode list = monitor("list", "--format", "json").json();
        assertThat(list.path("incidents").asInt()).isEqualTo(3);
        assertThat(list.path("list").get(0).path("claimants").get(0).asText()).isEqualTo("UA");
        assertThat(CsvRead.parse(monitor("list", "--format", "csv").out())).hasSize(4);
        Cli audit = Cli.run("audit", "--data", tmp.resolve("data").toString());
        assertThat(audit.out()).contains("OK: monitoring log main: 4 events, the chain is intact");
    }

    @Test
    void bothSides_observation_assessments_clauses_andTheDashboard() throws IOException {
        monitor("import", reports().toString());
        String id = energyStrike();
        Cli ru = monitor("claim", id, "--claimant", "RU", "--channel", "Ministry of Defence", "--occurred",
                "2025-03-19", "--type", "missile", "--perpetrator", "RU", "--target", "a military airfield",
                "--target-category", "military", "--stated", "2025-03-19T12:00:00Z", "--says",
                "a precision strike on a military airfield");
        assertThat(ru.exitCode()).as(ru.err()).isZero();
        Cli tooSoon = monitor("assess", id, "--status", "verified", "--assessor", "osce", "--reason", "reports");
        assertThat(tooSoon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooSoon.err()).contains("verified needs one");
        assertThat(monitor("observe", id, "--monitor", "team-3", "--seen", "a fire at the substation", "--at",
                "2025-03-19T05:00:00Z").exitCode()).isZero();
        assertThat(monitor("assess", id, "--status", "verified", "--assessor", "osce", "--reason", "seen by team-3",
                "--at", "2025-03-19T09:00:00Z").exitCode()).isZero();
        assertThat(monitor("assess", id, "--aspect", "attribution", "--party", "RU", "--status", "corroborated",
                "--grading", "fair", "--assessor", "osce", "--reason", "debris", "--draft").exitCode()).isZero();

        JsonNode shown = monitor("show", id, "--format", "json").json();
        assertThat(shown.path("claimList")).hasSize(2);
        assertThat(shown.path("strikeStatus").asText()).isEqualTo("declared"); // RU names itself
        assertThat(shown.path("occurrence").asText()).isEqualTo("verified");
        assertThat(shown.path("attribution").asText()).as("a draft changes nothing").isEqualTo("reported");
        assertThat(shown.path("assessments")).hasSize(2);
        assertThat(monitor("show", id).out()).contains("RU via Ministry of Defence").contains("[draft]")
                .contains("Assessment history (2)");

        Cli clauses = monitor("clauses", "--package", "CF=energy-and-sea,KU=corridor", "--from", "2025-03-18");
        assertThat(clauses.exitCode()).as(clauses.err()).isZero();
        assertThat(clauses.out()).contains("No clause from KU=corridor").contains("energy").contains("sea");
        JsonNode check = monitor("check", "--format", "json").json();
        // only the report of the 19th falls under a clause: energy, after the start, alleged by UA against RU
        assertThat(check.path("alleged").asInt()).isEqualTo(1);
        assertThat(check.path("verified").asInt()).isEqualTo(1);
        JsonNode v = check.path("violations").get(0);
        assertThat(v.path("clause").asText()).isEqualTo("energy");
        assertThat(v.path("allegedBy").toString()).isEqualTo("[\"UA\"]");

        Path out = tmp.resolve("out");
        Cli report = monitor("report", "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode d = Cli.run("monitor", "report", "--data", tmp.resolve("data").toString(), "--format", "json")
                .json();
        JsonNode energy = d.path("baselines").get(0);
        // before: from the first day recorded (03-10) to 03-18, 8 days, one energy strike (03-10); after: 03-18 to the
        // day after the last recorded (03-20 UTC, so 03-21), 3 days, one (03-19)
        assertThat(energy.path("beforeFrom").asText()).isEqualTo("2025-03-10T00:00:00Z");
        assertThat(energy.path("beforeDays").asDouble()).isEqualTo(8.0);
        assertThat(energy.path("before").asInt()).isEqualTo(1);
        assertThat(energy.path("beforePerDay").asDouble()).isEqualTo(0.125);
        assertThat(energy.path("afterDays").asDouble()).isEqualTo(3.0);
        assertThat(energy.path("afterPerDay").asDouble()).isEqualTo(0.333333333333);
        JsonNode ua = d.path("quantities").get(1);
        assertThat(ua.path("claimant").asText()).isEqualTo("UA");
        assertThat(ua.path("launched").asLong()).isEqualTo(66); // 10 + 6 + 50
        assertThat(ua.path("destroyed").asLong()).isEqualTo(53); // 8 + 5 + 40
        assertThat(d.path("sides").get(0).path("party").asText()).isEqualTo("RU");
        assertThat(d.path("sides").get(0).path("alleged").asInt()).isEqualTo(3);
        String html = Files.readString(out.resolve("dashboard.html"));
        assertThat(html).contains("id=\"baselines\"").contains("No strikes on energy infrastructure").contains(
                "<svg").doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("@import");
        assertThat(CsvRead.parse(Files.readString(out.resolve("incidents.csv")))).hasSize(4);
        assertThat(CsvRead.parse(Files.readString(out.resolve("violations.csv")))).hasSize(2);
        assertThat(Files.readString(out.resolve("dashboard.json"))).isEqualTo(Cli.run("monitor", "report", "--data",
                tmp.resolve("data").toString(), "--format", "json").out());
    }

    @Test
    void aBrokenFile_isNamedByLineAndColumn_exits3_andStoresNothing() throws IOException {
        Path f = tmp.resolve("broken.csv");
        Files.writeString(f, "time_start,time_end,model,launched,destroyed\n2025-03-19,2025-03-19,Kalibr,6,5\n"
                + "2025-03-20,2025-03-20,Kalibr,six,5\n");
        monitor("import", reports().toString());
        Cli c = monitor("import", reports().toString(), f.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCodes.INVALID_SCENARIO);
        assertThat(c.err()).contains(f + ":3:30 launched: 'six' is not a whole number");
        Cli list = monitor("list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).as("the good row of the broken file is not stored either").contains(
                "3 incidents of 3");
    }

    @Test
    void badOptions_andUnknownThings_areUsageErrors() throws IOException {
        Cli none = monitor("list");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no database in");
        monitor("import", reports().toString());
        Cli status = monitor("assess", energyStrike(), "--status", "bogus", "--assessor", "a", "--reason", "r");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).contains("unknown status 'bogus'; it is one of reported, corroborated");
        assertThat(monitor("show", "nope").err()).contains("no incident nope");
        assertThat(monitor("observe", "nope", "--monitor", "m", "--seen", "x").err()).contains(
                "no incident nope in the ledger");
        assertThat(monitor("list", "--type", "laser").err()).contains("--type: unknown incident type 'laser'");
        assertThat(monitor("check").err()).contains("no clauses set");
        assertThat(monitor("clauses", "--package", "CF=energy-and-sea").err()).contains("--from DAY");
        assertThat(monitor("claim", "i9", "--claimant", "UA", "--occurred", "2025-03-19", "--launched", "2",
                "--destroyed", "3").err()).contains("than launched");
        assertThat(Cli.run("monitor", "list", "--data", tmp.resolve("data").toString(), "--log", "Bad").err())
                .contains("--log:");
    }

    @Test
    void handWrittenClauses_areRead_andTheirProblemsNamed() throws IOException {
        monitor("import", reports().toString());
        Path ok = tmp.resolve("clauses.json");
        Files.writeString(ok, """
                [{"id": "drones", "title": "No drone strikes", "from": "2025-03-20T00:00:00Z",
                  "types": ["air-drone-strike"], "targets": []}]
                """);
        assertThat(monitor("clauses", "--file", ok.toString()).exitCode()).isZero();
        JsonNode check = monitor("check", "--format", "json").json();
        assertThat(check.path("alleged").asInt()).isEqualTo(1); // the Shaheds of the 20th
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[{\"id\": \"x\", \"title\": \"t\", \"from\": \"2025-03-20T00:00:00Z\", \"types\": "
                + "[\"laser\"]}]");
        Cli c = monitor("clauses", "--file", bad.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCodes.INVALID_SCENARIO);
        assertThat(c.err()).contains("clauses[0].types: unknown incident type 'laser'");
    }

    @Test
    void settingTheSameClausesAgain_replacesThem_andAMalformedFileExits3() throws IOException {
        monitor("import", reports().toString());
        assertThat(monitor("clauses", "--package", "CF=energy-and-sea", "--from", "2025-03-18").exitCode()).isZero();
        assertThat(monitor("clauses").out()).contains("energy");
        for (int i = 0; i < 2; i++) {
            Cli c = monitor("clauses", "--package", "CF=full-30d", "--from", "2025-03-18");
            assertThat(c.exitCode()).as(c.err()).isZero();
        }
        assertThat(monitor("clauses").out()).contains("full-30d").doesNotContain("energy");
        Cli audit = Cli.run("audit", "--data", tmp.resolve("data").toString());
        assertThat(audit.out()).as("the import's claims and three sets of clauses").contains(
                "monitoring log main: 7 events");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[{\"id\": ");
        Cli c = monitor("clauses", "--file", bad.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCodes.INVALID_SCENARIO);
        assertThat(c.err()).contains(bad + ": malformed JSON");
        assertThat(monitor("clauses", "--file", bad.toString(), "--from", "2025-03-18").err()).contains(
                "--from is for a package's clauses");
    }

    @Test
    void readingALogThatIsNotThere_createsNothing() throws IOException {
        monitor("import", reports().toString());
        Cli c = Cli.run("monitor", "list", "--data", tmp.resolve("data").toString(), "--log", "typo");
        assertThat(c.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(c.err()).contains("no monitoring log 'typo' in the store; its logs: main");
        assertThat(Cli.run("audit", "--data", tmp.resolve("data").toString()).out()).doesNotContain("typo");
        assertThat(monitor("list", "--limit", "-1").err()).contains("--limit: give 0 or more");
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        assertThat(monitor("report", "--out", file.toString()).err()).contains("is a file, not a folder");
    }
}
