package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The organiser's console in Chromium, as a teacher runs a class: three negotiations of the default scenario created
 * at once with their invites on one printable page, one invite issued again (the old link fails), a group's mediator
 * reaching an agreement, the dashboard saying "agreed", the mediator's view watched, and the debriefs downloaded and
 * opened.
 */
class OrganiserConsoleIT extends BrowserHarness {
    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The negotiation id and the token of an invite link. */
    private static String[] parts(String link) {
        String[] p = link.substring(link.indexOf("#/n/") + 4).split("/");
        return new String[]{p[0], p[1]};
    }

    @Test
    void aClass_fromItsInvitesToItsDebrief() throws Exception {
        Page organiser = browser.page();
        organiser.onDialog(d -> d.accept()); // "issue a new invite?": yes
        organiser.navigate(base() + "/#admin=" + ADMIN);
        organiser.selectOption("#seat-UA", "truthful");
        organiser.selectOption("#seat-RU", "truthful");
        organiser.fill("#class-name", "Seminar A");
        organiser.fill("#class-groups", "3");
        assertThat(organiser.locator("#create")).hasText("Create the class’s negotiations");
        organiser.click("#create");
        assertThat(organiser.locator("#invite-sheet section.group")).hasCount(3);
        var links = new ArrayList<String>();
        for (int g = 1; g <= 3; g++) {
            links.add(organiser.locator("#invite-" + g + "-US").textContent());
            assertThat(organiser.locator("#invite-sheet section[data-group=\"" + g + "\"] tr.invite")).hasCount(1);
        }
        // Printed, the page is the invite sheet alone.
        organiser.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(organiser.locator("form.card")).isHidden();
        assertThat(organiser.locator("#invite-sheet")).isVisible();
        organiser.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // The dashboard lists the class's three groups, open, nobody joined yet.
        organiser.navigate(base() + "/#/organiser?class=Seminar%20A");
        Locator table = organiser.locator("#negotiation-table tbody tr");
        assertThat(table).hasCount(3);
        assertThat(organiser.locator("tr[data-status=open]")).hasCount(3);
        assertThat(organiser.locator("li[data-party=US] [data-joined=false]")).hasCount(3);
        assertThat(organiser.locator("li[data-party=RU]").first()).containsText("agent truthful");

        // Group 2's invite is issued again: the old link fails at once, the new one opens the mediator's console.
        String[] group2 = parts(links.get(1));
        organiser.click("#reinvite-" + group2[0] + "-US");
        String fresh = organiser.locator("#new-invite-link").inputValue();
        assertThat(fresh).isNotEqualTo(links.get(1));
        Page old = browser.page();
        old.navigate(links.get(1));
        assertThat(old.locator(".error")).containsText("this token opens no seat");
        Page renewed = browser.page();
        renewed.navigate(fresh);
        assertThat(renewed.locator("#status")).containsText("single-text");

        // Group 1's mediator proposes the fair package; the agents accept; the talks end in agreement.
        String[] group1 = parts(links.get(0));
        Page mediator = browser.page();
        mediator.navigate(links.get(0));
        // (asked with the organiser's token: the seat's own must be opened by the browser alone)
        JsonNode nash = call("GET", "/api/negotiations/" + group1[0] + "/zone", ADMIN, null).body().get("solutions")
                .get("nash").get("outcome");
        nash.properties().forEach(f -> mediator.selectOption("#pick-" + f.getKey(), f.getValue().asText()));
        mediator.click("#propose");
        mediator.click("#accept");
        assertThat(mediator.locator("#log")).containsText("Text adopted");
        mediator.click("#end");
        mediator.click("#accept");
        assertThat(mediator.locator("#agreement")).hasText("Agreement reached");

        organiser.click("#refresh");
        Locator agreed = organiser.locator("tr[data-id=\"" + group1[0] + "\"]");
        assertThat(agreed.locator(".status")).hasText("agreed");
        assertThat(organiser.locator("tr[data-status=open]")).hasCount(2);
        assertThat(agreed.locator("li[data-party=US] [data-joined=true]")).hasCount(1);
        assertThat(organiser.locator("tr[data-id=\"" + group2[0] + "\"] li[data-party=US] [data-joined=true]"))
                .hasCount(1); // the new invite was opened
        assertThat(organiser.locator("tr[data-id=\"" + parts(links.get(2))[0] + "\"] li[data-party=US]")).containsText(
                "not joined yet");
        Browser.screenshot(organiser, "organiser-dashboard");

        // The debriefs download, and open.
        Download html = organiser.waitForDownload(() -> agreed.locator("button[data-download=html]").click());
        assertThat(html.suggestedFilename()).isEqualTo("seminar-a-group-1.html");
        Path saved = dir.resolve(html.suggestedFilename()); // under its own name: opened as HTML
        html.saveAs(saved);
        Page page = browser.page();
        page.navigate(saved.toUri().toString());
        assertThat(page.locator("#result")).containsText("Result: AGREEMENT");
        page.waitForFunction("() => window.Chart && Chart.getChart('frontier')"); // the console's charts, inlined
        Download json = organiser.waitForDownload(() -> agreed.locator("button[data-download=json]").click());
        JsonNode doc = TestJson.MAPPER.readTree(Files.readString(json.path()));
        assertThat(doc.get("result").get("package")).isEqualTo(nash);
        Download csv = organiser.waitForDownload(() -> agreed.locator("button[data-download=csv]").click());
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines.get(0)).startsWith("round,party,change,");
        assertThat(lines).hasSize(doc.get("rounds").size() + 1);

        Download whole = organiser.waitForDownload(() -> organiser.locator("#class-card button[data-download=html]")
                .click());
        assertThat(whole.suggestedFilename()).isEqualTo("seminar-a.html");
        Path classPage = dir.resolve(whole.suggestedFilename());
        whole.saveAs(classPage);
        Page sheet = browser.page();
        sheet.navigate(classPage.toUri().toString());
        assertThat(sheet.locator("#groups tbody tr")).hasCount(3);
        assertThat(sheet.locator("#groups tr[data-group=\"1\"]")).containsText("agreed");
        assertThat(sheet.locator("#g1-result")).containsText("Result: AGREEMENT");
        sheet.selectOption("#g1-pair", "US-EUR"); // each group's chooser draws its own pair
        sheet.waitForFunction("() => Chart.getChart('g1-frontier').options.scales.x.title.text.startsWith('United')");
        Object second = sheet.evaluate("() => Chart.getChart('g2-frontier').options.scales.x.title.text");
        assertThat(second.toString()).startsWith("Ukraine");

        // The organiser watches group 1's mediator's view, and can make no move there.
        organiser.click("#watch-" + group1[0]);
        assertThat(organiser.locator("#watching")).isVisible();
        assertThat(organiser.locator("#agreement")).hasText("Agreement reached");
        assertThat(organiser.locator("#propose")).hasCount(0);
        assertThat(organiser.locator("#to-monitoring")).hasCount(0);
    }
}
