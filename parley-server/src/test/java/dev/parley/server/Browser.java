package dev.parley.server;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as the browser tests use it: never a downloaded browser. Without
 * {@code /usr/bin/chromium} (or {@code PARLEY_TEST_CHROMIUM}) a test is skipped on a developer's machine and fails
 * under CI, whose {@code .ci/run} installs it. Shared through the test jar with the command line's report test.
 */
public final class Browser implements AutoCloseable {
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    /** The uncaught script errors of every page so far: each one fails the test that caused it. */
    private final List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        Path executable = Path.of(System.getenv().getOrDefault("PARLEY_TEST_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            if (System.getenv("CI") != null) {
                fail("CI must install Chromium (apt-get install -y chromium): the browser tests need " + executable);
            }
            assumeTrue(false, "no Chromium at " + executable + ": browser tests skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        return new Browser(playwright, chromium);
    }

    /** A fresh context (its own storage, as a separate person's browser would have) at a laptop's size. */
    public Page page() {
        Page page = chromium.newContext(new NewContextOptions().setViewportSize(1366, 900)).newPage();
        // A script error is a failure to look into: it goes to the test's output with the page it came from.
        page.onPageError(error -> {
            System.err.println("page error on " + page.url() + ": " + error);
            pageErrors.add(page.url() + ": " + error);
        });
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                System.err.println("console error on " + page.url() + ": " + m.text());
            }
        });
        return page;
    }

    /**
     * Fails when any page has thrown an uncaught script error since the last check (console messages, such as a
     * request a test expects to be refused, are only printed). Call it after each test.
     */
    public void assertNoPageErrors() {
        var errors = List.copyOf(pageErrors);
        pageErrors.clear();
        if (!errors.isEmpty()) {
            fail("script errors in the page: " + String.join("; ", errors));
        }
    }

    /** A screenshot of the whole page under {@code target/screenshots/}, for review. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name
                + ".png")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
