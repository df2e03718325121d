package dev.parley.cli;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import dev.parley.server.Browser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} as a reader sees it: opened from disk in Chromium, with no network. Its charts are the
 * console's (Chart.js and charts.js, inlined): every chart is drawn, the frontier switches pairs, the pair's own
 * frontier is told apart from the projection of every party's, legends use the marks of their series, and hovering
 * the Nash point shows its package.
 */
class ReportBrowserIT {
    @TempDir
    Path tmp;

    @Test
    void theReport_drawsEveryChart_switchesPairs_andShowsAPointsPackage() throws Exception {
        Cli run = Cli.run("run", "--out", tmp.toString(), "--format", "json");
        JsonNode nash = run.json().get("solutions").get("nash").get("outcome");
        try (Browser browser = Browser.launch()) {
            Page page = browser.page();
            page.navigate(tmp.resolve("report.html").toUri().toString());
            assertThat(page.locator("#result")).containsText("Result: AGREEMENT");
            for (String chart : List.of("utilities", "short-of", "frontier")) {
                page.waitForFunction("id => window.Chart && Chart.getChart(id)", chart);
            }
            Object labels = page.evaluate("() => Chart.getChart('frontier').data.datasets.map((d) => d.label)");
            assertThat(labels.toString()).contains("frontier of all parties, projected").contains(
                    "frontier of Ukraine and Russia alone").contains("agreement zone").contains("Nash");
            // Every legend entry is drawn with its series' own point style.
            Object legendMatches = page.evaluate("() => { const c = Chart.getChart('frontier'); return c.legend"
                    + ".legendItems.every((l) => { const d = c.data.datasets[l.datasetIndex]; return (d.pointStyle || "
                    + "'circle') === l.pointStyle; }); }");
            assertThat(legendMatches).isEqualTo(true);
            // Hovering the Nash package shows it, issue by issue.
            Object footer = page.evaluate("() => { const c = Chart.getChart('frontier'); const i = c.data.datasets"
                    + ".findIndex((d) => d.solution === 'nash'); const el = c.getDatasetMeta(i).data[0]; "
                    + "c.tooltip.setActiveElements([{ datasetIndex: i, index: 0 }], { x: el.x, y: el.y }); c.update(); "
                    + "return c.tooltip.footer.join(''); }");
            nash.properties().forEach(f -> assertThat(footer.toString()).contains(f.getKey() + "=" + f.getValue()
                    .asText()));
            Object title = page.evaluate("() => Chart.getChart('frontier').options.scales.x.title.text");
            assertThat(title.toString()).startsWith("Ukraine utility");
            page.selectOption("#pair", "US-EUR");
            page.waitForFunction("() => Chart.getChart('frontier').options.scales.x.title.text.startsWith('United')");
            assertThat(page.locator("#frontier").boundingBox().height).isGreaterThan(300);
            Browser.screenshot(page, "report");
        }
    }

    @Test
    void theForecastPage_drawsTheShareAgreedByRound_asEveryReportDraws() throws Exception {
        JsonNode doc = Cli.run("forecast", "--runs", "40", "--seed", "3", "--out", tmp.toString(), "--format", "json")
                .json();
        try (Browser browser = Browser.launch()) {
            Page page = browser.page();
            page.navigate(tmp.resolve("forecast.html").toUri().toString());
            page.waitForFunction("() => window.Chart && Chart.getChart('agreed-by')");
            Object labels = page.evaluate("() => Chart.getChart('agreed-by').data.datasets.map((d) => d.label)");
            assertThat(labels.toString()).isEqualTo("[agreed, 95% low, 95% high]");
            JsonNode steps = doc.get("agreedBy");
            Object last = page.evaluate("() => { const d = Chart.getChart('agreed-by').data.datasets[0].data; "
                    + "return d[d.length - 1]; }");
            assertThat(((Number) last).doubleValue()).isCloseTo(steps.get(steps.size() - 1).get("share").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
