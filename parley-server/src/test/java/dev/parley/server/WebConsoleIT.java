package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.parley.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser (Debian's Chromium through Playwright) against a real server: the organiser, the
 * mediator and two delegations each in their own browser context. Screenshots land in {@code target/screenshots/}.
 */
class WebConsoleIT {
    @TempDir
    static Path dir;
    static Store store;
    static ParleyServer server;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        store = Store.openDefault(dir);
        server = ParleyServer.start(store, "organiser-key", "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
            store.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void noScriptErrors() {
        browser.assertNoPageErrors();
    }

    /** Creates the default single-text talks from the start page: people in US, UA and RU, an agent for EUR. */
    private static Map<String, String> createDefaultTalks(Page organiser) {
        organiser.navigate(base + "/#admin=organiser-key");
        organiser.selectOption("#protocol", "single-text");
        assertThat(organiser.locator("#seat-EUR")).hasValue("truthful");
        assertThat(organiser.locator("#seat-UA")).hasValue("");
        // The organiser may share an agent's profile, never a person's: UA's box is off and cannot be ticked.
        assertThat(organiser.locator("#share-UA")).not().isChecked();
        assertThat(organiser.locator("#share-UA")).isDisabled();
        assertThat(organiser.locator("#share-EUR")).isChecked();
        organiser.click("#create");
        assertThat(organiser.locator(".notice")).containsText("is open");
        var links = new LinkedHashMap<String, String>();
        for (String party : new String[]{"US", "UA", "RU"}) {
            links.put(party, organiser.locator("#invite-" + party).inputValue());
        }
        assertThat(organiser.locator("#invite-EUR")).hasCount(0); // an agent's seat has no invite
        return links;
    }

    /**
     * Creates the default talks from the start page with an agent in every seat but the mediator's (agents' profiles
     * are shared at creation); the mediator's invite link.
     */
    private static String createWithAgentsBesideTheMediator() {
        Page organiser = browser.page();
        organiser.navigate(base + "/#admin=organiser-key");
        organiser.selectOption("#seat-UA", "truthful");
        organiser.selectOption("#seat-RU", "truthful");
        organiser.click("#create");
        assertThat(organiser.locator(".notice")).containsText("is open");
        assertThat(organiser.locator("#invite-UA")).hasCount(0); // an agent's seat has no invite
        return organiser.locator("#invite-US").inputValue();
    }

    /** Each delegation shares its profile from its own room, by its button. */
    private static void shareFromTheRooms(Page... rooms) {
        for (Page room : rooms) {
            room.click("#share");
            assertThat(room.locator("body")).containsText("Shared with the mediator.");
        }
    }

    @Test
    void wholeFlow_theMediatorProposes_thePartiesVote_andTheTalksEndInAgreement() throws Exception {
        Page organiser = browser.page();
        Map<String, String> links = createDefaultTalks(organiser);
        Browser.screenshot(organiser, "start-page-invites");
        Page mediator = browser.page();
        Page ua = browser.page();
        Page ru = browser.page();
        mediator.navigate(links.get("US"));
        ua.navigate(links.get("UA"));
        ru.navigate(links.get("RU"));
        assertThat(mediator.locator("#where")).containsText("mediator’s console");
        assertThat(ua.locator("#where")).containsText("party room");
        assertThat(mediator.locator("#live")).containsText("live");
        assertThat(ua.locator("#live")).containsText("live");
        shareFromTheRooms(ua, ru);
        int textsBefore = chartPoints(mediator, "progress-chart");
        // Every reference solution the API returns is drawn, under the catalogue's label.
        mediator.waitForFunction("() => window.Chart && Chart.getChart('frontier-chart')");
        JsonNode solutions = get(links.get("US"), "zone").get("solutions");
        var returned = new java.util.ArrayList<String>();
        solutions.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                returned.add(e.getKey());
            }
        });
        assertThat(returned).contains("nash", "kalaiSmorodinsky");
        Object drawn = mediator.evaluate("() => Chart.getChart('frontier-chart').data.datasets.filter((d) => "
                + "d.solution).map((d) => d.solution + '=' + d.label)");
        assertThat(((java.util.List<?>) drawn).stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(returned.stream().map(id -> id + "="
                        + switch (id) {
                            case "nash" -> "Nash";
                            case "kalaiSmorodinsky" -> "Kalai–Smorodinsky";
                            case "egalitarian" -> "Egalitarian";
                            default -> "Utilitarian";
                        }).toList());

        // How far each party is from accepting the opening (each issue's middle option): Russia only.
        var scenario = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        int[] middle = scenario.issues().stream().mapToInt(i -> (i.size() - 1) / 2).toArray();
        var russia = scenario.profiles().get("RU");
        assertThat(mediator.locator("#short-of")).hasText(String.format(java.util.Locale.ROOT, "Short of accepting "
                + "the latest: Russia by %.3f (reservation less utility).",
                russia.reservation() - russia.utility(
                        middle)));

        // The assistant suggests the next text by the stance: loaded into the composer, still editable, with its
        // predicted effect.
        JsonNode suggestion = get(links.get("US"), "suggestion");
        mediator.click("#suggest");
        assertThat(mediator.locator("#suggestion-why")).containsText("Suggested (neutral)");
        suggestion.get("suggestion").properties().forEach(f -> assertThat(mediator.locator("#pick-" + f.getKey()))
                .hasValue(f.getValue().asText()));
        assertThat(mediator.locator("#predicted")).containsText(String.format(java.util.Locale.ROOT, "%.3f",
                suggestion.get("assessment").get("utilities").get("UA").asDouble()));
        Browser.screenshot(mediator, "mediator-assistant");

        // The mediator composes the Nash package and sees its predicted effect before proposing it.
        JsonNode nash = get(links.get("US"), "zone").get("solutions").get("nash").get("outcome");
        nash.properties().forEach(f -> mediator.selectOption("#pick-" + f.getKey(), f.getValue().asText()));
        assertThat(mediator.locator("#predicted")).containsText("Ukraine");
        assertThat(mediator.locator("#predicted")).containsText("0.581");
        mediator.click("#propose");

        // Each delegation sees the proposal with its own utility, and votes; the EUR agent votes by itself.
        assertThat(ua.locator("#on-table")).containsText("The proposal on the table");
        assertThat(ua.locator("#my-utility")).hasText("0.581");
        assertThat(ru.locator("#my-utility")).hasText("0.556");
        // The Nash package grants RU two of its five demands: MO ukraine-halts, PK neutral-monitors.
        assertThat(ru.locator("#my-demands")).hasText("Your stated demands granted: 2 of 5 (Limits on Ukraine's "
                + "ability to mobilise; No foreign peacekeepers).");
        Browser.screenshot(ua, "party-room-proposal");
        // A dropped connection comes back and catches up: UA's socket is cut before RU votes.
        ua.evaluate("window.__parleySeat.link.drop()");
        ua.click("#accept");
        // Who has voted is as secret as the vote: UA's room names nobody it waits for.
        assertThat(ua.locator("#turn")).containsText("who has voted is not shown");
        assertThat(ua.locator("#turn")).not().containsText("Russia");
        ru.click("#accept");
        mediator.click("#accept"); // the US ratifies too
        assertThat(mediator.locator("#log")).containsText("Text adopted");
        assertThat(ua.locator("#log")).containsText("Text adopted");
        assertThat(ua.locator("#live")).containsText("live");

        // The plots gained the new text.
        mediator.waitForCondition(() -> chartPoints(mediator, "progress-chart") > textsBefore);
        assertThat(mediator.locator("#current-assessment")).containsText("Ukraine");

        // Final vote.
        mediator.click("#end");
        ua.click("#accept");
        ru.click("#accept");
        mediator.click("#accept");
        for (Page p : new Page[]{mediator, ua, ru}) {
            assertThat(p.locator("#agreement")).hasText("Agreement reached");
        }
        assertThat(ru.locator("#actions")).containsText("ended in agreement");
        Browser.screenshot(mediator, "mediator-console-agreement");
        Browser.screenshot(ru, "party-room-agreement");
        for (Page p : new Page[]{organiser, mediator, ua}) {
            p.setViewportSize(820, 1180); // a tablet held upright
            checkUsable(p);
        }
        Browser.screenshot(mediator, "mediator-console-tablet");
    }

    @Test
    void onePerson_asTheMediator_reachesADeal_withAgentsInEveryOtherSeat() throws Exception {
        String link = createWithAgentsBesideTheMediator();
        Page mediator = browser.page();
        mediator.navigate(link);
        JsonNode nash = get(link, "zone").get("solutions").get("nash").get("outcome");
        nash.properties().forEach(f -> mediator.selectOption("#pick-" + f.getKey(), f.getValue().asText()));
        mediator.click("#propose");
        mediator.click("#accept"); // the agents have voted already; the mediator's vote decides
        assertThat(mediator.locator("#log")).containsText("Text adopted");
        mediator.click("#end");
        mediator.click("#accept");
        assertThat(mediator.locator("#agreement")).hasText("Agreement reached");
        assertThat(mediator.locator("#current-assessment")).containsText("No lopsidedness flag");
    }

    @Test
    void theMediator_runsAForecast_andSeesWhatTheServerWorkedOut() throws Exception {
        String link = createWithAgentsBesideTheMediator();
        Page mediator = browser.page();
        mediator.navigate(link);
        mediator.fill("#forecast-runs", "30");
        mediator.click("#forecast-start");
        assertThat(mediator.locator("#forecast-figures")).containsText("Deal reached");
        JsonNode done = get(link, "forecast");
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("runs").asInt()).isEqualTo(30);
        JsonNode agreement = done.get("forecast").get("agreement");
        assertThat(mediator.locator("#forecast-figures")).containsText(String.format(java.util.Locale.ROOT,
                "%.1f%% [%.1f–%.1f]", 100 * agreement.get("share").asDouble(), 100 * agreement.get("low").asDouble(),
                100 * agreement.get("high").asDouble()));
        assertThat(mediator.locator("#forecast-tornado tr").first()).containsText(done.get("forecast").get(
                "sensitivity").get(0).get("parameter").asText());
        Browser.screenshot(mediator, "mediator-forecast");
    }

    @Test
    void aPartyRoom_showsOnlyItsOwnPrivateData_andCannotReachAnotherParty() throws Exception {
        Page organiser = browser.page();
        Map<String, String> links = createDefaultTalks(organiser);
        Page ua = browser.page();
        ua.navigate(links.get("UA"));
        assertThat(ua.locator("#profile")).containsText("Your private profile");
        // UA's hard condition, in words, in its own room only.
        assertThat(ua.locator("#my-conditions"))
                .hasText("Your conditions: NATO membership: Treaty-bound neutrality only "
                        + "with Security guarantees: Binding US and European guarantees or European guarantees with a US "
                        + "backstop.");
        String uaToken = links.get("UA").substring(links.get("UA").lastIndexOf('/') + 1);
        String id = links.get("UA").split("/")[5];
        // From inside UA's page, with UA's token: its own profile, and nothing of anyone else's.
        Object profileParty = ua.evaluate("async ([id, t]) => (await (await fetch(`/api/negotiations/${id}/profile`, "
                + "{headers: {Authorization: `Bearer ${t}`}})).json()).party", new Object[]{id, uaToken});
        assertThat(profileParty).isEqualTo("UA");
        Object analysis = ua.evaluate("async ([id, t]) => (await fetch(`/api/negotiations/${id}/analysis`, "
                + "{headers: {Authorization: `Bearer ${t}`}})).status", new Object[]{id, uaToken});
        assertThat(analysis).isEqualTo(403);
        Object zone = ua.evaluate("async ([id, t]) => (await fetch(`/api/negotiations/${id}/zone`, "
                + "{headers: {Authorization: `Bearer ${t}`}})).status", new Object[]{id, uaToken});
        assertThat(zone).isEqualTo(403);
        // RU votes; UA's room never shows how.
        Page mediator = browser.page();
        mediator.navigate(links.get("US"));
        mediator.selectOption("#pick-NATO", "neutrality");
        mediator.click("#propose");
        Page ru = browser.page();
        ru.navigate(links.get("RU"));
        ru.click("#reject");
        assertThat(ru.locator("#log")).containsText("Russia voted reject");
        assertThat(mediator.locator("#status")).not().containsText("Russia");
        assertThat(ua.locator("#log")).not().containsText("Russia voted");
        assertThat(ua.locator("body")).not().containsText("Russia voted");
        // The mediator's analysis and UA's own values are UA's; RU's reservation appears nowhere on UA's page.
        JsonNode ruProfile = get(links.get("RU"), "profile");
        String ruReservation = String.format(java.util.Locale.ROOT, "%.3f", ruProfile.get("reservation").asDouble());
        assertThat(ua.locator("#reservation")).hasText("0.450"); // UA's own
        assertThat(ruReservation).isNotEqualTo("0.450");
        assertThat(ua.locator("#analysis")).hasCount(0);
        // Another negotiation's address with UA's token opens nothing.
        ua.navigate(base + "/#/n/not-a-negotiation/" + uaToken);
        assertThat(ua.locator(".error")).containsText("no negotiation");
        Browser.screenshot(ua, "party-room-no-access");
    }

    @Test
    void aDelegation_changesItsProfile_untilTheFirstMove() throws Exception {
        Map<String, String> links = createDefaultTalks(browser.page());
        Page ua = browser.page();
        ua.navigate(links.get("UA"));
        ua.click("#edit-profile");
        ua.fill("#w-CF", "0.5"); // the weights no longer sum to 1
        // Another delegation's change redraws UA's page; what UA was typing survives it.
        ua.evaluate("document.getElementById('profile').dataset.before = 'yes'");
        var ru = (com.fasterxml.jackson.databind.node.ObjectNode) get(links.get("RU"), "profile");
        ru.remove(java.util.List.of("party", "editable"));
        assertThat(post(links.get("RU"), "profile", ru.toString())).isEqualTo(200);
        ua.waitForCondition(() -> ua.locator("#profile[data-before]").count() == 0);
        assertThat(ua.locator("#w-CF")).hasValue("0.5");
        ua.click("#save-profile");
        assertThat(ua.locator("#profile-errors")).containsText("profiles.UA.weights: sum is 1.4, must be 1");
        Browser.screenshot(ua, "party-room-profile-error");
        ua.fill("#w-CF", "0.1");
        ua.fill("#reservation-input", "0.4");
        ua.click("#save-profile");
        assertThat(ua.locator("#reservation")).hasText("0.400");
        Page mediator = browser.page();
        mediator.navigate(links.get("US"));
        mediator.selectOption("#pick-NATO", "neutrality");
        mediator.click("#propose");
        assertThat(ua.locator("#profile")).containsText("your profile is fixed");
        assertThat(ua.locator("#edit-profile")).hasCount(0);
    }

    @Test
    void aBadUpload_showsEachProblemWithItsLine() {
        Page organiser = browser.page();
        organiser.navigate(base + "/#/");
        String broken = "parley: 1\nid: broken\ntitle: Broken\nparties:\n  - id: A\n    name: A\n    role: principal\n"
                + "issues: []\n";
        organiser.setInputFiles("#upload", new FilePayload("broken.yaml", "application/yaml", broken.getBytes(
                StandardCharsets.UTF_8)));
        Locator problems = organiser.locator("#problems li");
        assertThat(problems.first()).containsText("broken.yaml:");
        assertThat(organiser.locator("#upload-result")).containsText("broken.yaml");
        Browser.screenshot(organiser, "bad-upload");
        // A valid file is accepted and offers its own seats.
        organiser.setInputFiles("#upload", new FilePayload("talks.json", "application/json", scenarioJson()));
        assertThat(organiser.locator("#upload-result")).containsText("is a valid parley/1 scenario");
        assertThat(organiser.locator("#seats")).containsText("Ukraine");
    }

    private static byte[] scenarioJson() {
        var s = dev.parley.scenario.BuiltinScenarios.find("ceasefire-2025").orElseThrow();
        return dev.parley.scenario.ScenarioWriter.write(s, dev.parley.scenario.Format.JSON).getBytes(
                StandardCharsets.UTF_8);
    }

    /**
     * What a page must be for a mediator to trust it: every form field labelled, nothing pulled out of the tab order
     * or into a custom one, and no sideways scrolling of the page (wide tables scroll inside their card).
     */
    private static void checkUsable(Page page) {
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input, select, textarea')].filter(f => "
                + "f.type !== 'hidden' && !f.getAttribute('aria-label') && !(f.id && document.querySelector("
                + "`label[for='${f.id}']`)) && !f.closest('label')).map(f => f.id || f.outerHTML)");
        assertThat((java.util.List<?>) unlabelled).as("unlabelled fields on " + page.url()).isEmpty();
        Object tabindex = page.evaluate("() => document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"])')"
                + ".length");
        assertThat(((Number) tabindex).intValue()).isZero();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways overflow on " + page.url()).isLessThanOrEqualTo(0);
    }

    /** How many points a chart on the page draws (0 before it exists). */
    private static int chartPoints(Page page, String canvas) {
        Object n = page.evaluate("id => { const c = window.Chart && Chart.getChart(id); return c ? "
                + "c.data.labels.length : 0; }", canvas);
        return ((Number) n).intValue();
    }

    /** POST /api/negotiations/{id}/{what} with the token of an invite link; the status. */
    private static int post(String link, String what, String body) throws Exception {
        String[] parts = link.split("/");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/negotiations/"
                + parts[parts.length - 2] + "/" + what)).header("Authorization", "Bearer " + parts[parts.length - 1])
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** GET /api/negotiations/{id}/{what} with the token of an invite link. */
    private static JsonNode get(String link, String what) throws Exception {
        String[] parts = link.split("/");
        String id = parts[parts.length - 2];
        String token = parts[parts.length - 1];
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/negotiations/" + id + "/" + what)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return TestJson.MAPPER.readTree(r.body());
    }
}
