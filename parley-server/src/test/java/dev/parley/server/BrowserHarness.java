package dev.parley.server;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A real server ({@link HttpHarness}) and Debian's Chromium for the class; no page may raise a script error. */
abstract class BrowserHarness extends HttpHarness {
    static Browser browser;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noScriptErrors() {
        browser.assertNoPageErrors();
    }

    /**
     * The default talks in single-text with people in every seat but EUR's (an agent, its profile shared), UA and RU
     * having shared theirs from their seats: the mediator's analysis is open. The creation's answer.
     */
    com.fasterxml.jackson.databind.JsonNode sharedSingleText() throws Exception {
        var created = create("{\"scenario\": \"ceasefire-2025\", \"protocol\": \"single-text\", \"agents\": "
                + "{\"EUR\": \"truthful\"}, \"shared\": [\"EUR\"]}");
        shareTheDelegations(created);
        return created;
    }

    /** A new page (its own browser context) at a seat's invite link. */
    Page seat(String id, String token) {
        Page page = browser.page();
        page.navigate("http://127.0.0.1:" + server.port() + "/#/n/" + id + "/" + token);
        return page;
    }
}
