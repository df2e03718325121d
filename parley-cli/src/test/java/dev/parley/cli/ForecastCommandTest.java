package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {
    @TempDir
    Path tmp;

    @Test
    void json_countsAgreeWithEachOther_andEveryFigureIsANumber() throws IOException {
        JsonNode doc = Cli.run("forecast", "--runs", "40", "--seed", "3", "--format", "json").json();
        assertThat(doc.get("runs").asInt()).isEqualTo(40);
        assertThat(doc.get("uncertain")).extracting(JsonNode::asText).containsExactly("UA", "RU", "US", "EUR");
        JsonNode agreement = doc.get("agreement");
        assertThat(agreement.get("share").isNumber()).isTrue();
        assertThat(agreement.get("low").asDouble()).isLessThanOrEqualTo(agreement.get("share").asDouble());
        assertThat(agreement.get("high").asDouble()).isGreaterThanOrEqualTo(agreement.get("share").asDouble());
        int agreed = agreement.get("count").asInt();
        assertThat(agreement.get("share").asDouble()).isEqualTo(Math.round(agreed / 40.0 * 10_000) / 10_000.0);
        // each deal agrees one option on every issue: per issue, the counts of the options agreed add up to the deals
        doc.get("options").fields().forEachRemaining(issue -> {
            int sum = 0;
            for (JsonNode o : issue.getValue()) {
                sum += o.get("count").asInt();
            }
            assertThat(sum).as(issue.getKey()).isEqualTo(agreed);
        });
        int listed = 0;
        for (JsonNode d : doc.get("deals")) {
            listed += d.get("count").asInt();
            assertThat(d.get("package").size()).isEqualTo(9);
        }
        assertThat(listed).isLessThanOrEqualTo(agreed);
        // the default scenario says how long a round lasts and when the talks start
        JsonNode time = doc.get("timeToAgreement");
        assertThat(time.get("roundDuration").asText()).isEqualTo("P1D");
        assertThat(time.get("start").asText()).isEqualTo("2025-03-13");
        int median = doc.get("roundsToAgreement").get("median").asInt();
        assertThat(time.get("median").get("days").asDouble()).isEqualTo(median);
        assertThat(time.get("median").get("date").asText()).isEqualTo(java.time.LocalDate.of(2025, 3, 13).plusDays(
                median).toString());
        // a refusal is counted once per run without a deal, per party that refused
        int refusals = 0;
        for (JsonNode r : doc.get("refusals")) {
            refusals += r.get("count").asInt();
        }
        assertThat(refusals).isLessThanOrEqualTo((40 - agreed) * 4);
        JsonNode sensitivity = doc.get("sensitivity");
        assertThat(sensitivity.size()).isGreaterThan(30); // every weight, value and reservation the spread lets vary
        for (JsonNode e : sensitivity) {
            assertThat(e.get("difference").asDouble()).isCloseTo(e.get("agreementAbove").asDouble() - e.get(
                    "agreementBelow").asDouble(), org.assertj.core.api.Assertions.within(1e-3));
        }
        JsonNode by = doc.get("agreedBy");
        assertThat(by).hasSize(10);
        assertThat(by.get(9).get("round").asInt()).isEqualTo(200);
        assertThat(by.get(9).get("count").asInt()).isEqualTo(agreed);
    }

    @Test
    void analysisOnly_reportsTheZoneAndTheNashPackages_andNothingOfTalksNotHeld() throws IOException {
        JsonNode doc = Cli.run("forecast", "--runs", "30", "--analysis-only", "--format", "json").json();
        assertThat(doc.get("talks").asBoolean()).isFalse();
        assertThat(doc.has("agreement")).isFalse();
        assertThat(doc.has("deals")).isFalse();
        assertThat(doc.get("zoneEmpty").get("count").asInt()).isBetween(0, 30);
        int nash = 0;
        for (JsonNode n : doc.get("nash")) {
            nash += n.get("count").asInt();
        }
        assertThat(nash).isLessThanOrEqualTo(30 - doc.get("zoneEmpty").get("count").asInt());
        assertThat(doc.get("method").asText()).contains("P(the zone is open)");
        Cli text = Cli.run("forecast", "--runs", "30", "--analysis-only");
        assertThat(text.out()).contains("each only analysed (no talks)").doesNotContain("Deal reached");
    }

    @Test
    void theForecast_isTheSameWhateverTheJobs() {
        Cli one = Cli.run("forecast", "--runs", "30", "--seed", "5", "--jobs", "1", "--format", "json");
        Cli two = Cli.run("forecast", "--runs", "30", "--seed", "5", "--jobs", "2", "--format", "json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        Cli other = Cli.run("forecast", "--runs", "30", "--seed", "6", "--jobs", "2", "--format", "json");
        assertThat(other.out()).isNotEqualTo(one.out());
    }

    @Test
    void out_writesTheForecastAndOneRowPerDraw() throws IOException {
        Path dir = tmp.resolve("f");
        Cli r = Cli.run("forecast", "--runs", "25", "--protocol", "saop", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Deal reached:").contains("Forecast: " + dir.resolve("forecast.json"));
        JsonNode doc = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("forecast.json")));
        List<String> rows = Files.readAllLines(dir.resolve("samples.csv"));
        assertThat(rows.get(0)).isEqualTo("run,zone_empty,agreed,rounds,nash_share,deal,nash,blocking");
        assertThat(rows).hasSize(26);
        long agreed = rows.stream().skip(1).filter(row -> row.split(",")[2].equals("true")).count();
        assertThat(agreed).isEqualTo(doc.get("agreement").get("count").asLong());
        assertThat(doc.get("protocol").asText()).isEqualTo("saop");
        String html = Files.readString(dir.resolve("forecast.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<canvas id=\"agreed-by\"").contains(
                "window.ParleyCharts").contains("id=\"tornado\"").doesNotContain("<script src=").doesNotContain(
                        "src=\"http");
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * doc.get("agreement").get(
                "share").asDouble()));
    }

    /**
     * A two-party scenario of one issue X (x0, x1, x2; A values 1, 0.6, 0 and B the reverse, both reserve 0.5), A's
     * profile ending with {@code moreOfA} (line 10 of the file).
     */
    private Path oneIssue(String name, String moreOfA) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, """
                format: parley/1
                id: one-issue
                title: One issue
                parties:
                  - {id: A, name: A, role: principal}
                  - {id: B, name: B, role: principal}
                issues:
                  - {id: X, name: X, options: [x0, x1, x2]}
                profiles:
                  A: {reservation: 0.5, weights: {X: 1}, values: {X: [1, 0.6, 0]}%s}
                  B: {reservation: 0.5, weights: {X: 1}, values: {X: [0, 0.6, 1]}}
                """.formatted(moreOfA));
        return file;
    }

    @Test
    void aScenarioWithoutUncertainty_saysEveryDrawIsThePoint() throws IOException {
        Path file = oneIssue("point.yaml", "");
        Cli r = Cli.run("forecast", file.toString(), "--runs", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("No profile carries uncertainty").contains("Zone empty:       0.0%");
    }

    @Test
    void badInput_isRefusedWithWhatIsWrong() throws IOException {
        Cli runs = Cli.run("forecast", "--runs", "0");
        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(runs.err()).contains("--runs must be from 1");
        Cli seats = Cli.run("forecast", "--seats", "UA=sly");
        assertThat(seats.exitCode()).isEqualTo(2);
        assertThat(seats.err()).contains("--seats: UA: unknown agent 'sly'");
        Path file = oneIssue("bad.yaml", ", uncertainty: {reservation: [0.6, 0.7]}");
        Cli bad = Cli.run("forecast", file.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("bad.yaml:10:").contains("profiles.A.uncertainty.reservation: [0.6, 0.7] does "
                + "not hold the point figure 0.5");
    }

    /** The worked example of Scholz, Calbert and Smith (2011), as {@code ExpectedUtilityTest} cites it. */
    static final String EUROPE = """
            Actor,Capability,Position,Salience
            Netherlands,0.08,4,0.8
            Belgium,0.08,7,0.4
            Luxembourg,0.03,4,0.2
            Germany,0.16,4,0.8
            France,0.16,10,0.6
            Italy,0.16,10,0.6
            UK,0.16,10,0.9
            Ireland,0.05,7,0.1
            Denmark,0.05,4,1.0
            Greece,0.08,7,0.7
            """;

    @Test
    void expectedUtility_onACsvOfActors_endsWhereThePublishedExampleDoes() throws IOException {
        Path file = tmp.resolve("europe.csv");
        Files.writeString(file, EUROPE);
        JsonNode doc = Cli.run("forecast", "--model", "eu", "--actors", file.toString(), "--format", "json").json();
        JsonNode rounds = doc.get("issues").get(0).get("rounds");
        assertThat(rounds).hasSize(11);
        assertThat(rounds.get(10).get("median").asDouble()).isEqualTo(7.0);
        assertThat(rounds.get(10).get("mean").asDouble()).isEqualTo(7.2421); // 7.242130958473938, to four places
        assertThat(rounds.get(4).get("moves").get("Belgium").asText()).isEqualTo("compromises Netherlands");
    }

    @Test
    void expectedUtility_onTheScenario_forecastsEveryIssueWithItsOptions() throws IOException {
        JsonNode doc = Cli.run("forecast", "--model", "eu", "--model-rounds", "3", "--format", "json").json();
        assertThat(doc.get("capabilities").asText()).isEqualTo("the scenario's");
        assertThat(doc.get("issues")).hasSize(9);
        JsonNode cf = doc.get("issues").get(0);
        assertThat(cf.get("issue").asText()).isEqualTo("CF");
        assertThat(cf.get("actors")).extracting(a -> a.get("actor").asText()).containsExactly("UA", "RU", "US",
                "EUR");
        // RU values 'in-final-settlement' (the last of four options) most: position 100; US's capability is 0.9
        assertThat(cf.get("actors").get(1).get("position").asDouble()).isEqualTo(100);
        assertThat(cf.get("actors").get(2).get("capability").asDouble()).isEqualTo(0.9);
        assertThat(cf.get("rounds")).hasSize(4);
        assertThat(List.of("full-30d", "full-after-monitoring", "energy-and-sea", "in-final-settlement")).contains(cf
                .get("forecast").asText(), cf.get("weightedMedian").asText(), cf.get("mean").asText());
    }

    @Test
    void aBadActorsFile_isRefusedLineByLine() throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "actor,capability,position,salience\nA,0.5,10,1.5\nB,x,0,0.5\nA,1,5,0.5\n");
        Cli r = Cli.run("forecast", "--model", "eu", "--actors", file.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("bad.csv:2:10 salience: 1.5 is outside [0, 1]").contains(
                "bad.csv:3:3 capability: 'x' is not a number").contains("bad.csv:4:1 actor: 'A' comes twice");
        Cli model = Cli.run("forecast", "--model", "xx");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("--model must be mc or eu");
    }
}
