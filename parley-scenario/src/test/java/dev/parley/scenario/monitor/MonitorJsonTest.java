package dev.parley.scenario.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.monitor.Assessment;
import dev.parley.engine.monitor.ClauseSet;
import dev.parley.engine.monitor.Clauses;
import dev.parley.engine.monitor.MonitorEntry;
import dev.parley.engine.monitor.Observation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorJsonTest {
    @Test
    void everyKindOfEntry_readsBackEqual() throws IOException {
        var entries = new ArrayList<MonitorEntry>();
        for (String f : List.of("missile-attacks.csv", "ucdp-ged.csv", "acled.csv")) {
            try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/monitor/" + f),
                    StandardCharsets.UTF_8)) {
                MonitorImport.read(f, in, Optional.empty(), entries::add);
            }
        }
        Instant t = Instant.parse("2025-03-19T10:00:00Z");
        entries.add(new Observation("o1", "ucdp-900001", "team-3", t, Optional.of("Kryvyi Rih"), Optional.empty(),
                "smoke to the east"));
        entries.add(new Assessment("a1", "ucdp-900001", Assessment.Aspect.ATTRIBUTION, Assessment.Status.DISPUTED,
                Optional.of(Assessment.Grading.WEAK), Optional.of("RU"), "osce", t, "one source", true));
        entries.add(new ClauseSet("s1", t, "package", Clauses.of(Map.of("CF", "energy-and-sea"), t).clauses()));
        for (MonitorEntry e : entries) {
            String json = MonitorJson.write(e);
            assertThat(MonitorJson.read(json)).as(json).isEqualTo(e);
        }
        assertThat(MonitorJson.write(entries.get(0))).contains("\"launched\":{\"low\":120,\"best\":120,\"high\":120}");
    }

    @Test
    void handWrittenClauses_andCounts_areReadStrictly() {
        var base = "{\"id\": \"x\", \"title\": \"t\", \"from\": \"2025-03-20T00:00:00Z\", ";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MonitorJson.clause(dev.parley.scenario.wire.Json
                .read("c", base + "\"types\": \"missile\"}"))).hasMessageContaining("must be a list");
        assertThat(MonitorJson.clause(dev.parley.scenario.wire.Json.read("c", base + "\"types\": [\"missile\"]}"))
                .types()).containsExactly(dev.parley.engine.monitor.IncidentType.MISSILE);
        String claim = "{\"type\": \"claim\", \"id\": \"c\", \"incident\": \"i\", \"claimant\": \"UA\", "
                + "\"channel\": \"x\", \"statedAt\": \"2025-03-20T00:00:00Z\", \"facts\": {\"occurredFrom\": "
                + "\"2025-03-20T00:00:00Z\", \"occurredTo\": \"2025-03-20T00:00:00Z\", \"timePrecision\": \"day\", ";
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> MonitorJson.read(claim + "\"launched\": {\"low\": 1}}}"))
                .hasMessageContaining("whole number best");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> MonitorJson.read(claim + "\"casualties\": [{\"group\": "
                        + "\"aliens\", \"harm\": \"killed\", \"low\": 1, \"best\": 1, \"high\": 1}]}}"))
                .hasMessageContaining("unknown group 'aliens'");
    }
}
