using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Tests;

/// <summary>Hand-made results with known figures, for the gate and report tests.</summary>
internal static class SampleResults
{
    public static LoadResult With(double p95 = 30, double p99 = 45, long sent = 1000, long failed = 0, double seconds = 10, long asked = 1000,
        IReadOnlyDictionary<string, long>? errors = null)
    {
        var latency = new LatencySummary(sent, 12, 25, p95, p99, p99 + 5, p99 + 10, 14);
        var series = Enumerable.Range(0, (int)seconds).Select(s => new SecondSample(s, sent / (long)seconds, sent / (long)seconds, failed / (long)seconds, 12 + s % 3, p95 - s % 4, p99 - s % 5)).ToList();
        DistributionPoint[] distribution = [new(0, 1), new(50, 12), new(90, 25), new(95, p95), new(99, p99), new(99.9, p99 + 5), new(100, p99 + 10)];
        return new LoadResult("classify (raw, 200 images)", "open: 100 req/s for 10 s, at most 32 connections", new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero),
            seconds, sent, sent - failed, failed, latency, latency, errors ?? new Dictionary<string, long>(), sent * 1000, sent * 200, series, distribution,
            0.42, 2, new Shortfall(asked, sent, 0, 0, 1.5, asked > sent ? "connection limit" : null));
    }
}
