package dev.parley.scenario.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.parley.engine.model.Issue;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Profile;
import dev.parley.engine.model.RandomScenarios;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.utility.UtilityTable;
import dev.parley.scenario.BuiltinScenarios;
import dev.parley.scenario.Problem;
import dev.parley.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeniusInteropTest {
    static final Path DIR = Path.of("src/test/resources/genius");

    @TempDir
    Path tmp;

    static GeniusImport.Result read(String domain, String... profiles) {
        var paths = new ArrayList<Path>();
        for (String p : profiles) {
            paths.add(DIR.resolve(p));
        }
        return GeniusImport.read(DIR.resolve(domain), paths, GeniusImport.Settings.defaults());
    }

    static double utility(Scenario s, String party, String pkg) {
        return UtilityTable.of(s.space(), s.profiles().get(party)).utility(Outcome.parse(s.issues(), pkg).toArray());
    }

    @Test
    void twoPartyDiscreteDomain_importsWithHandComputedUtilities() {
        var r = read("party/party_domain.xml", "party/alice.xml", "party/bob.xml");
        Scenario s = r.scenario();
        assertThat(s.title()).isEqualTo("Party");
        assertThat(s.parties()).extracting(p -> p.id()).containsExactly("alice", "bob");
        assertThat(s.issues()).extracting(Issue::id).containsExactly("Food", "Music");
        assertThat(s.issues().get(0).options()).extracting(o -> o.id() + "/" + o.label())
                .containsExactly("Crisps-and-Dips/Crisps and Dips", "Canapes/Canapes", "Buffet/Buffet");
        // alice: Food evaluations 1, 2, 4 → 0.25, 0.5, 1; Music 3, 1 → 1, 1/3; weights 0.6, 0.4.
        assertThat(utility(s, "alice", "Food=Crisps-and-Dips,Music=DJ")).isCloseTo(0.6 * 0.25 + 0.4 / 3, within(1e-12));
        // bob: Food 5, 10, 0 → 0.5, 1, 0; Music 0.2, 0.8 → 0.25, 1; weights 0.3, 0.7.
        assertThat(utility(s, "bob", "Food=Canapes,Music=Band")).isCloseTo(0.3 + 0.7 * 0.25, within(1e-12));
        assertThat(s.profiles().get("alice").reservation()).isZero();
        assertThat(s.protocol().orElseThrow().type()).isEqualTo("alternating");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void threePartyDomain_normalisesWeightsAndSaysSo() {
        var r = read("three/domain.xml", "three/north.xml", "three/south.xml", "three/east.xml");
        Scenario s = r.scenario();
        assertThat(s.parties()).hasSize(3);
        assertThat(s.protocol().orElseThrow().type()).isEqualTo("saop");
        assertThat(r.notes()).containsExactly("north: weights summed to 1.2 and were normalised to 1");
        // north: weights 0.9, 0.3 → 0.75, 0.25.
        assertThat(utility(s, "north", "Share=even,Dam=delay")).isCloseTo(0.75 * 0.5 + 0.25 * 0.2, within(1e-12));
        assertThat(utility(s, "east", "Share=even,Dam=build")).isCloseTo(0.25 + 0.75 * 0.5, within(1e-12));
    }

    @Test
    void integerAndRealIssues_becomeOptions_withReservationAndDiscount() {
        var r = read("mixed/domain.xml", "mixed/buyer.xml", "mixed/seller.xml");
        Scenario s = r.scenario();
        assertThat(s.issues().get(0).options()).extracting(o -> o.id()).containsExactly("0", "1", "2", "3", "4");
        assertThat(s.issues().get(1).size()).isEqualTo(11);
        // buyer: price 1 − 0.25·x; days 1 − 0.1·d; colour 2, 1 → 1, 0.5; weights 0.5, 0.3, 0.2.
        assertThat(utility(s, "buyer", "price=1,days=2,colour=blue")).isCloseTo(0.5 * 0.75 + 0.3 * 0.8 + 0.2 * 0.5,
                within(1e-12));
        // seller: days 0.2·d, clamped at 1 from d = 5 on.
        assertThat(utility(s, "seller", "price=4,days=8,colour=red")).isCloseTo(0.7 + 0.2 + 0.1, within(1e-12));
        assertThat(s.profiles().get("buyer").reservation()).isEqualTo(0.4);
        assertThat(s.protocol().orElseThrow().discount()).hasValue(0.9);
        assertThat(r.notes()).containsExactly("real issue days [0.0, 10.0] was discretised into 11 options (--steps)",
                "seller: evaluations of days outside [0, 1] were clamped to [0, 1], as GENIUS does");

        var coarse = GeniusImport.read(DIR.resolve("mixed/domain.xml"), List.of(DIR.resolve("mixed/buyer.xml"),
                DIR.resolve("mixed/seller.xml")), new GeniusImport.Settings(Optional.of(List.of("B", "S")), 3));
        assertThat(coarse.scenario().issues().get(1).options()).extracting(o -> o.label()).containsExactly("0", "5",
                "10");
        assertThat(coarse.scenario().parties()).extracting(p -> p.id()).containsExactly("B", "S");
    }

    @ParameterizedTest
    @CsvSource({"party/party_domain.xml, party/alice.xml, party/bob.xml, ''",
            "three/domain.xml, three/north.xml, three/south.xml, three/east.xml",
            "mixed/domain.xml, mixed/buyer.xml, mixed/seller.xml, ''"})
    void importExportImport_givesTheSameScenario(String domain, String a, String b, String c) throws IOException {
        Scenario first = (c.isEmpty() ? read(domain, a, b) : read(domain, a, b, c)).scenario();
        Scenario second = reimport(first);
        assertThat(second.title()).isEqualTo(first.title());
        assertThat(second.issues()).isEqualTo(first.issues());
        assertThat(second.parties()).isEqualTo(first.parties());
        assertThat(second.protocol().orElseThrow().discount()).isEqualTo(first.protocol().orElseThrow().discount());
        for (String party : first.profiles().keySet()) {
            assertSameUtilities(first, second, party, 1.0);
        }
    }

    @Test
    void statedDemandsAndAllies_areReportedAsDropped() {
        Scenario s = dev.parley.scenario.ScenarioReader.read(Path.of(
                "src/test/resources/scenarios/valid/fishing-demands.yaml"));
        assertThat(GeniusExport.write(s).notes()).contains(
                "N: stated demands most-fish, share-or-even cannot be expressed in GENIUS and were dropped",
                "S: stated demands own-zone cannot be expressed in GENIUS and were dropped",
                "OBS: allies N cannot be expressed in GENIUS and were dropped");
    }

    @Test
    void conditionsAndInteractionTerms_areReportedAsDropped() {
        Scenario s = dev.parley.scenario.ScenarioReader.read(Path.of(
                "src/test/resources/scenarios/valid/fishing-conditions.yaml"));
        assertThat(GeniusExport.write(s).notes()).contains(
                "N: 1 hard condition(s) and 1 interaction term(s) cannot be expressed in GENIUS's additive profiles "
                        + "and were dropped",
                "S: 0 hard condition(s) and 1 interaction term(s) cannot be expressed in GENIUS's additive profiles "
                        + "and were dropped");
    }

    @Test
    void nativeScenario_exportsWithRedLinesReportedAndUtilitiesScaledTogether() throws IOException {
        Scenario ceasefire = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        GeniusExport.Result r = GeniusExport.write(ceasefire);
        assertThat(r.files().keySet()).containsExactly("ceasefire-2025-domain.xml", "UA.xml", "RU.xml", "US.xml",
                "EUR.xml");
        assertThat(r.notes()).contains("UA: red lines TR=recognise-occupied, TR=recognise-five-regions, "
                + "MO=permanent-caps cannot be expressed in GENIUS and were not exported");
        Scenario back = reimport(ceasefire);
        assertThat(back.issues()).extracting(Issue::id).containsExactlyElementsOf(
                ceasefire.issues().stream().map(Issue::id).toList());
        for (String party : ceasefire.profiles().keySet()) {
            assertSameUtilities(ceasefire, back, party, 1.0); // every issue's best value is 1 here: exact
        }
        // A random scenario's best values are below 1: GENIUS scales each profile by one factor.
        Scenario random = RandomScenarios.generate(new SplittableRandom(5), new RandomScenarios.Settings(2, 3, 2, 4,
                0, 0.5, 0.0));
        Scenario again = reimport(random);
        for (String party : random.profiles().keySet()) {
            Profile p = random.profiles().get(party);
            double scale = 0;
            for (int i = 0; i < p.issueCount(); i++) {
                double max = 0;
                for (int k = 0; k < p.optionCount(i); k++) {
                    max = Math.max(max, p.value(i, k));
                }
                scale += p.weight(i) * max;
            }
            assertSameUtilities(random, again, party, scale);
            assertThat(again.profiles().get(party).reservation()).isCloseTo(p.reservation() / scale, within(1e-12));
        }
        assertThat(GeniusExport.write(random).notes()).anyMatch(n -> n.contains("utilities are scaled by 1/"));
    }

    private Scenario reimport(Scenario s) throws IOException {
        GeniusExport.Result r = GeniusExport.write(s);
        Path dir = Files.createTempDirectory(tmp, "genius");
        var profiles = new ArrayList<Path>();
        Path domain = null;
        for (Map.Entry<String, String> f : r.files().entrySet()) {
            Path file = Files.writeString(dir.resolve(f.getKey()), f.getValue());
            if (f.getKey().endsWith("-domain.xml")) {
                domain = file;
            } else {
                profiles.add(file);
            }
        }
        return GeniusImport.read(domain, profiles, GeniusImport.Settings.defaults()).scenario();
    }

    /** Every outcome's utility for {@code party} in {@code b} is its utility in {@code a} divided by {@code scale}. */
    private static void assertSameUtilities(Scenario a, Scenario b, String party, double scale) {
        var ta = UtilityTable.of(a.space(), a.profiles().get(party));
        var tb = UtilityTable.of(b.space(), b.profiles().get(party));
        int[] choice = new int[a.issues().size()];
        do {
            assertThat(tb.utility(choice)).as("%s at %s", party, java.util.Arrays.toString(choice))
                    .isCloseTo(ta.utility(choice) / scale, within(1e-12));
        } while (a.space().increment(choice));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad/not-xml.xml|party/alice.xml|bad/not-xml.xml:1:1: not well-formed XML: Content is not allowed in prolog.",
            "bad/unknown-type-domain.xml|party/alice.xml|bad/unknown-type-domain.xml:9:77 issue Music: has unknown "
                    + "type 'fuzzy' (GENIUS types: discrete, integer, real)",
            "bad/empty-issue-domain.xml|party/alice.xml|bad/empty-issue-domain.xml:9:83 issue Music: is empty: a "
                    + "discrete issue needs items",
            "party/party_domain.xml|bad/mismatch-profile.xml|bad/mismatch-profile.xml:8:83 issue Music: is named "
                    + "'Musik' in the profile but 'Music' in the domain",
            "party/party_domain.xml|bad/negative-profile.xml|bad/negative-profile.xml:10:51 issue Music item DJ: has "
                    + "a negative evaluation: -0.8",
            "party/party_domain.xml|bad/missing-weight-profile.xml|bad/missing-weight-profile.xml:8:83 issue Music: "
                    + "has no weight (a <weight index=\"2\" value=\"...\"/> is missing)",
            "bad/xxe.xml|party/alice.xml|bad/xxe.xml:2:10: DOCTYPE declarations are not allowed (they could expand "
                    + "entities or read other files)",
            "bad/billion-laughs.xml|party/alice.xml|bad/billion-laughs.xml:2:10: DOCTYPE declarations are not "
                    + "allowed (they could expand entities or read other files)",
            "bad/huge-integer-domain.xml|mixed/buyer.xml|bad/huge-integer-domain.xml:3:80 issue price: bounds must lie "
                    + "within ±1e15, not -5.0E18 to 5.0E18",
            "bad/huge-real-domain.xml|mixed/buyer.xml|bad/huge-real-domain.xml:6:79 issue days: bounds must lie within "
                    + "±1e15, not 0.0 to 1.0E308"})
    void badInput_isRefusedWithFileLineAndReason(String domain, String profile, String expected) {
        String other = profile.startsWith("mixed/") ? "mixed/seller.xml" : "party/bob.xml"; // a valid second party
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> read(domain, profile, other));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(DIR + "/" + expected);
        assertThat(e.getMessage()).doesNotContain("root:"); // nothing of /etc/passwd leaks
    }

    @Test
    void missingFile_isNamed() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> read("party/none.xml",
                "party/alice.xml", "party/bob.xml"));
        assertThat(e.getMessage()).isEqualTo(DIR + "/party/none.xml: no such file");
    }
}
