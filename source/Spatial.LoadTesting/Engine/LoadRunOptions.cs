namespace Spatial.LoadTesting.Engine;

/// <summary>Bounds of one run besides its model.</summary>
/// <param name="Warmup">Unmeasured load before the measured phase (same model, results discarded).</param>
/// <param name="RequestTimeout">How long one request may take; a slower one counts as a timeout error.</param>
/// <param name="MaxRequests">Most requests the measured phase sends, whatever the model asks (a hard bound).</param>
public sealed record LoadRunOptions(TimeSpan Warmup = default, TimeSpan? RequestTimeout = null, long MaxRequests = 1_000_000)
{
    /// <summary>Timeout when none is given.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The effective request timeout.</summary>
    public TimeSpan Timeout => RequestTimeout ?? DefaultRequestTimeout;
}
