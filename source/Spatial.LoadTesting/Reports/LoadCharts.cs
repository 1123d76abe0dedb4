using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Reports;

/// <summary>The report's charts as inline SVG: latency over time, throughput over time, the latency distribution.</summary>
public static class LoadCharts
{
    /// <summary>p50/p95/p99 of the requests finished in each second.</summary>
    public static string LatencyOverTime(LoadResult result)
    {
        var seconds = result.Series.Select(s => (double)s.Second).ToArray();
        return new SvgLineChart { Title = "Latency over time", XLabel = "second of the run", YLabel = "latency (ms)" }
            .Add("p50", seconds, result.Series.Select(s => s.P50).ToArray())
            .Add("p95", seconds, result.Series.Select(s => s.P95).ToArray())
            .Add("p99", seconds, result.Series.Select(s => s.P99).ToArray())
            .Render();
    }

    /// <summary>Requests sent, finished and failed in each second.</summary>
    public static string ThroughputOverTime(LoadResult result)
    {
        var seconds = result.Series.Select(s => (double)s.Second).ToArray();
        return new SvgLineChart { Title = "Throughput over time", XLabel = "second of the run", YLabel = "requests per second" }
            .Add("sent/s", seconds, result.Series.Select(s => (double)s.Sent).ToArray())
            .Add("finished/s", seconds, result.Series.Select(s => (double)s.Completed).ToArray())
            .Add("errors/s", seconds, result.Series.Select(s => (double)s.Errors).ToArray())
            .Render();
    }

    /// <summary>Latency against percentile, on a "number of nines" axis so the tail is readable.</summary>
    public static string Distribution(LoadResult result)
    {
        // x = -log10(1 - p): 90 % at 1, 99 % at 2, 99.9 % at 3; 100 % is drawn at 5 nines.
        return new SvgLineChart { Title = "Latency distribution", XLabel = "percentile", YLabel = "latency (ms)" }
            .Add("latency", result.Distribution.Select(d => Nines(d.Percentile)).ToArray(), result.Distribution.Select(d => d.Milliseconds).ToArray())
            .WithXTicks([0, 1, 2, 3, 4, 5], ["0 %", "90 %", "99 %", "99.9 %", "99.99 %", "max"])
            .Render();
    }

    private static double Nines(double percentile) => percentile >= 100 ? 5 : Math.Min(5, -Math.Log10(1 - percentile / 100));
}
