using System.Globalization;
using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Gates;

/// <summary>Judges a run against its objectives: one verdict per objective that is set.</summary>
public static class ServiceLevelGate
{
    /// <summary>The verdicts, in a fixed order (p95, p99, error rate, throughput, shortfall).</summary>
    public static IReadOnlyList<SloVerdict> Evaluate(LoadResult result, LoadObjectives objectives)
    {
        var verdicts = new List<SloVerdict>();
        if (objectives.P95 is { } p95)
            verdicts.Add(Latency("p95 latency", result.Latency.P95, p95));
        if (objectives.P99 is { } p99)
            verdicts.Add(Latency("p99 latency", result.Latency.P99, p99));
        if (objectives.MaxErrorRate is { } errorRate)
            verdicts.Add(new SloVerdict("error rate", $"{Percent(result.ErrorRate)} ({result.Failed}/{result.Sent})", $"≤ {Percent(errorRate)}",
                result.Sent > 0 && result.ErrorRate <= errorRate));
        if (objectives.MinThroughput is { } throughput)
            verdicts.Add(new SloVerdict("throughput", $"{Number(result.Throughput)} req/s", $"≥ {Number(throughput)} req/s", result.Throughput >= throughput));
        if (objectives.MaxShortfall is { } shortfall)
            verdicts.Add(new SloVerdict("load delivered", $"{Percent(result.Shortfall.MissingShare)} not sent ({result.Shortfall.Missing}/{result.Shortfall.Asked})",
                $"≤ {Percent(shortfall)}", result.Shortfall.MissingShare <= shortfall));
        return verdicts;
    }

    private static SloVerdict Latency(string name, double measuredMs, TimeSpan allowed) =>
        new(name, $"{Number(measuredMs)} ms", $"≤ {Number(allowed.TotalMilliseconds)} ms", measuredMs <= allowed.TotalMilliseconds);

    internal static string Number(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    internal static string Percent(double share) =>
        (share * 100).ToString(share * 100 >= 10 ? "0.#" : "0.###", CultureInfo.InvariantCulture) + " %";
}
