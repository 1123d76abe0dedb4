using System.Net;
using System.Text;
using Spatial.LoadTesting.Gates;

namespace Spatial.LoadTesting.Reports;

/// <summary>
/// The report as one self-contained HTML file: inline SVG charts and inline CSS, no script and no external
/// resource, so it opens offline and from a CI artifact exactly as it was written.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(LoadReport report)
    {
        var r = report.Result;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>").Append(E($"Load test: {report.Title}")).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Load test: ").Append(E(report.Title)).Append(" <span class=\"").Append(report.Passed ? "pass" : "fail").Append("\">")
            .Append(report.Passed ? "passed" : "FAILED").Append("</span></h1>\n");
        html.Append("<p class=\"summary\" id=\"summary\">").Append(E(report.SummaryLine)).Append("</p>\n");
        html.Append("<p>Scenario ").Append(E(r.Scenario)).Append(" against ").Append(E(report.Target)).Append("; ").Append(E(r.Model))
            .Append(". Started ").Append(E(r.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append(".</p>\n");

        html.Append("<h2>Service level objectives</h2>\n<table id=\"verdicts\">\n<tr><th>objective</th><th>measured</th><th>allowed</th><th>verdict</th></tr>\n");
        foreach (var v in report.Verdicts)
            html.Append("<tr class=\"").Append(v.Passed ? "pass" : "fail").Append("\"><td>").Append(E(v.Objective)).Append("</td><td>").Append(E(v.Measured))
                .Append("</td><td>").Append(E(v.Allowed)).Append("</td><td>").Append(v.Passed ? "pass" : "FAIL").Append("</td></tr>\n");
        html.Append("</table>\n");

        html.Append("<h2>Latency (ms)</h2>\n<table>\n<tr><th></th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        Row(html, "from the timetable", r.Latency);
        Row(html, "from the send", r.ServiceTime);
        html.Append("</table>\n");

        html.Append("<h2>Charts</h2>\n");
        Figure(html, "latency-over-time", LoadCharts.LatencyOverTime(r));
        Figure(html, "throughput-over-time", LoadCharts.ThroughputOverTime(r));
        Figure(html, "latency-distribution", LoadCharts.Distribution(r));

        var s = r.Shortfall;
        html.Append("<h2>Load delivered</h2>\n<p>Asked ").Append(s.Asked).Append(", sent ").Append(s.Sent).Append(", missing ").Append(s.Missing)
            .Append("; ").Append(s.WaitedForConnection).Append(" waited for a connection, ").Append(s.LateWithFreeConnection)
            .Append(" late with one free, largest lag ").Append(E(ServiceLevelGate.Number(s.MaxLagMilliseconds))).Append(" ms.")
            .Append(s.Reason is { } reason ? " Why: " + E(reason) + "." : "").Append("</p>\n");
        html.Append("<p>Sent ").Append(r.Sent).Append(", succeeded ").Append(r.Succeeded).Append(", failed ").Append(r.Failed).Append("; ")
            .Append(r.BytesSent).Append(" bytes out, ").Append(r.BytesReceived).Append(" bytes in; generator CPU ")
            .Append(E(ServiceLevelGate.Number(r.GeneratorCpuCores))).Append(" of ").Append(r.ProcessorCount).Append(" cores.</p>\n");
        if (r.Errors.Count > 0)
        {
            html.Append("<h2>Errors</h2>\n<table id=\"errors\">\n<tr><th>error</th><th>count</th></tr>\n");
            foreach (var (kind, count) in r.Errors)
                html.Append("<tr><td>").Append(E(kind)).Append("</td><td>").Append(count).Append("</td></tr>\n");
            html.Append("</table>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private const string Style = """
        body { font-family: sans-serif; margin: 2em; color: #222; max-width: 60em; }
        h1 span.pass { color: #1a7f37; } h1 span.fail { color: #cf222e; }
        p.summary { font-family: monospace; font-size: 1.1em; background: #f6f8fa; padding: .5em; }
        table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #d0d7de; padding: .25em .75em; text-align: right; }
        th:first-child, td:first-child { text-align: left; } tr.fail td { color: #cf222e; font-weight: bold; }
        figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }

        """;

    private static void Row(StringBuilder html, string name, Engine.LatencySummary l) =>
        html.Append("<tr><td>").Append(E(name)).Append("</td>")
            .Append(string.Concat(new[] { l.P50, l.P90, l.P95, l.P99, l.P999, l.Max }.Select(v => "<td>" + E(ServiceLevelGate.Number(v)) + "</td>")))
            .Append("</tr>\n");

    private static void Figure(StringBuilder html, string id, string svg) =>
        html.Append("<figure id=\"").Append(id).Append("\">\n").Append(svg).Append("\n</figure>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
