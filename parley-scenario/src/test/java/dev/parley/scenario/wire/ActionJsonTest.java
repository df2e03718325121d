package dev.parley.scenario.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.engine.InvalidInput;
import dev.parley.engine.model.Outcome;
import dev.parley.engine.model.Scenario;
import dev.parley.engine.protocol.Action;
import dev.parley.scenario.BuiltinScenarios;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Actions on the wire: strict for requests, and records written before packages were called "package" still read. */
class ActionJsonTest {
    static final Scenario S = BuiltinScenarios.find("ceasefire-2025").orElseThrow();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PKG = "{\"CF\": \"full-30d\", \"KU\": \"corridor\", \"TR\": \"de-facto-line\", \"MO\": "
            + "\"mutual-pause\", \"AID\": \"us-pause-europe-continues\", \"PK\": \"neutral-monitors\", \"SG\": "
            + "\"binding-us-europe\", \"NATO\": \"neutrality\", \"SAN\": \"phased-with-snapback\"}";
    static final Outcome EXPECTED = Outcome.parse(S.issues(), "CF=full-30d,KU=corridor,TR=de-facto-line,"
            + "MO=mutual-pause,AID=us-pause-europe-continues,PK=neutral-monitors,SG=binding-us-europe,"
            + "NATO=neutrality,SAN=phased-with-snapback");

    @Test
    void aRecordedOfferOrPresent_withTheOldKeyOutcome_reads() throws Exception {
        assertThat(ActionJson.readRecorded(JSON.readTree("{\"type\": \"offer\", \"outcome\": " + PKG + "}"), S
                .issues())).isEqualTo(new Action.Offer(EXPECTED));
        assertThat(ActionJson.readRecorded(JSON.readTree("{\"type\": \"present\", \"to\": \"UA\", \"outcome\": "
                + PKG + "}"), S.issues())).isEqualTo(new Action.Present("UA", EXPECTED, Optional.empty()));
    }

    @Test
    void aRequest_mustSayPackage_andWrittenActionsReadBackEqual() throws Exception {
        assertThatThrownBy(() -> ActionJson.read(JSON.readTree("{\"type\": \"offer\", \"outcome\": " + PKG + "}"), S
                .issues())).isInstanceOf(InvalidInput.class);
        for (Action a : new Action[]{new Action.Offer(EXPECTED), new Action.Vote(false), new Action.Vote(true,
                java.util.List.of("SG", "TR"), java.util.List.of("binding-us-europe", "no-recognition")),
                new Action.Reject(java.util.List.of("CF"), java.util.List.of("full-30d")), new Action.Present("RU",
                        EXPECTED, Optional.of(
                                new Action.Relay(3, true, "words"))),
                new Action.End("done"), new Action.Message("hi")}) {
            assertThat(ActionJson.read(Json.tree(ActionJson.write(a, S.issues())), S.issues())).isEqualTo(a);
        }
    }

    @Test
    void aRelay_isAPresentsField_only() throws Exception {
        assertThatThrownBy(() -> ActionJson.read(JSON.readTree("{\"type\": \"vote\", \"accept\": true, \"relay\": "
                + "null}"), S.issues())).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("relay: unknown field");
    }

    /** A vote is true or false, nothing else: "yes", null, {} or [] are refused naming the field, never a reject. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"yes\"", "null", "{}", "[]", "1", "\"true\""})
    void aVote_isTrueOrFalse_andNothingElse(String accept) throws Exception {
        var body = JSON.readTree("{\"type\": \"vote\", \"accept\": " + accept + "}");
        assertThatThrownBy(() -> ActionJson.read(body, S.issues())).isInstanceOf(InvalidInput.class).satisfies(
                e -> assertThat(((InvalidInput) e).field()).contains("accept"));
    }

    /** A vote's criticism is written as a reject's objections are, and must pair each issue with an option. */
    @Test
    void aVotesCriticism_isWrittenAsObjectionsTowardOptions() throws Exception {
        var vote = new Action.Vote(false, java.util.List.of("CF"), java.util.List.of("full-30d"));
        assertThat(Json.tree(ActionJson.write(vote, S.issues())).toString()).isEqualTo("{\"type\":\"vote\","
                + "\"accept\":false,\"objections\":[\"CF\"],\"toward\":[\"full-30d\"]}");
        assertThat(Json.tree(ActionJson.write(new Action.Vote(true), S.issues())).toString()).isEqualTo(
                "{\"type\":\"vote\",\"accept\":true}");
        var unpaired = JSON.readTree("{\"type\": \"vote\", \"accept\": true, \"objections\": [\"CF\"]}");
        assertThatThrownBy(() -> ActionJson.read(unpaired, S.issues())).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("toward: one option to move toward per objection");
    }
}
