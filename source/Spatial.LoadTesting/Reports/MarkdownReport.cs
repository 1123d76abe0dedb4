using System.Text;
using Spatial.LoadTesting.Gates;

namespace Spatial.LoadTesting.Reports;

/// <summary>The report as Markdown: verdicts, latency percentiles, errors and the shortfall (also the GitHub Actions job summary).</summary>
public static class MarkdownReport
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(LoadReport report)
    {
        var r = report.Result;
        var text = new StringBuilder();
        Line(text, $"## Load test: {report.Title} — {(report.Passed ? "passed" : "FAILED")}");
        Line(text, "");
        Line(text, $"`{report.SummaryLine}`");
        Line(text, "");
        Line(text, $"Scenario {r.Scenario} against {report.Target}; {r.Model}.");
        Line(text, "");
        Line(text, "| objective | measured | allowed | verdict |");
        Line(text, "|---|---|---|---|");
        foreach (var v in report.Verdicts)
            Line(text, $"| {v.Objective} | {v.Measured} | {v.Allowed} | {(v.Passed ? "pass" : "**FAIL**")} |");
        Line(text, "");
        Line(text, "| latency (ms) | p50 | p90 | p95 | p99 | p99.9 | max |");
        Line(text, "|---|---|---|---|---|---|---|");
        Line(text, Row("from the timetable", r.Latency));
        Line(text, Row("from the send", r.ServiceTime));
        Line(text, "");
        Line(text, $"Sent {r.Sent}, succeeded {r.Succeeded}, failed {r.Failed} in {F(r.DurationSeconds)} s: {F(r.Throughput)} req/s; " +
                   $"{r.BytesSent} bytes out, {r.BytesReceived} bytes in; generator CPU {F(r.GeneratorCpuCores)} of {r.ProcessorCount} cores.");
        Line(text, "");
        var s = r.Shortfall;
        Line(text, $"Shortfall: asked {s.Asked}, sent {s.Sent}, missing {s.Missing}; {s.WaitedForConnection} waited for a connection, " +
                   $"{s.LateWithFreeConnection} late with one free, largest lag {F(s.MaxLagMilliseconds)} ms.{(s.Reason is { } reason ? " Why: " + reason + "." : "")}");
        if (r.Errors.Count > 0)
        {
            Line(text, "");
            Line(text, "| error | count |");
            Line(text, "|---|---|");
            foreach (var (kind, count) in r.Errors)
                Line(text, $"| {kind} | {count} |");
        }
        return text.ToString();
    }

    private static string Row(string name, Engine.LatencySummary l) =>
        $"| {name} | {F(l.P50)} | {F(l.P90)} | {F(l.P95)} | {F(l.P99)} | {F(l.P999)} | {F(l.Max)} |";

    private static string F(double value) => ServiceLevelGate.Number(value);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
