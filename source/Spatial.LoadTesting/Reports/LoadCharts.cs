using ScottPlot;
using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Reports;

/// <summary>The report's charts as SVG (ScottPlot): latency over time, throughput over time, the latency distribution.</summary>
public static class LoadCharts
{
    private const int Width = 760;
    private const int Height = 300;

    /// <summary>p50/p95/p99 of the requests finished in each second.</summary>
    public static string LatencyOverTime(LoadResult result)
    {
        var plot = new Plot();
        var seconds = result.Series.Select(s => (double)s.Second).ToArray();
        Line(plot, seconds, result.Series.Select(s => s.P50).ToArray(), "p50");
        Line(plot, seconds, result.Series.Select(s => s.P95).ToArray(), "p95");
        Line(plot, seconds, result.Series.Select(s => s.P99).ToArray(), "p99");
        return Finish(plot, "Latency over time", "second of the run", "latency (ms)");
    }

    /// <summary>Requests sent, finished and failed in each second.</summary>
    public static string ThroughputOverTime(LoadResult result)
    {
        var plot = new Plot();
        var seconds = result.Series.Select(s => (double)s.Second).ToArray();
        Line(plot, seconds, result.Series.Select(s => (double)s.Sent).ToArray(), "sent/s");
        Line(plot, seconds, result.Series.Select(s => (double)s.Completed).ToArray(), "finished/s");
        Line(plot, seconds, result.Series.Select(s => (double)s.Errors).ToArray(), "errors/s");
        return Finish(plot, "Throughput over time", "second of the run", "requests per second");
    }

    /// <summary>Latency against percentile, on a "number of nines" axis so the tail is readable.</summary>
    public static string Distribution(LoadResult result)
    {
        var plot = new Plot();
        // x = -log10(1 - p): 90 % at 1, 99 % at 2, 99.9 % at 3; 100 % is drawn at 5 nines.
        var points = result.Distribution.Select(d => (X: Nines(d.Percentile), Y: d.Milliseconds)).ToArray();
        Line(plot, points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), "latency");
        double[] ticks = [0, 1, 2, 3, 4, 5];
        string[] labels = ["0 %", "90 %", "99 %", "99.9 %", "99.99 %", "max"];
        plot.Axes.Bottom.SetTicks(ticks, labels);
        return Finish(plot, "Latency distribution", "percentile", "latency (ms)");
    }

    private static double Nines(double percentile) => percentile >= 100 ? 5 : Math.Min(5, -Math.Log10(1 - percentile / 100));

    private static void Line(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0)
            return;
        var scatter = plot.Add.Scatter(xs, ys);
        scatter.LegendText = label;
        scatter.MarkerSize = xs.Length > 60 ? 0 : 4;
        scatter.LineWidth = 2;
    }

    private static string Finish(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(bottom: 0);
        var svg = plot.GetSvgXml(Width, Height);
        // Drop the XML declaration: the SVG is inlined into HTML.
        return svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
    }
}
