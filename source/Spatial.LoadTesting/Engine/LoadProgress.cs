namespace Spatial.LoadTesting.Engine;

/// <summary>A snapshot of a running phase, reported about once a second.</summary>
/// <param name="Phase">"warm-up" or "measured".</param>
/// <param name="Elapsed">Time since the phase began.</param>
/// <param name="Duration">How long the phase is planned to last.</param>
/// <param name="Sent">Requests sent so far.</param>
/// <param name="Completed">Requests finished so far.</param>
/// <param name="Errors">Requests failed so far.</param>
/// <param name="CurrentRate">Requests finished in the last second.</param>
/// <param name="P95Milliseconds">95th-percentile latency so far.</param>
/// <param name="InFlight">Requests sent and not yet finished.</param>
/// <param name="Missing">Requests of the timetable due by now but not sent (open model).</param>
public sealed record LoadProgress(string Phase, TimeSpan Elapsed, TimeSpan Duration, long Sent, long Completed, long Errors, double CurrentRate, double P95Milliseconds, long InFlight, long Missing)
{
    /// <summary>Planned time left.</summary>
    public TimeSpan Remaining => Duration > Elapsed ? Duration - Elapsed : TimeSpan.Zero;
}
