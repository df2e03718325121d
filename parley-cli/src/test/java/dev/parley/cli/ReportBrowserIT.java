package dev.parley.cli;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.parley.server.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report.html} as a reader sees it: opened from disk in Chromium, with no network and no script library. */
class ReportBrowserIT {
    @TempDir
    Path tmp;

    @Test
    void theReport_drawsEveryChart_andItsSelectSwitchesTheFrontierPair() {
        assertThat(Cli.run("run", "--out", tmp.toString(), "--quiet").exitCode()).isZero();
        try (Browser browser = Browser.launch()) {
            Page page = browser.page();
            page.navigate(tmp.resolve("report.html").toUri().toString());
            assertThat(page.locator("h2").first()).isVisible();
            assertThat(page.locator("#pair-UA-RU")).isVisible();
            assertThat(page.locator("#pair-US-EUR")).isHidden();
            assertThat(page.locator("#pair-UA-RU svg").boundingBox().width).isGreaterThan(300);
            page.selectOption("#pair", "pair-US-EUR");
            assertThat(page.locator("#pair-US-EUR")).isVisible();
            assertThat(page.locator("#pair-UA-RU")).isHidden();
            assertThat(page.locator("#pair-US-EUR svg").boundingBox().height).isGreaterThan(200);
            Browser.screenshot(page, "report");
        }
    }
}
