package dev.parley.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.engine.protocol.SeatRole;
import dev.parley.engine.tournament.Tournament;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TournamentReaderTest {
    @TempDir
    Path dir;

    static final String VALID = """
            format: parley-tournament/1
            title: Test
            seed: 9
            repetitions: 2
            rounds: 80
            timeLimit: 500ms
            selfPlay: false
            protocols:
              - alternating
              - {type: saop, name: saop-short, rounds: 20}
            agents:
              negotiator: [boulware, "conceder:e=3", linear]
            scenarios:
              - ceasefire-2025
              - file: other.yaml
              - generate: {count: 3, parties: 2, issues: 2, options: [3, 5], profiles: ties, seed: 4}
            """;

    TournamentReader.Spec valid() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), ScenarioWriter.write(BuiltinScenarios.find("ceasefire-2025")
                .orElseThrow(), Format.YAML));
        Files.writeString(dir.resolve("t.yaml"), VALID);
        return TournamentReader.read(dir.resolve("t.yaml"));
    }

    @Test
    void aValidSpec_namesEveryScenarioProtocolAndAgent() throws IOException {
        TournamentReader.Spec spec = valid();
        Tournament t = spec.tournament();
        assertThat(spec.title()).isEqualTo("Test");
        assertThat(t.scenarios()).extracting(Tournament.Entry::name).containsExactly("ceasefire-2025", "other",
                "generated-2x2-s4-1", "generated-2x2-s4-2", "generated-2x2-s4-3");
        assertThat(t.protocols()).extracting(Tournament.Play::name, Tournament.Play::rounds).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alternating", 80), org.assertj.core.groups.Tuple.tuple(
                        "saop-short", 20));
        assertThat(t.agents().get(SeatRole.NEGOTIATOR)).containsExactly("boulware", "conceder:e=3", "linear");
        assertThat(t.budget()).hasMillis(500);
        // 5 scenarios × 2 protocols × 3·2 ordered pairs without self-play × 2 repetitions
        assertThat(t.sessions()).hasSize(5 * 2 * 6 * 2);
        assertThat(t.scenarios().get(2).scenario().issues()).allSatisfy(i -> assertThat(i.size()).isBetween(3, 5));
    }

    @Test
    void theSource_rebuildsTheSameTournament_withoutTheFiles() throws IOException {
        TournamentReader.Spec spec = valid();
        Files.delete(dir.resolve("other.yaml"));
        Tournament again = spec.source().tournament();
        Tournament t = spec.tournament();
        assertThat(again.sessions()).isEqualTo(t.sessions());
        for (int i = 0; i < t.scenarios().size(); i++) {
            assertThat(again.scenarios().get(i).scenario()).isEqualTo(t.scenarios().get(i).scenario());
        }
        assertThat(again.sessions().stream().map(again::seed).toList()).isEqualTo(t.sessions().stream().map(t::seed)
                .toList());
    }

    @Test
    void aGeniusDomain_isReadWithItsProfiles_relativeToTheSpec() throws IOException {
        Path genius = Path.of("src/test/resources/genius/mixed").toAbsolutePath();
        Files.writeString(dir.resolve("t.yaml"), """
                format: parley-tournament/1
                protocols: [saop]
                scenarios:
                  - genius: {domain: %s/domain.xml, profiles: [%s/buyer.xml, %s/seller.xml], steps: 5}
                """.formatted(genius, genius, genius));
        Tournament t = TournamentReader.read(dir.resolve("t.yaml")).tournament();
        var expected = dev.parley.scenario.genius.GeniusImport.read(genius.resolve("domain.xml"), List.of(genius
                .resolve("buyer.xml"), genius.resolve("seller.xml")),
                new dev.parley.scenario.genius.GeniusImport.Settings(
                        java.util.Optional.empty(), 5))
                .scenario();
        assertThat(t.scenarios()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("domain");
            assertThat(e.scenario()).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            format: parley/1                          | t.yaml:1:9 format: must be parley-tournament/1, not 'parley/1'
            protocols: [alternatin]                   | t.yaml:2:13 protocols[0]: unknown protocol 'alternatin' (did you mean 'alternating'?) (protocols: single-text, shuttle, saop, alternating, zeuthen)
            agents: {negotiator: [boulwar]}           | t.yaml:2:23 agents.negotiator[0]: unknown agent 'boulwar' (agents: boulware, linear, conceder, nash-seeker, tit-for-tat, hardliner, random, could-sign, truthful, annealing, strategic, hill-climb, learning, interested, anneal, model-trader, objection-trader, zeuthen)
            agents: {voters: [truthful]}              | t.yaml:2:10 agents.voters: unknown seat role (did you mean 'voter'?) (roles: text-mediator, voter, shuttle-mediator, respondent, negotiator, bargainer, ratifier)
            agents: {negotiator: [truthful]}          | t.yaml:2:23 agents.negotiator[0]: truthful cannot fill a negotiator seat (one that makes and accepts offers in turn); agents for it: boulware, linear, conceder, nash-seeker, tit-for-tat, hardliner, random
            repetitions: 0                            | t.yaml:2:14 repetitions: 0 is outside 1 to 1000000
            timeLimit: soon                           | t.yaml:2:12 timeLimit: must be a duration up to a day: seconds (e.g. 60) or 500ms, 30s, 5m, 1h; got 'soon'
            timeLimit: 3000000h                       | t.yaml:2:12 timeLimit: must be a duration up to a day: seconds (e.g. 60) or 500ms, 30s, 5m, 1h; got '3000000h'
            seed: 1e17                                | t.yaml:2:7 seed: 1e17 is too large to be read exactly; keep it within ±2^53
            seats: {XX: truthful}                     | t.yaml:2:8 seats: XX has a seat in none of the tournament's sessions
            seats: {UA: boulwar}                      | t.yaml:2:13 seats.UA: unknown agent 'boulwar' (agents: boulware, linear, conceder, nash-seeker, tit-for-tat, hardliner, random, could-sign, truthful, annealing, strategic, hill-climb, learning, interested, anneal, model-trader, objection-trader, zeuthen)
            seats: {UA: hill-climb}                   | t.yaml:2:13 seats.UA: hill-climb cannot fill a negotiator seat (one that makes and accepts offers in turn); agents for it: boulware, linear, conceder, nash-seeker, tit-for-tat, hardliner, random
            scenarios: [no-such-thing]                | no-such-thing: no such file (named at scenarios[0], line 2)
            scenarios: [{generate: {options: 1}}]     | t.yaml:2:34 scenarios[0].generate.options: 1 is outside 2 to 10000
            scenarios: [{made-up: x}]                 | t.yaml:2:14 scenarios[0].made-up: a scenario is a built-in id, file: PATH, genius: {domain, profiles} or generate: {count, parties, issues, options, ...}
            colour: blue                              | t.yaml:2:1 colour: unknown key (allowed: format, title, seed, repetitions, rounds, timeLimit, selfPlay, protocols, agents, seats, scenarios)
            """)
    void aWrongSpec_isRefusedWithALocatedMessage(String line, String expected) throws IOException {
        String base = line.startsWith("format:") ? "" : "format: parley-tournament/1\n";
        String text = base + line + "\n" + (line.startsWith("protocols") || line.startsWith("format")
                ? ""
                : "protocols: [alternating]\n") + (line.startsWith("scenarios") ? "" : "scenarios: [ceasefire-2025]\n");
        if (line.startsWith("format:")) {
            text += "protocols: [alternating]\n";
        }
        Files.writeString(dir.resolve("t.yaml"), text);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> TournamentReader.read(dir
                .resolve("t.yaml")));
        assertThat(e).as(text).isNotNull();
        List<String> found = e.problems().stream().map(p -> p.toString().replace(dir.toString() + "/", ""))
                .toList();
        assertThat(found).as(text).contains(expected);
    }
}
