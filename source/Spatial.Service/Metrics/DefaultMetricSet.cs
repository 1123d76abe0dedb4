using Prometheus;

namespace Spatial.Service.Metrics;

/// <summary>
/// Which of prometheus-net's built-in series the service exports: process metrics yes; the adapter that mirrors
/// every .NET meter (Kestrel, HttpClient, sockets, QUIC) and the event counters no. They add hundreds of series
/// no dashboard of ours reads, and recording them costs every request time (measured by the service benchmark).
/// </summary>
public static class DefaultMetricSet
{
    private static int _configured;

    /// <summary>Applies the choice once per process, before the first series is created.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
            return;
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressProcessMetrics = false,
            SuppressDebugMetrics = true,
            SuppressEventCounters = true,
            SuppressMeters = true,
        });
    }
}
