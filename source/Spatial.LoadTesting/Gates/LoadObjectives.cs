namespace Spatial.LoadTesting.Gates;

/// <summary>
/// The objectives one run is gated on; a null objective is not checked. <paramref name="MaxShortfall"/> guards the
/// figures themselves: a run that sent much less than it was asked measured a lighter load than the one promised.
/// </summary>
/// <param name="P95">Highest acceptable 95th-percentile latency.</param>
/// <param name="P99">Highest acceptable 99th-percentile latency.</param>
/// <param name="MaxErrorRate">Highest acceptable share of failed requests (0.01 = 1 %).</param>
/// <param name="MinThroughput">Lowest acceptable rate of successful requests per second.</param>
/// <param name="MaxShortfall">Highest acceptable share of asked requests the generator did not send.</param>
public sealed record LoadObjectives(TimeSpan? P95, TimeSpan? P99, double? MaxErrorRate, double? MinThroughput, double? MaxShortfall = 0.01)
{
    /// <summary>These objectives with each given value replacing its own only where it is stricter.</summary>
    public LoadObjectives Tighten(TimeSpan? p95 = null, TimeSpan? p99 = null, double? maxErrorRate = null, double? minThroughput = null) => this with
    {
        P95 = Stricter(P95, p95, (a, b) => a < b ? a : b),
        P99 = Stricter(P99, p99, (a, b) => a < b ? a : b),
        MaxErrorRate = Stricter(MaxErrorRate, maxErrorRate, Math.Min),
        MinThroughput = Stricter(MinThroughput, minThroughput, Math.Max),
    };

    private static T? Stricter<T>(T? current, T? asked, Func<T, T, T> pick) where T : struct =>
        (current, asked) switch
        {
            (null, var a) => a,
            (var c, null) => c,
            ({ } c, { } a) => pick(c, a),
        };
}
