using System.Diagnostics;

namespace Spatial.Service.Benchmarks;

/// <summary>Closed-loop load: a fixed number of workers, each starting its next call when the last returns, for a fixed time.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            var i = worker;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i).ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                i += concurrency;
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        stopwatch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, stopwatch.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

/// <summary>Throughput and latency of one load run.</summary>
internal sealed record LoadResult(string Name, int Calls, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public override string ToString() => $"{Name,-34} {PerSecond,10:F1} cls/s   p50 {P50Ms,7:F2} ms   p99 {P99Ms,7:F2} ms   ({Calls} calls)";
}
