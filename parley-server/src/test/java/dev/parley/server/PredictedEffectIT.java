package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mediator's "predicted effect" shows the package in the composer, however the server's answers are ordered: the
 * browser holds the answer for an earlier draft until the later draft's answer has been drawn, then lets it through.
 */
class PredictedEffectIT extends BrowserHarness {
    @Test
    void anAnswerForAnEarlierDraft_thatArrivesLast_doesNotReplaceTheLatestDraftsEffect() throws Exception {
        JsonNode created = sharedSingleText();
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        ObjectNode text = (ObjectNode) call("GET", "/api/negotiations/" + id, us, null).body().get("currentText");
        // Two drafts that differ on the first issue only, with different utilities for Ukraine, as the API tells.
        String issue = S.issues().getFirst().id();
        List<String> options = S.issues().getFirst().options().stream().map(o -> o.id()).toList();
        String early = null;
        String late = null;
        for (String a : options) {
            for (String b : options) {
                if (early == null && !a.equals(text.get(issue).asText())
                        && !ukraine(id, us, text, a).equals(ukraine(id, us, text, b))) {
                    early = a;
                    late = b;
                }
            }
        }
        assertThat(early).as("two options of %s with different utilities for Ukraine", issue).isNotNull();

        Page mediator = seat(id, us);
        assertThat(mediator.locator("#predicted")).containsText("Ukraine");
        var held = new ArrayList<Route>();
        var heldFor = new ArrayList<String>();
        List<String> drafts = List.of(early, late);
        mediator.route("**/assess", route -> {
            String picked = readTree(route.request().postData()).get("package").get(issue).asText();
            if (drafts.contains(picked)) {
                held.add(route);
                heldFor.add(picked);
            } else {
                route.resume(); // the page's other questions (the current text's assessment) go straight through
            }
        });
        mediator.selectOption("#pick-" + issue, early);
        mediator.waitForCondition(() -> held.size() == 1);
        mediator.selectOption("#pick-" + issue, late);
        mediator.waitForCondition(() -> held.size() == 2);
        assertThat(heldFor).containsExactly(early, late);

        held.get(1).resume();
        assertThat(mediator.locator("#predicted tbody tr").first()).containsText(ukraine(id, us, text, late));
        String shown = mediator.locator("#predicted").textContent();
        held.get(0).resume();
        // Once every answer asked for has been handled by the page, the latest draft's effect is still the one shown.
        Object after = mediator.evaluate("() => Promise.allSettled([...window.__parleySeat.assessments.values()])"
                + ".then(() => document.getElementById('predicted').textContent)");
        assertThat(after).isEqualTo(shown);
    }

    private static JsonNode readTree(String json) {
        try {
            return TestJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ukraine's utility for the text with the first issue set to an option, as the console prints it. */
    private String ukraine(String id, String token, ObjectNode text, String option) throws Exception {
        ObjectNode draft = text.deepCopy();
        draft.put(S.issues().getFirst().id(), option);
        Reply r = call("POST", "/api/negotiations/" + id + "/assess", token, "{\"package\": " + draft + "}");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        // As JavaScript's toFixed(3): the double's exact value, rounded half up.
        return new BigDecimal(r.body().get("utilities").get("UA").asDouble()).setScale(3, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
