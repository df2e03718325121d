package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    static final String NASH = "CF=full-after-monitoring,KU=corridor,TR=de-facto-line,MO=ukraine-halts,"
            + "AID=us-pause-europe-continues,PK=neutral-monitors,SG=binding-us-europe,NATO=neutrality,"
            + "SAN=phased-with-snapback";
    static final String RUSSIAN_TERMS = "CF=energy-and-sea,KU=surrender,TR=us-recognises-crimea,MO=ukraine-halts,"
            + "AID=all-paused,PK=none,SG=political-assurances,NATO=neutrality,SAN=broad-us-relief";

    @TempDir
    Path tmp;

    @Test
    void text_showsTheZoneFrontierAndTheFourSolutions() {
        Cli r = Cli.run("analyze");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Outcomes          800,000\n")
                .contains("Within red lines   77,760  break no ratifying "
                        + "party's red line or condition")
                .contains("Agreement zone     17,532").contains("Pareto frontier       "
                        + "486  of the zone; no ties")
                .containsPattern("\n +nash +kalaiSmorodinsky +egalitarian +utilitarian\n")
                .containsPattern("\n  UA +0\\.5805 +0\\.5485 +0\\.5475 +0\\.5965\n")
                .contains("What blocks a deal").contains("UA red line TR=recognise-occupied");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void json_hasTheShapeOfDesignMd() throws IOException {
        JsonNode doc = Cli.run("analyze", "--format", "json", "--limit", "3").json();
        assertThat(doc.get("scenario").asText()).isEqualTo("ceasefire-2025");
        assertThat(doc.get("outcomes").asLong()).isEqualTo(800_000);
        assertThat(doc.get("withinRedLines").asLong()).isEqualTo(77_760);
        assertThat(doc.get("agreementZone").asLong()).isEqualTo(17_532);
        assertThat(doc.get("frontier").get("size").asLong()).isEqualTo(486);
        assertThat(doc.get("frontier").get("outcomes")).hasSize(3);
        assertThat(doc.get("frontier").get("outcomes").get(0).get("CF").asText()).isEqualTo("full-after-monitoring");
        JsonNode solutions = doc.get("solutions");
        assertThat(iterable(solutions.fieldNames()))
                .containsExactly("nash", "kalaiSmorodinsky", "egalitarian", "utilitarian");
        assertThat(solutions.get("nash").get("outcome").get("KU").asText()).isEqualTo("corridor");
        assertThat(solutions.get("nash").get("utilities").get("UA").asDouble()).isEqualTo(0.5805);
        assertThat(solutions.get("nash").get("utilities").get("RU").asDouble()).isEqualTo(0.556);
        assertThat(doc.get("blockingDemands")).hasSize(13);
        JsonNode condition = doc.get("blockingDemands").get(2);
        assertThat(condition.get("kind").asText()).isEqualTo("condition");
        assertThat(condition.get("condition").asText()).isEqualTo("CF=full-30d|full-after-monitoring only with "
                + "MO=mutual-pause|ukraine-halts|permanent-caps");
        assertThat(condition.get("zoneWithout").asLong()).isEqualTo(22_860);
        assertThat(doc.get("notes")).isEmpty();
    }

    @Test
    void package_atTheNashPoint_isNotLopsided() throws IOException {
        JsonNode p = Cli.run("analyze", "--format", "json", "--no-blocking", "--package", NASH).json().get("package");
        assertThat(p.get("inZone").asBoolean()).isTrue();
        assertThat(p.get("paretoOptimal").asBoolean()).isTrue();
        assertThat(p.get("lopsided").asBoolean()).isFalse();
        assertThat(p.get("nashDistance").asDouble()).isZero();
        assertThat(p.get("nashProductShare").asDouble()).isEqualTo(1.0);
        assertThat(p.get("victoryIndex").get(0).get("between").toString()).isEqualTo("[\"UA\",\"RU\"]");
    }

    @Test
    void package_onRussianTerms_isFlaggedByName() throws IOException {
        JsonNode p = Cli.run("analyze", "--format", "json", "--no-blocking", "--package", RUSSIAN_TERMS).json()
                .get("package");
        assertThat(p.get("lopsided").asBoolean()).isTrue();
        var flags = new ArrayList<String>();
        p.get("flags").forEach(f -> flags.add(f.get("flag").asText() + ":" + f.get("party").asText()));
        // UA and its ally EUR both below their reservations (counted as nothing) against RU's more than the zone
        // allows (counted as everything); neutrality without guarantees; RU 4 of 5 demands (66% by its weights), UA
        // none.
        assertThat(flags).containsExactly("below-reservation:UA", "condition-broken:UA", "below-reservation:EUR",
                "victory:RU", "demands-one-sided:RU", "allies-fare-worse:UA");
        assertThat(p.get("victoryIndex").get(0).get("value").asDouble()).isGreaterThan(0.4);
        assertThat(p.get("inZone").asBoolean()).isFalse();
    }

    /** Shares are never printed below 0% or above 100% without saying why; the figures are numbers in JSON. */
    @Test
    void package_onRussianTerms_saysWhyItsSharesLieOutsideTheirRange() throws IOException {
        Cli text = Cli.run("analyze", "--no-blocking", "--limit", "0", "--package", RUSSIAN_TERMS);
        // UA gets 0.1765 against 0.45; RU 0.8125, more than its best in the zone.
        assertThat(text.out()).contains("below reservation by 0.2735").contains("more than the zone allows")
                .doesNotContain("-137%").doesNotContain("172%").contains("beyond ±1 because a share lies outside");
        JsonNode p = Cli.run("analyze", "--format", "json", "--no-blocking", "--package", RUSSIAN_TERMS).json()
                .get("package");
        assertThat(p.get("belowReservationBy").get("UA").isNumber()).isTrue();
        assertThat(p.get("belowReservationBy").get("UA").asDouble()).isCloseTo(0.45 - 0.1765, within(1e-9));
        JsonNode victory = p.get("flags").get(3);
        assertThat(victory.get("figures").get("victoryIndex").isNumber()).isTrue();
        // The index from the document's own utilities, reservations and zone ideals: (u − r)/(a − r), RU minus UA.
        JsonNode doc = Cli.run("analyze", "--format", "json", "--no-blocking", "--package", RUSSIAN_TERMS).json();
        java.util.function.ToDoubleFunction<String> share = party -> (p.get("utilities").get(party).asDouble() - doc
                .get("reservations").get(party).asDouble()) / (doc.get("ideals").get(party).asDouble()
                        - doc.get(
                                "reservations").get(party).asDouble());
        assertThat(victory.get("figures").get("victoryIndex").asDouble()).isCloseTo(share.applyAsDouble("RU") - share
                .applyAsDouble("UA"), within(1e-9));
        assertThat(p.get("flags").get(0).get("figures").get("shortfall").asDouble()).isCloseTo(0.45 - 0.1765, within(
                1e-9));
        assertThat(p.get("sharesWithinRedLines").get("US").isNumber()).isTrue();
    }

    @Test
    void assessmentLimits_areCheckedAsUsage() {
        assertThat(Cli.run("analyze", "--favoured-limit", "2").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli r = Cli.run("analyze", "--demand-limits", "0.2,0.5");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'few' demands (0.5) must be below 'most' (0.2)");
    }

    @Test
    void package_dominatedInTheZone_isFlagged() throws IOException {
        // The Nash package with sanctions kept until withdrawal (better for Ukraine and Europe, worse for Russia and
        // the US) is still in the zone, but some zone outcome beats it for all: it must be flagged as dominated.
        String worse = NASH.replace("SAN=phased-with-snapback", "SAN=kept-until-withdrawal");
        JsonNode p = Cli.run("analyze", "--format", "json", "--no-blocking", "--package", worse).json().get("package");
        var flags = new ArrayList<String>();
        p.get("flags").forEach(f -> flags.add(f.get("flag").asText()));
        assertThat(p.get("paretoOptimal").asBoolean()).isFalse();
        assertThat(flags).contains("pareto-dominated");
    }

    @Test
    void badPackage_isAUsageErrorNamingEachProblem() {
        Cli r = Cli.run("analyze", "--package", "CF=full,KU=x");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("parley: --package: no option 'full' in issue CF (options: full-30d, "
                + "full-after-monitoring, energy-and-sea, in-final-settlement); no option 'x' in issue KU")
                .contains("no option given for TR, MO, AID, PK, SG, NATO, SAN");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void emptyZone_isSaidPlainlyWithNearMisses() throws IOException {
        Path tight = tmp.resolve("tight.yaml");
        Files.writeString(tight, Files.readString(ValidateCommandTest.FIXTURES.resolve("valid/fishing.yaml"))
                .replace("reservation: 0.3\n", "reservation: 0.8\n"));
        Cli text = Cli.run("analyze", tight.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Agreement zone    0  EMPTY: no package gives every ratifying party its "
                + "reservation").contains("No fair package: the agreement zone is empty.").contains("Near misses");
        JsonNode doc = Cli.run("analyze", tight.toString(), "--format", "json").json();
        assertThat(doc.get("zoneEmpty").asBoolean()).isTrue();
        assertThat(doc.get("solutions").get("nash").isNull()).isTrue();
        assertThat(doc.get("nearMisses").get(0).get("shortOf").toString()).isEqualTo("[\"S\"]");
        // Waiving S's reservation alone opens it: N then gets 1 at north and divided. N's alone does not: S's best
        // within N's red line is 0.65.
        assertThat(text.out()).contains("What would open the zone: the smallest sets (of 1)").contains(
                "  S reservation 0.80\n");
        assertThat(doc.get("relaxations").toString()).isEqualTo("[[\"S reservation 0.80\"]]");
    }

    @Test
    void frontierOfTheWholeSpace_marksZoneMembership() throws IOException {
        // Most of the whole space's frontier breaks a red line or a condition; the first in the zone comes 404th.
        JsonNode f = Cli.run("analyze", "--format", "json", "--no-blocking", "--frontier", "all", "--limit",
                "500").json().get("frontier");
        assertThat(f.get("of").asText()).isEqualTo("all");
        assertThat(f.get("size").asLong()).isGreaterThan(486);
        var inZone = new ArrayList<Boolean>();
        f.get("inZone").forEach(b -> inZone.add(b.asBoolean()));
        assertThat(inZone).contains(true, false);
    }

    @Test
    void badLimit_isAUsageError() {
        assertThat(Cli.run("analyze", "--limit", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("analyze", "--frontier", "some").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void limitAll_listsTheWholeFrontier_inEveryFormat_theSameOutcomesInTheSameOrder() throws IOException {
        // 486: the zone frontier's size in the scenario's sanity figures.
        List<List<String>> rows = CsvRead.parse(Cli.run("analyze", "--format", "csv", "--limit", "all", "--no-blocking")
                .out());
        List<String> header = rows.get(0);
        List<List<String>> frontier = rows.stream().filter(x -> x.get(0).equals("frontier")).toList();
        assertThat(frontier).hasSize(486);
        JsonNode doc = Cli.run("analyze", "--format", "json", "--limit=all", "--no-blocking").json();
        assertThat(doc.get("frontier").get("shown").asLong()).isEqualTo(486);
        assertThat(doc.get("frontier").get("outcomes")).hasSize(486);
        assertThat(doc.get("frontier").get("utilities")).hasSize(486);
        assertThat(doc.get("frontier").get("inZone")).hasSize(486);
        assertThat(doc.get("frontier").get("ties")).hasSize(486);
        var ratifying = new ArrayList<String>();
        doc.get("ratifying").forEach(p -> ratifying.add(p.asText()));
        var vectors = new ArrayList<double[]>();
        for (int i = 0; i < frontier.size(); i++) {
            List<String> row = frontier.get(i);
            JsonNode outcome = doc.get("frontier").get("outcomes").get(i);
            outcome.fieldNames().forEachRemaining(issue -> assertThat(row.get(header.indexOf(issue))).isEqualTo(
                    outcome.get(issue).asText()));
            vectors.add(ratifying.stream().mapToDouble(p -> Double.parseDouble(row.get(header.indexOf("utility "
                    + p)))).toArray());
        }
        for (double[] a : vectors) { // the definition: no listed outcome is dominated by another
            for (double[] b : vectors) {
                boolean geq = true;
                boolean gt = false;
                for (int k = 0; k < a.length; k++) {
                    geq &= b[k] >= a[k];
                    gt |= b[k] > a[k];
                }
                assertThat(geq && gt).isFalse();
            }
        }
        String text = Cli.run("analyze", "--limit", "all", "--no-blocking").out();
        assertThat(text).contains("Pareto frontier: 486 of 486, the most balanced");
        List<String> table = text.substring(text.indexOf("Pareto frontier: 486 of 486")).lines().skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        assertThat(table).hasSize(1 + 486);
        assertThat(table.stream().map(String::length).distinct()).hasSize(1); // every column right-aligned
        assertThat(table.get(1).trim().split(" +")[0]).isEqualTo(frontier.get(0).get(header.indexOf("utility UA")));
    }

    @Test
    void csv_saysOnStandardErrorWhatWasNotComputed() throws IOException {
        var s = dev.parley.engine.model.RandomScenarios.generate(new java.util.SplittableRandom(7),
                dev.parley.engine.model.RandomScenarios.Settings.of(4, 20, 10));
        Path file = tmp.resolve("huge.json");
        Files.writeString(file, dev.parley.scenario.ScenarioWriter.write(s, dev.parley.scenario.Format.JSON));
        Cli r = Cli.run("analyze", file.toString(), "--format", "csv", "--no-blocking", "--max-points", "10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1); // the header: no solution, no frontier
        assertThat(r.err()).contains("parley: note: zone frontier not computed: more than 10 non-dominated "
                + "partial packages after issue 2").contains("parley: note: agreement zone not counted");
        assertThat(Cli.run("analyze", "--format", "csv").err()).isEmpty();
    }

    @Test
    void limitThatIsNoCount_isAUsageErrorSayingWhatIs() {
        Cli r = Cli.run("analyze", "--limit", "most");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'most' is not a count: write 0 or more, or all");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        var out = new ArrayList<String>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aFourPartyAnalysisOf10To20Outcomes_stopsAtTheBudget_andSaysWhatItDidNotCompute() throws IOException {
        var s = dev.parley.engine.model.RandomScenarios.generate(new java.util.SplittableRandom(7),
                dev.parley.engine.model.RandomScenarios.Settings.of(4, 20, 10));
        Path file = tmp.resolve("huge.json");
        Files.writeString(file, dev.parley.scenario.ScenarioWriter.write(s, dev.parley.scenario.Format.JSON));
        Cli r = Cli.run("analyze", file.toString(), "--budget", "300ms", "--max-points", "2000000000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("zone frontier not computed: the time budget of 300 ms ran out in the frontier "
                + "at issue ");
        Cli bad = Cli.run("analyze", file.toString(), "--budget", "soon");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'soon' is not a duration: write e.g. 500ms, 30s, 5m or 1h");
    }

    @Test
    void csv_listsTheFairPackagesThenTheFrontier_asTheJsonDocumentHasThem() throws IOException {
        Cli r = Cli.run("analyze", "--format", "csv", "--limit", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<List<String>> rows = CsvRead.parse(r.out());
        JsonNode doc = Cli.run("analyze", "--format", "json", "--limit", "3").json();
        List<String> header = rows.get(0);
        assertThat(header).startsWith("package", "in zone", "CF").contains("utility UA", "utility EUR");
        assertThat(rows.stream().skip(1).map(x -> x.get(0)).toList()).containsExactly("nash", "kalaiSmorodinsky",
                "egalitarian", "utilitarian", "frontier", "frontier", "frontier");
        List<String> nash = rows.get(1);
        var options = new ArrayList<String>();
        for (String issue : List.of("CF", "KU", "TR", "MO", "AID", "PK", "SG", "NATO", "SAN")) {
            options.add(issue + "=" + nash.get(header.indexOf(issue)));
        }
        assertThat(String.join(",", options)).isEqualTo(NASH);
        assertThat(Double.parseDouble(nash.get(header.indexOf("utility UA")))).isEqualTo(0.5805);
        assertThat(nash.get(1)).isEqualTo("true");
        assertThat(doc.get("solutions").get("nash").get("utilities").get("RU").asDouble()).isEqualTo(Double
                .parseDouble(nash.get(header.indexOf("utility RU"))));
    }
}
