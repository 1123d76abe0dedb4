using Spatial.LoadTesting.Engine;
using Spatial.LoadTesting.Gates;

namespace Spatial.LoadTesting.Reports;

/// <summary>Everything a report shows: what was loaded, the figures, and the verdicts.</summary>
/// <param name="Title">What was tested ("staging: release 1.4.0-ab12cd3").</param>
/// <param name="Target">Where the load went.</param>
/// <param name="Result">The measured phase.</param>
/// <param name="Verdicts">The objectives judged.</param>
public sealed record LoadReport(string Title, string Target, LoadResult Result, IReadOnlyList<SloVerdict> Verdicts)
{
    /// <summary>Whether every objective passed.</summary>
    public bool Passed => Verdicts.All(v => v.Passed);

    /// <summary>The one-line summary: <c>p95 31 ms @ 200 rps, 0 errors, 0 shortfall</c>.</summary>
    public string SummaryLine =>
        $"p95 {ServiceLevelGate.Number(Result.Latency.P95)} ms @ {ServiceLevelGate.Number(Result.Throughput)} rps, " +
        $"{Result.Failed} errors, {Result.Shortfall.Missing} shortfall{(Passed ? "" : $", {Verdicts.Count(v => !v.Passed)} SLO(s) violated")}";
}
