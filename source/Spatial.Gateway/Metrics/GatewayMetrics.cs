using Prometheus;

namespace Spatial.Gateway.Metrics;

/// <summary>The gateway's Prometheus series: per destination requests, errors and latency; one label set per replica.</summary>
public sealed class GatewayMetrics
{
    private readonly Counter _requests = Prometheus.Metrics.CreateCounter(
        "spatial_gateway_requests_total", "Requests proxied, by destination and status code.", "destination", "code");

    private readonly Counter _errors = Prometheus.Metrics.CreateCounter(
        "spatial_gateway_proxy_errors_total", "Requests the gateway could not proxy, by destination and error.", "destination", "error");

    private readonly Histogram _duration = Prometheus.Metrics.CreateHistogram(
        "spatial_gateway_request_duration_seconds", "Time from receiving a request to the end of its response, by destination.",
        new HistogramConfiguration { LabelNames = ["destination"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });

    private readonly Counter _retries = Prometheus.Metrics.CreateCounter(
        "spatial_gateway_retries_total", "Requests sent again to another destination after a delivery failure, by why not when they were not.", "outcome");

    private readonly Gauge _generation = Prometheus.Metrics.CreateGauge(
        "spatial_gateway_pool_generation", "Generation of the destination pool; increases with every swap.");

    private readonly Gauge _destinations = Prometheus.Metrics.CreateGauge(
        "spatial_gateway_pool_destinations", "Destinations in the pool.");

    /// <summary>Records one proxied request.</summary>
    public void Observe(string destination, int statusCode, string? error, TimeSpan duration)
    {
        _requests.WithLabels(destination, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _duration.WithLabels(destination).Observe(duration.TotalSeconds);
        if (error is not null)
            _errors.WithLabels(destination, error).Inc();
    }

    /// <summary>Records a retry decision: <c>retried</c>, or why a failed delivery was not retried.</summary>
    public void Retry(string outcome) => _retries.WithLabels(outcome).Inc();

    /// <summary>Records a pool swap.</summary>
    public void PoolChanged(long generation, int destinations)
    {
        _generation.Set(generation);
        _destinations.Set(destinations);
    }
}
