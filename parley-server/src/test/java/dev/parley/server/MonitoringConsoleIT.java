package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The console's monitoring page in Chromium: both principals claim about one incident from their seats, a monitor
 * observes it and assesses it (a final assessment and a draft), and the history shows it all to the monitor, while
 * a party's page shows the claims of both sides and the final assessment but never the draft.
 */
class MonitoringConsoleIT extends BrowserHarness {
    @Test
    void claimsFromBothSides_andTheAssessmentHistory_draftsOnlyForTheMonitor() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\"}");
        String id = created.get("id").asText();
        Page ua = seat(id, created.get("tokens").get("UA").asText());
        ua.click("#to-monitoring");
        assertThat(ua.locator("#incidents")).containsText("No incident reported yet");
        ua.fill("#claim-incident", "kr-19");
        ua.fill("#claim-when", "2025-03-19T02:00");
        ua.selectOption("#claim-type", "missile");
        ua.fill("#claim-perpetrator", "RU");
        ua.selectOption("#claim-category", "energy");
        ua.fill("#claim-text", "A missile hit the Kryvyi Rih substation");
        ua.click("#claim-send");
        assertThat(ua.locator("#incidents tr[data-incident=kr-19]")).containsText("single-source");
        assertThat(ua.locator("#app[data-live=connected]")).hasCount(1); // UA's page listens

        Page ru = browser.page();
        ru.navigate("http://127.0.0.1:" + server.port() + "/#/m/" + id + "/" + created.get("tokens").get("RU")
                .asText());
        ru.click("#incidents button:has-text('kr-19')");
        assertThat(ru.locator("#incident h2")).hasText("Incident kr-19"); // drawn: the form is the new one
        ru.fill("#claim-perpetrator", "UA");
        ru.selectOption("#claim-category", "military");
        ru.fill("#claim-text", "Air defence debris fell on a depot");
        ru.click("#claim-send");
        assertThat(ru.locator("#claims li.claim")).hasCount(2);
        assertThat(ru.locator("#incident-status")).containsText("contested");
        // UA's page, open all along, hears of RU's claim over the WebSocket and redraws
        assertThat(ua.locator("#incidents tr[data-incident=kr-19]")).containsText("contested");

        String osce = call("POST", "/api/negotiations/" + id + "/monitoring/monitors", ADMIN, "{\"name\": \"osce\"}")
                .body().get("token").asText();
        Page monitor = browser.page();
        monitor.navigate("http://127.0.0.1:" + server.port() + "/#/m/" + id + "/" + osce);
        assertThat(monitor.locator("p.small").first()).containsText("monitor osce");
        monitor.click("#incidents button:has-text('kr-19')");
        assertThat(monitor.locator("#monitor-card h2")).hasText("Monitors: incident kr-19");
        monitor.fill("#observe-seen", "Smoke over the substation");
        monitor.click("#observe-send");
        assertThat(monitor.locator("#observations")).containsText("Smoke over the substation");
        monitor.selectOption("#assess-status", "verified");
        monitor.fill("#assess-reason", "Seen by the team");
        monitor.click("#assess-send");
        assertThat(monitor.locator("#incident-status")).containsText("occurrence verified");
        monitor.selectOption("#assess-aspect", "attribution");
        monitor.selectOption("#assess-status", "corroborated");
        monitor.fill("#assess-party", "RU");
        monitor.fill("#assess-reason", "Fragments still being examined");
        monitor.check("#assess-draft");
        monitor.click("#assess-send");
        assertThat(monitor.locator("#history li")).hasCount(2);
        assertThat(monitor.locator("#history")).containsText("[draft]");

        ua.reload();
        ua.click("#incidents button:has-text('kr-19')");
        assertThat(ua.locator("#incident h2")).hasText("Incident kr-19");
        assertThat(ua.locator("#claims li[data-claimant=RU]")).containsText("Air defence debris");
        assertThat(ua.locator("#claims li[data-claimant=UA]")).containsText("Kryvyi Rih substation");
        assertThat(ua.locator("#history li")).hasCount(1);
        assertThat(ua.locator("#history")).containsText("occurrence verified");
        assertThat(ua.locator("#history")).not().containsText("Fragments still being examined");
        assertThat(ua.locator("#monitor-card")).hasCount(0);
    }
}
