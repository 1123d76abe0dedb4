namespace Spatial.LoadTesting.Engine;

/// <summary>What one measured phase produced: the figures every gate and report reads.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Model">The load model, described.</param>
/// <param name="StartedAt">When the measured phase began.</param>
/// <param name="DurationSeconds">How long the measured phase ran, in-flight requests drained included.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Succeeded">Requests answered and passing their check.</param>
/// <param name="Failed">Requests that failed (status, check, exception or timeout).</param>
/// <param name="Latency">Latency of every finished request; in the open model counted from its place on the timetable.</param>
/// <param name="ServiceTime">Latency counted from the moment each request was actually sent (equals <paramref name="Latency"/> in the closed model).</param>
/// <param name="Errors">Failures by kind ("HTTP 503", "wrong label", "timeout", "HttpRequestException: ConnectionError").</param>
/// <param name="BytesSent">Request body bytes sent.</param>
/// <param name="BytesReceived">Response body bytes received.</param>
/// <param name="Series">One sample per second of the phase.</param>
/// <param name="Distribution">Latency at a ladder of percentiles (0-100).</param>
/// <param name="GeneratorCpuCores">CPU this process used during the phase, in cores (1.0 = one core busy all the time).</param>
/// <param name="ProcessorCount">Cores of the machine the generator ran on.</param>
/// <param name="Shortfall">Asked against sent, and why any requests were not sent.</param>
public sealed record LoadResult(
    string Scenario,
    string Model,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    long Sent,
    long Succeeded,
    long Failed,
    LatencySummary Latency,
    LatencySummary ServiceTime,
    IReadOnlyDictionary<string, long> Errors,
    long BytesSent,
    long BytesReceived,
    IReadOnlyList<SecondSample> Series,
    IReadOnlyList<DistributionPoint> Distribution,
    double GeneratorCpuCores,
    int ProcessorCount,
    Shortfall Shortfall)
{
    /// <summary>Successful requests per second.</summary>
    public double Throughput => DurationSeconds > 0 ? Succeeded / DurationSeconds : 0;

    /// <summary>Share of sent requests that failed (0 when none was sent).</summary>
    public double ErrorRate => Sent > 0 ? (double)Failed / Sent : 0;
}

/// <summary>One second of a phase.</summary>
/// <param name="Second">Seconds since the phase began (0-based).</param>
/// <param name="Sent">Requests sent in that second.</param>
/// <param name="Completed">Requests finished in that second.</param>
/// <param name="Errors">Of those, how many failed.</param>
/// <param name="P50">Median latency of the requests finished in that second, in ms.</param>
/// <param name="P95">95th percentile of the same, in ms.</param>
/// <param name="P99">99th percentile of the same, in ms.</param>
public sealed record SecondSample(int Second, long Sent, long Completed, long Errors, double P50, double P95, double P99);

/// <summary>A point of the latency distribution: <paramref name="Percentile"/> of requests took at most <paramref name="Milliseconds"/>.</summary>
public sealed record DistributionPoint(double Percentile, double Milliseconds);

/// <summary>
/// How much of the asked load was not sent, and why. The open model asks for a timetable; when the generator cannot
/// keep it (every connection busy, or the generator itself too slow), the missing requests are counted here, never hidden.
/// </summary>
/// <param name="Asked">Requests the model asked for (the timetable's length; in the closed model, what was sent).</param>
/// <param name="Sent">Requests actually sent.</param>
/// <param name="WaitedForConnection">Requests that had to wait for a free connection before going out.</param>
/// <param name="LateWithFreeConnection">Requests sent more than <see cref="LateThreshold"/> after their time with a connection free (the generator was behind).</param>
/// <param name="MaxLagMilliseconds">Largest delay between a request's place on the timetable and its send.</param>
/// <param name="Reason">Why requests are missing or late; null when the timetable was kept.</param>
public sealed record Shortfall(long Asked, long Sent, long WaitedForConnection, long LateWithFreeConnection, double MaxLagMilliseconds, string? Reason)
{
    /// <summary>Lateness beyond which a send counts as behind the timetable.</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromMilliseconds(10);

    /// <summary>Asked but never sent.</summary>
    public long Missing => Math.Max(0, Asked - Sent);

    /// <summary>Share of the asked requests that were never sent.</summary>
    public double MissingShare => Asked > 0 ? (double)Missing / Asked : 0;
}
