using Spatial.LoadTesting.Gates;
using Spatial.LoadTesting.Reports;

namespace Spatial.LoadTesting.Tests;

public sealed class ReportTests
{
    private static readonly LoadObjectives Staging = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), 0.005, 40);

    internal static LoadReport Failing() =>
        new("staging: release 1.0.0-abc1234", "http://127.0.0.1:5000/",
            SampleResults.With(p95: 300, failed: 20, errors: new Dictionary<string, long> { ["HTTP 503"] = 20 }),
            ServiceLevelGate.Evaluate(SampleResults.With(p95: 300, failed: 20), Staging));

    [Test]
    public void The_summary_line_gives_p95_rate_errors_and_shortfall()
    {
        var passing = new LoadReport("t", "http://127.0.0.1:1/", SampleResults.With(p95: 31, sent: 2000, seconds: 10, asked: 2000),
            ServiceLevelGate.Evaluate(SampleResults.With(p95: 31, sent: 2000, seconds: 10, asked: 2000), Staging));
        Assert.Multiple(() =>
        {
            Assert.That(passing.SummaryLine, Is.EqualTo("p95 31 ms @ 200 rps, 0 errors, 0 shortfall"));
            Assert.That(Failing().SummaryLine, Is.EqualTo("p95 300 ms @ 98 rps, 20 errors, 0 shortfall, 2 SLO(s) violated"));
        });
    }

    [Test]
    public void Json_round_trips()
    {
        var report = Failing();
        var back = JsonReport.Parse(JsonReport.Render(report));
        Assert.Multiple(() =>
        {
            Assert.That(back.SummaryLine, Is.EqualTo(report.SummaryLine));
            Assert.That(back.Verdicts, Is.EqualTo(report.Verdicts));
            Assert.That(back.Result.Errors["HTTP 503"], Is.EqualTo(20));
            Assert.That(JsonReport.Render(report), Does.Contain("\"p95\": 300"));
        });
    }

    [Test]
    public void Markdown_has_a_row_per_verdict_and_the_errors()
    {
        var markdown = MarkdownReport.Render(Failing());
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("## Load test: staging: release 1.0.0-abc1234 — FAILED\n"));
            Assert.That(markdown, Does.Contain("| p95 latency | 300 ms | ≤ 250 ms | **FAIL** |"));
            Assert.That(markdown, Does.Contain("| p99 latency | 45 ms | ≤ 500 ms | pass |"));
            Assert.That(markdown, Does.Contain("| HTTP 503 | 20 |"));
        });
    }

    [Test]
    public void Html_is_self_contained_with_three_inline_charts()
    {
        var html = HtmlReport.Render(Failing());
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count, Is.EqualTo(3));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("src=\"http"));
            Assert.That(html, Does.Not.Contain("href=\"http"));
            Assert.That(html, Does.Contain("<tr class=\"fail\"><td>p95 latency</td><td>300 ms</td><td>≤ 250 ms</td><td>FAIL</td></tr>"));
        });
    }
}
