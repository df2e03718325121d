package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.model.Scenario;
import dev.parley.scenario.genius.GeniusImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario Parley writes reads back equal, in both formats, and writing it again gives the same text: over
 * seeded random scenarios whose texts are made to trip a writer ({@link TrickyScenarios}), the built-in scenarios,
 * every valid fixture and every GENIUS fixture that imports.
 */
class WrittenReadsBackTest {
    static Stream<Arguments> tricky() {
        return Stream.iterate(1L, s -> s + 1).limit(400).flatMap(seed -> Stream.of(Format.values())
                .map(f -> Arguments.of(seed, f)));
    }

    @ParameterizedTest
    @MethodSource("tricky")
    void trickyScenario_readsBackEqual(long seed, Format format) {
        roundTrip(TrickyScenarios.generate(seed), format, "tricky-" + seed);
    }

    /** As the server stores a negotiation's scenario and each profile change, and reads them back to rebuild it. */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void trickyScenario_asTheServerStoresIt_readsBackEqual(long seed) {
        Scenario s = TrickyScenarios.generate(seed);
        String stored = dev.parley.scenario.wire.Json.write(ScenarioWriter.tree(s));
        assertThat(ScenarioReader.read("negotiation", stored, Format.JSON)).isEqualTo(s);
        s.profiles().forEach((party, profile) -> assertThat(ScenarioReader.readProfile(s, party,
                dev.parley.scenario.wire.Json.write(ScenarioWriter.profile(s.issues(), profile))))
                .isEqualTo(profile));
    }

    static Stream<Arguments> fixtures() throws IOException {
        var out = new ArrayList<Arguments>();
        for (String id : BuiltinScenarios.ids()) {
            out.add(Arguments.of("built-in " + id, BuiltinScenarios.find(id).orElseThrow()));
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios/valid"))) {
            for (Path p : files.sorted().toList()) {
                out.add(Arguments.of(p.getFileName().toString(), ScenarioReader.read(p)));
            }
        }
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/genius"))) {
            for (Path d : dirs.sorted().filter(Files::isDirectory).toList()) {
                if (d.getFileName().toString().equals("bad")) {
                    continue; // refused files, tested with their messages
                }
                try (Stream<Path> xml = Files.list(d)) {
                    List<Path> all = xml.sorted().toList();
                    Path domain = all.stream().filter(x -> x.getFileName().toString().contains("domain"))
                            .findFirst().orElseThrow();
                    List<Path> profiles = all.stream().filter(x -> !x.equals(domain)).toList();
                    out.add(Arguments.of("genius " + d.getFileName(), GeniusImport.read(domain, profiles,
                            GeniusImport.Settings.defaults()).scenario()));
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixture_readsBackEqual(String name, Scenario s) {
        for (Format f : Format.values()) {
            roundTrip(s, f, name);
        }
    }

    static void roundTrip(Scenario s, Format format, String name) {
        String text = ScenarioWriter.write(s, format);
        Scenario back = ScenarioReader.read(name + "." + format.id(), text, format);
        assertThat(back).as("%s as %s:%n%s", name, format, text).isEqualTo(s);
        assertThat(ScenarioWriter.write(back, format)).isEqualTo(text);
    }

    /** The generator makes what it promises: every kind of tricky text turns up over the seeds. */
    @org.junit.jupiter.api.Test
    void theGenerator_coversItsTrickyTexts() {
        var seen = new java.util.HashSet<String>();
        for (long seed = 1; seed <= 400; seed++) {
            Scenario s = TrickyScenarios.generate(seed);
            s.parties().forEach(p -> seen.add(p.name()));
            s.issues().forEach(i -> i.options().forEach(o -> {
                seen.add(o.label());
                seen.add(o.id());
            }));
        }
        assertThat(seen).containsAll(List.of("yes", "0x1F", "nul\u0000", "line\nbreak", "  leading", "🙂 emoji",
                "2025-03-11", "null"));
        long conditions = 0;
        long terms = 0;
        for (long seed = 1; seed <= 400; seed++) {
            for (var p : TrickyScenarios.generate(seed).profiles().values()) {
                conditions += p.conditions().size();
                terms += p.interactions().size();
            }
        }
        assertThat(conditions).as("hard conditions written and read back").isGreaterThan(50);
        assertThat(terms).as("interaction terms written and read back").isGreaterThan(50);
    }
}
