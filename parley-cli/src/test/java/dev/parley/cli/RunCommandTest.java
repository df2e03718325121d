package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunCommandTest {
    /** The default run's transcript, reviewed; regenerate with -Dparley.updateGolden=true after a deliberate change. */
    static final Path GOLDEN = Path.of("src/test/resources/golden/ceasefire-2025-default.jsonl");

    @TempDir
    Path tmp;

    @Test
    void defaultRun_tellsTheStoryToItsEnd() {
        Cli r = Cli.run("run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parley run: ceasefire-2025 — US-mediated ceasefire talks, March 2025\n"
                + "Protocol single-text, mediated by US; deadline 200 proposals, stall limit 100; seed 1\n")
                .contains("opening text").contains("TEXT ADOPTED (changes)").contains("Result: AGREEMENT")
                .contains("Beside the fair packages:").contains("Nash product of the deal");
    }

    @Test
    void defaultRun_matchesTheGoldenTranscript_andReplays() throws IOException {
        Cli r = Cli.run("run", "--out", tmp.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path transcript = tmp.resolve("transcript.jsonl");
        List<String> lines = Files.readAllLines(transcript, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("parley.updateGolden")) {
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).isEqualTo(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));

        Cli replay = Cli.run("replay", transcript.toString());
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).startsWith("OK: replayed " + (lines.size() - 1) + " moves of single-text on "
                + "ceasefire-2025");
    }

    @Test
    void report_isOneSmallPage_resultFirst_withTheConsolesCharts_andTheZoneAsADensity() throws IOException {
        assertThat(Cli.run("run", "--protocol", "shuttle", "--out", tmp.toString(), "--quiet").exitCode()).isZero();
        String html = Files.readString(tmp.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Result: AGREEMENT")
                .contains("<h2>How far each ratifying party is from accepting</h2>");
        // The result first, then the charts, then the rounds: shuttle's are long, so they are folded.
        assertThat(html.indexOf("<h2>The result</h2>")).isPositive().isLessThan(html.indexOf("Result: AGREEMENT"));
        assertThat(html.indexOf("Beside the fair packages")).isLessThan(html.indexOf("<canvas id=\"utilities\""));
        assertThat(html.indexOf("<canvas id=\"short-of\"")).isLessThan(html.indexOf("<canvas id=\"frontier\""));
        assertThat(html.indexOf("<canvas id=\"frontier\"")).isLessThan(html.indexOf("<h2>The talks, round by round"));
        assertThat(html).contains("<details id=\"rounds\"><summary>").contains("MEETING (package changes");
        // Four ratifying parties: six pairs, the principals first; everything inline, nothing fetched.
        assertThat(html.split("<option ", -1)).hasSize(7);
        assertThat(html).contains("<option value=\"UA-RU\">UA × RU</option>");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script src=");
        assertThat(html).contains("window.ParleyCharts").contains("Chart.js");
        // Once 6.2 MB of dots: a density, and each package written once, keep it small.
        assertThat(html.length()).isLessThan(1_000_000);
        String json = html.substring(html.indexOf("class=\"story-data\">") + 19,
                html.lastIndexOf("</script>\n</section>"));
        var data = Cli.MAPPER.readTree(json.replace("<\\/", "</"));
        assertThat(data.get("pairs").size()).isEqualTo(6);
        long zone = dev.parley.engine.analysis.Analyzer
                .analyze(dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow(),
                        dev.parley.engine.analysis.AnalysisOptions.defaults())
                .agreementZone().orElseThrow();
        for (var pair : data.get("pairs")) {
            long n = 0;
            for (var cell : pair.get("zone")) {
                n += cell.get(2).asLong();
                assertThat(cell.get(0).asDouble() % 0.01).as("a cell's centre").isCloseTo(0.005,
                        org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(n).as("every package of the zone in one cell").isEqualTo(zone);
        }
    }

    @Test
    void tamperedTranscript_isCaughtAtTheMoveThatDiffers() throws IOException {
        assertThat(Cli.run("run", "--out", tmp.toString(), "--quiet").exitCode()).isZero();
        Path transcript = tmp.resolve("transcript.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(transcript));
        int vote = 0;
        for (int i = 1; i < lines.size() && vote == 0; i++) {
            if (lines.get(i).contains("\"accept\":true") && lines.get(i).contains("\"type\":\"vote\"")) {
                vote = i;
            }
        }
        lines.set(vote, lines.get(vote).replaceFirst("\"accept\":true", "\"accept\":false"));
        Files.write(transcript, lines);

        Cli replay = Cli.run("replay", transcript.toString());

        assertThat(replay.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(replay.out()).startsWith("DIFFERENT at move " + vote + " ");
    }

    /**
     * A single-text transcript as written before the mediator heard each vote (a criticised event only for a vote
     * with criticism, and no accept in it; here EUR votes bare) still replays, and a change to its criticism is
     * still caught.
     */
    @Test
    void aTranscriptFromBeforeTheMediatorHeardEachVote_stillReplays() throws IOException {
        assertThat(Cli.run("run", "--out", tmp.toString(), "--quiet").exitCode()).isZero();
        Path transcript = tmp.resolve("transcript.jsonl");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(transcript));
        int dropped = 0;
        int criticised = -1;
        for (int i = 1; i < lines.size(); i++) {
            var line = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(lines.get(i));
            var action = (com.fasterxml.jackson.databind.node.ObjectNode) line.get("action");
            if (line.get("party").asText().equals("EUR") && action.get("type").asText().equals("vote")) {
                action.remove("objections"); // EUR votes bare, as a person may: no criticised event of its own
                action.remove("toward");
            }
            var events = mapper.createArrayNode();
            for (JsonNode e : line.get("events")) {
                if (e.get("type").asText().equals("criticised")) {
                    if (e.get("party").asText().equals("EUR")) {
                        dropped++;
                        continue;
                    }
                    ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("accept");
                    criticised = criticised < 0 ? i : criticised;
                }
                events.add(e);
            }
            line.set("events", events);
            lines.set(i, mapper.writeValueAsString(line));
        }
        assertThat(dropped).as("EUR's votes, heard without criticism today").isPositive();
        Files.write(transcript, lines);
        Cli replay = Cli.run("replay", transcript.toString());
        assertThat(replay.out()).startsWith("OK: replayed");

        String tampered = lines.get(criticised).replaceFirst("(\"type\":\"criticised\",\"party\":\"[A-Z]+\","
                + "\"objections\":\\[\")[A-Z]+\"", "$1XX\"");
        assertThat(tampered).isNotEqualTo(lines.get(criticised));
        lines.set(criticised, tampered);
        Files.write(transcript, lines);
        assertThat(Cli.run("replay", transcript.toString()).out()).startsWith("DIFFERENT at move " + criticised
                + " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-text", "shuttle", "saop", "alternating", "zeuthen"})
    void everyProtocol_runsOnTheDefaultScenario(String protocol) throws IOException {
        Cli r = Cli.run("run", "--protocol", protocol, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("protocol").get("type").asText()).isEqualTo(protocol);
        assertThat(doc.get("result").get("type").asText()).isIn("agreement", "no-agreement");
        assertThat(doc.get("result").get("reason").asText()).isNotBlank();
        assertThat(doc.get("rounds")).isNotEmpty();
        assertThat(doc.get("solutions").get("nash").get("utilities").get("UA").asDouble()).isEqualTo(0.5805);
    }

    @Test
    void json_hasNoFloatNoise_andTheDealsFiguresAsNumbers() throws IOException {
        Cli r = Cli.run("run", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = r.json();
        var noisy = new java.util.ArrayList<String>();
        walk(doc, "", noisy);
        assertThat(noisy).as("figures with more than the 12 decimals the analysis is exact to").isEmpty();
        JsonNode deal = doc.get("deal");
        assertThat(deal.get("victoryIndex").get(0).get("value").isNumber()).isTrue();
        assertThat(deal.get("shares").get("UA").isNumber()).isTrue();
        for (JsonNode flag : deal.get("flags")) {
            flag.get("figures").forEach(f -> assertThat(f.isNumber()).isTrue());
        }
        // the run's utilities are the deal's, to the tick: 0.496, not 0.49599999999999994
        assertThat(doc.get("utilities")).isEqualTo(deal.get("utilities"));
    }

    @Test
    void aDiscount_isAppliedToTheDealReported_andHurriesTheAgents() throws IOException {
        JsonNode plain = Cli.run("run", "--protocol", "alternating", "--format", "json").json();
        Cli r = Cli.run("run", "--protocol", "alternating", "--discount", "0.9", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(plain.has("discounted")).isFalse();
        assertThat(doc.get("result").get("type").asText()).isEqualTo("agreement");
        int last = doc.get("rounds").get(doc.get("rounds").size() - 1).get("round").asInt();
        JsonNode d = doc.get("discounted");
        assertThat(d.get("factor").asDouble()).isEqualTo(0.9);
        assertThat(d.get("delay").asInt()).isEqualTo(last - 1); // rows count rounds from 1, the delay from 0
        assertThat(d.get("multiplier").asDouble()).isCloseTo(Math.pow(0.9, last - 1), within(1e-12));
        doc.get("utilities").properties().forEach(e -> assertThat(d.get("utilities").get(e.getKey()).asDouble())
                .isCloseTo(e.getValue().asDouble() * Math.pow(0.9, last - 1), within(1e-11)));
        // delay costs, so the time-dependent principals agree sooner than without a discount
        assertThat(last).isLessThan(plain.get("rounds").get(plain.get("rounds").size() - 1).get("round").asInt());
        assertThat(Cli.run("run", "--protocol", "alternating", "--discount", "0.9").out()).contains(
                "Discounted (δ = 0.9): the deal came in round " + last + ", worth δ^" + (last - 1));
    }

    @Test
    void json_givesTheGapPerIssue_andEachPartysDistanceToAcceptance_onEveryRow() throws IOException {
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        for (String protocol : List.of("single-text", "saop", "shuttle")) {
            Cli r = Cli.run("run", "--protocol", protocol, "--format", "json");
            JsonNode doc = r.json();
            for (JsonNode row : doc.get("rounds")) {
                int[] c = dev.parley.scenario.wire.PackageJson.read(row.get("package"), s.issues(), "package")
                        .toArray();
                for (var p : s.ratifyingParties()) {
                    var profile = s.profiles().get(p.id());
                    assertThat(row.get("distanceToAcceptance").get(p.id()).asDouble()).as("%s %s", protocol, p.id())
                            .isCloseTo(Math.max(0, profile.reservation() - profile.utility(c)), within(1e-9));
                }
            }
            if (protocol.equals("saop")) {
                continue; // its first row is UA's first offer, which UA has then said
            }
            // Before anything is said each principal stands at its best package: on the first row, the gap on each
            // issue is how far apart their best options are.
            int[] ua = dev.parley.engine.utility.UtilityTable.of(s.space(), s.profiles().get("UA")).bestPackage();
            int[] ru = dev.parley.engine.utility.UtilityTable.of(s.space(), s.profiles().get("RU")).bestPackage();
            JsonNode first = doc.get("rounds").get(0).get("issueGaps");
            double weighted = 0;
            for (int i = 0; i < s.issues().size(); i++) {
                double g = Math.abs(ua[i] - ru[i]) / (s.issues().get(i).size() - 1.0);
                assertThat(first.get(s.issues().get(i).id()).asDouble()).as("%s %s", protocol, s.issues().get(i)
                        .id()).isCloseTo(g, within(1e-12));
                weighted += (s.profiles().get("UA").weight(i) + s.profiles().get("RU").weight(i)) / 2 * g;
            }
            assertThat(doc.get("rounds").get(0).get("gap").asDouble()).isCloseTo(weighted, within(1e-12));
        }
    }

    @Test
    void help_saysWhatEachProtocolAndAgentDoes_andWhereTheReportGoes() {
        for (String command : List.of("run", "forecast")) {
            Cli r = Cli.run(command, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.err()).as("picocli's own warnings").isEmpty();
            String help = r.out().replaceAll("\\s+", " ");
            for (var k : dev.parley.engine.protocol.ProtocolKind.values()) {
                assertThat(help).contains(k.id() + " " + k.description());
            }
            for (var e : dev.parley.engine.agent.Agents.catalogue()) {
                assertThat(help).as(e.name()).contains(e.name() + " " + e.description());
            }
            assertThat(r.out().lines()).allMatch(l -> l.length() <= 80, "fits 80 columns");
        }
        assertThat(Cli.run("run", "--help").out()).contains("report.html");
    }

    @Test
    void csv_holdsEveryRowOfTheStory_asTheJsonDocumentHasIt() throws IOException {
        for (String protocol : List.of("single-text", "shuttle")) {
            Cli csv = Cli.run("run", "--protocol", protocol, "--format", "csv");
            assertThat(csv.exitCode()).as(csv.err()).isZero();
            List<List<String>> rows = CsvRead.parse(csv.out());
            JsonNode rounds = Cli.run("run", "--protocol",
                    protocol, "--format", "json").json().get("rounds");
            List<String> header = rows.get(0);
            assertThat(header).startsWith("round", "party", "change", "CF").contains("utility RU", "gap", "gap TR",
                    "short of reservation RU");
            assertThat(rows).hasSize(rounds.size() + 1).allMatch(r -> r.size() == header.size());
            for (int k = 0; k < rounds.size(); k++) {
                List<String> r = rows.get(k + 1);
                JsonNode j = rounds.get(k);
                assertThat(r.get(0)).isEqualTo(j.get("round").asText());
                assertThat(r.get(2)).isEqualTo(j.get("change").asText());
                assertThat(r.get(header.indexOf("TR"))).isEqualTo(j.get("package").get("TR").asText());
                assertThat(Double.parseDouble(r.get(header.indexOf("utility RU")))).isEqualTo(j.get("utilities").get(
                        "RU").asDouble());
                assertThat(Double.parseDouble(r.get(header.indexOf("short of reservation RU")))).isEqualTo(j.get(
                        "distanceToAcceptance").get("RU").asDouble());
            }
        }
    }

    /** Every number of {@code node} with more than 12 decimals, by its path. */
    private static void walk(JsonNode node, String path, List<String> noisy) {
        if (node.isNumber() && new java.math.BigDecimal(node.asText()).stripTrailingZeros().scale() > 12) {
            noisy.add(path + " = " + node.asText());
        }
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), noisy));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", noisy);
            }
        }
    }

    @Test
    void seats_areChosenByFlag() {
        Cli r = Cli.run("run", "--protocol", "saop", "--seats", "UA=hardliner,RU=conceder:e=3", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Seats: UA hardliner, RU conceder:e=3, US boulware, EUR boulware");
    }

    @Test
    void badSeatsAndProtocols_areUsageErrors() {
        Cli seat = Cli.run("run", "--seats", "XX=boulware,UA=sly");
        assertThat(seat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(seat.err()).isEqualTo("parley: --seats: XX has no seat in single-text (seats: US, UA, RU, EUR)\n");
        Cli agent = Cli.run("run", "--seats", "UA=sly");
        assertThat(agent.err()).startsWith("parley: --seats: UA: unknown agent 'sly' (agents: boulware,");
        // An agent that cannot fill the seat's role is refused, naming those that can (it once ran as hill-climb).
        Cli unfit = Cli.run("run", "--protocol", "single-text", "--seats", "US=boulware");
        assertThat(unfit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unfit.out()).isEmpty();
        assertThat(unfit.err()).startsWith("parley: --seats: US: boulware cannot fill a text-mediator seat").contains(
                "agents for it: hill-climb, learning, interested, anneal");
        Cli param = Cli.run("run", "--seats", "UA=hardliner:e=2");
        assertThat(param.err()).isEqualTo("parley: --seats: UA: agent hardliner takes no parameters, not 'e=2'\n");
        Cli unknown = Cli.run("run", "--protocol", "auction");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("parley: unknown protocol 'auction' (available: single-text, shuttle, "
                + "saop, alternating, zeuthen)\n");
        assertThat(Cli.run("run", "--rounds", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void replay_ofAMissingOrForeignFile_isAUsageError() throws IOException {
        assertThat(Cli.run("replay", tmp.resolve("none.jsonl").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        Path foreign = Files.writeString(tmp.resolve("x.jsonl"), "{\"format\":\"other\"}\n");
        Cli r = Cli.run("replay", foreign.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not a parley-transcript/1 transcript");
    }
}
