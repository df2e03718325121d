package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The mediator's console says, for every stated demand, whether it can be part of a deal and what imposing it costs,
 * as the analysis API computes it; a package's assessment shows the demands it grants. In a real browser.
 */
class MediatorDemandsIT extends BrowserHarness {
    @Test
    void everyStatedDemand_isShownAsPossibleOrNot_andAnAssessmentCountsTheDemandsGranted() throws Exception {
        JsonNode created = sharedSingleText();
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        JsonNode checks = call("GET", "/api/negotiations/" + id + "/analysis", us, null).body().get("statedDemands");
        Page mediator = seat(id, us);
        var rows = mediator.locator("#stated-demands tbody tr");
        assertThat(rows).hasCount(checks.size());
        for (int k = 0; k < checks.size(); k++) {
            JsonNode c = checks.get(k);
            assertThat(rows.nth(k).locator("td").nth(1)).containsText(c.get("possible").asBoolean() ? "yes" : "no");
        }
        // Russia's recognition demand needs an option Ukraine's red line forbids: the console names the red line.
        assertThat(mediator.locator("#stated-demands")).containsText("International recognition of seized territory");
        assertThat(mediator.locator("#stated-demands")).containsText("only if these red lines went: UA "
                + "TR=recognise-occupied");
        // The predicted effect of the draft counts each party's demands granted.
        assertThat(mediator.locator("#predicted thead")).containsText("Demands granted");
        assertThat(mediator.locator("#predicted tbody tr").first()).containsText(" of 4 (");
    }
}
