using Microsoft.Playwright;
using Spatial.LoadTesting.Reports;

namespace Spatial.LoadTesting.Tests;

[Category("Browser")]
public sealed class HtmlReportBrowserTests
{
    [Test]
    public async Task The_report_renders_its_charts_in_a_real_browser_with_no_errors_and_no_requests()
    {
        var chromium = SystemChromium.Require();
        var file = Path.Combine(Path.GetTempPath(), $"load-report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, HtmlReport.Render(ReportTests.Failing()));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox"],
            });
            var page = await browser.NewPageAsync();
            var consoleErrors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                    consoleErrors.Add($"{message.Type}: {message.Text}");
            };
            page.PageError += (_, error) => consoleErrors.Add("page error: " + error);
            var url = new Uri(file).AbsoluteUri;
            page.Request += (_, request) =>
            {
                if (request.Url != url)
                    requests.Add(request.Url);
            };

            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var charts = await page.EvaluateAsync<double[][]>(
                "() => ['latency-over-time', 'throughput-over-time', 'latency-distribution'].map(id => { " +
                "const svg = document.querySelector('#' + id + ' svg'); if (!svg) return [0, 0, 0, 0]; " +
                "const box = svg.getBoundingClientRect(); " +
                "const drawn = [...svg.querySelectorAll('text')].filter(t => t.getBBox().width > 0).length; " +
                "return [box.width, box.height, svg.querySelectorAll('polyline.series').length, drawn]; })");
            var titles = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure svg > text:first-of-type')].map(t => t.textContent)");
            var summary = await page.InnerTextAsync("#summary");
            var failedRows = await page.Locator("#verdicts tr.fail").CountAsync();

            Assert.Multiple(() =>
            {
                Assert.That(consoleErrors, Is.Empty);
                Assert.That(requests, Is.Empty);
                Assert.That(summary, Is.EqualTo("p95 300 ms @ 98 rps, 20 errors, 0 shortfall, 2 SLO(s) violated"));
                Assert.That(failedRows, Is.EqualTo(2));
                Assert.That(titles, Is.EqualTo(new[] { "Latency over time", "Throughput over time", "Latency distribution" }));
                foreach (var chart in charts)
                {
                    Assert.That(chart[0], Is.GreaterThan(300), "chart width");
                    Assert.That(chart[1], Is.GreaterThan(100), "chart height");
                    Assert.That(chart[2], Is.GreaterThanOrEqualTo(1), "data lines");
                    // Titles, ticks and legend must be real text the browser draws (a renderer without fonts drops them).
                    Assert.That(chart[3], Is.GreaterThan(10), "text drawn with a visible width");
                }
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
