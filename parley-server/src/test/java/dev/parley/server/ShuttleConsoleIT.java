package dev.parley.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Shuttle in the web console, with people in the mediator's and both principals' seats: the mediator's composer
 * carries forward the package it last presented (it has no current text to start from), also after a reload; a
 * party that has answered keeps seeing the package it answered, with its answer; a party's words are passed on word
 * for word exactly as said; an objection can only be passed on in the mediator's words; and what one party says in
 * its meeting reaches no other party.
 */
class ShuttleConsoleIT extends BrowserHarness {
    @Test
    void theComposerCarriesThePackageForward_theRoomKeepsWhatItAnswered_andQuotesAreExact() throws Exception {
        JsonNode created = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"shuttle\", \"agents\": "
                + "{\"EUR\": \"boulware\"}, \"shared\": [\"EUR\"]}");
        String id = created.get("id").asText();
        String us = created.get("tokens").get("US").asText();
        JsonNode view = call("GET", "/api/negotiations/" + id, us, null).body();
        String first = view.get("counterpart").asText();
        String second = first.equals("UA") ? "RU" : "UA";
        String issue = S.issues().getFirst().id();
        String opening = view.get("opening").get(issue).asText();
        String moved = S.issues().getFirst().options().stream().map(o -> o.id()).filter(o -> !o.equals(opening))
                .findFirst().orElseThrow();

        Page mediator = seat(id, us);
        Page room = seat(id, created.get("tokens").get(first).asText());
        Page other = seat(id, created.get("tokens").get(second).asText());
        assertThat(mediator.locator("#pick-" + issue)).hasValue(opening);
        mediator.selectOption("#pick-" + issue, moved);
        mediator.click("#present");

        // The first party says something with a space at its end, then rejects the package.
        assertThat(room.locator("#message")).isVisible();
        room.fill("#message", "We need guarantees. ");
        room.click("#send");
        assertThat(room.locator("#log")).containsText("We need guarantees.");
        room.click("#reject");
        assertThat(room.locator("#on-table h2")).hasText("Last presented to you");
        assertThat(room.locator("#your-answer")).containsText("You rejected it");
        assertThat(room.locator("#on-table")).containsText(S.issues().getFirst().options().stream().filter(o -> o
                .id().equals(moved)).findFirst().orElseThrow().label());

        // The next meeting starts from the package presented last, not from the opening, also after a reload.
        assertThat(mediator.locator("#actions")).containsText("Your meeting with");
        assertThat(mediator.locator("#pick-" + issue)).hasValue(moved);
        mediator.reload();
        assertThat(mediator.locator("#pick-" + issue)).hasValue(moved);

        // An objection cannot be quoted: choosing the rejection leaves only "in my words".
        String rejected = mediator.locator("#relay-of option", new Page.LocatorOptions().setHasText("rejected"))
                .first().getAttribute("value");
        mediator.selectOption("#relay-of", rejected);
        assertThat(mediator.locator("#relay-kind option[value=verbatim]")).isDisabled();
        // The words said are passed on exactly, their trailing space included, and the server accepts the quote.
        String said = mediator.locator("#relay-of option", new Page.LocatorOptions().setHasText("guarantees"))
                .first().getAttribute("value");
        mediator.selectOption("#relay-of", said);
        assertThat(mediator.locator("#relay-kind option[value=verbatim]")).isEnabled();
        mediator.selectOption("#relay-kind", "verbatim");
        assertThat(mediator.locator("#relay-text")).hasValue("We need guarantees. ");
        mediator.click("#present");
        assertThat(other.locator("#relay")).containsText("(verbatim): “We need guarantees. ”");
        assertThat(mediator.locator("#feedback")).isEmpty();
    }

    @Test
    void shuttle_theMediatorMeetsEachPartyInPrivate_andWhatOneSaysReachesNoOtherParty() {
        Page organiser = browser.page();
        organiser.navigate("http://127.0.0.1:" + server.port() + "/#admin=" + ADMIN);
        organiser.selectOption("#protocol", "shuttle");
        organiser.click("#create");
        assertThat(organiser.locator(".notice")).containsText("is open");
        Page mediator = browser.page();
        Page ua = browser.page();
        Page ru = browser.page();
        mediator.navigate(organiser.locator("#invite-US").inputValue());
        ua.navigate(organiser.locator("#invite-UA").inputValue());
        ru.navigate(organiser.locator("#invite-RU").inputValue());
        assertThat(mediator.locator("#present")).hasText("Present to UA");
        mediator.selectOption("#pick-NATO", "neutrality");
        mediator.click("#present");
        // Ukraine's meeting: it speaks to the mediator, then rejects, naming an objection and where to move.
        ua.fill("#message", "Kursk is not ours to trade.");
        ua.click("#send");
        assertThat(ua.locator("#log")).containsText("Kursk is not ours to trade.");
        ua.check("#object-NATO");
        ua.selectOption("#toward-NATO", "membership-path");
        ua.click("#reject");
        assertThat(mediator.locator("#log")).containsText("Ukraine said: “Kursk is not ours to trade.”");
        assertThat(mediator.locator("#log")).containsText("objecting to NATO membership");
        assertThat(mediator.locator("#present")).hasText("Present to RU");
        assertThat(mediator.locator("#packages")).containsText("rejected");
        Browser.screenshot(mediator, "mediator-console-shuttle");
        // Russia's room shows nothing of Ukraine's meeting.
        assertThat(ru.locator("#turn")).containsText("waiting for");
        assertThat(ru.locator("body")).not().containsText("Kursk is not ours");
        assertThat(ru.locator("body")).not().containsText("objecting");
        // The mediator passes Ukraine's point on to Russia in its own words, linked to what Ukraine said.
        mediator.selectOption("#relay-of", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        mediator.fill("#relay-text", "Ukraine cannot move on Kursk without movement on security.");
        mediator.click("#present");
        assertThat(ru.locator("#accept")).isVisible();
        assertThat(ru.locator("#relay")).hasText("The mediator passes on (reframed): “Ukraine cannot move on Kursk "
                + "without movement on security.”");
        assertThat(ru.locator("body")).not().containsText("Kursk is not ours");
        Browser.screenshot(ru, "party-room-shuttle");
    }
}
