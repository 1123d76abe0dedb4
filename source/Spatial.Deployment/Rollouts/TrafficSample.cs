using System.Diagnostics;
using System.Net.Http.Headers;

namespace Spatial.Deployment.Rollouts;

/// <summary>
/// Closed-loop verification traffic through a gateway: a few clients posting the golden images in turn, every
/// outcome and latency kept. Used as the background load a rollout is measured under, and as its analysis phase.
/// Bounded by a request count as well as by <see cref="StopAsync"/>.
/// </summary>
public sealed class TrafficSample
{
    private readonly List<(double Milliseconds, bool Ok)> _samples = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private Task _running = Task.CompletedTask;

    /// <summary>Starts <paramref name="clients"/> clients against <paramref name="address"/>, at most <paramref name="maxRequests"/> requests in all.</summary>
    public static TrafficSample Start(Uri address, IReadOnlyList<byte[]> images, int clients, int maxRequests)
    {
        var sample = new TrafficSample();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = TimeSpan.FromSeconds(30) };
        var sent = 0;
        sample._running = Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            while (!sample._stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= maxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    using var content = new ByteArrayContent(images[(sent + client) % images.Count]);
                    content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                    using var response = await http.PostAsync(new Uri(address, "v1/classify"), content);
                    failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failure = e.GetType().Name;
                }
                sample.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, failure);
            }
        })).ContinueWith(_ => http.Dispose(), TaskScheduler.Default);
        return sample;
    }

    /// <summary>Stops the clients and waits for their last requests.</summary>
    public async Task<TrafficFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        return Figures;
    }

    /// <summary>The figures so far.</summary>
    public TrafficFigures Figures
    {
        get
        {
            lock (_gate)
            {
                var latencies = _samples.Where(s => s.Ok).Select(s => s.Milliseconds).Order().ToList();
                return new TrafficFigures(_samples.Count, _samples.Count(s => !s.Ok), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
                    new Dictionary<string, int>(_failures));
            }
        }
    }

    private void Record(double milliseconds, string? failure)
    {
        lock (_gate)
        {
            _samples.Add((milliseconds, failure is null));
            if (failure is not null)
                _failures[failure] = _failures.GetValueOrDefault(failure) + 1;
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 for none.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>What a traffic sample saw.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Failed">Requests that did not get a 2xx.</param>
/// <param name="P95Milliseconds">95th-percentile latency of the successful ones.</param>
/// <param name="P99Milliseconds">99th-percentile latency of the successful ones.</param>
/// <param name="FailuresByKind">Failed requests by status code or exception type.</param>
public sealed record TrafficFigures(int Requests, int Failed, double P95Milliseconds, double P99Milliseconds, IReadOnlyDictionary<string, int> FailuresByKind)
{
    /// <summary>Failed / sent; 0 for none sent.</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)Failed / Requests;

    /// <summary><c>0/1234 failed</c>, with the kinds when there are failures.</summary>
    public override string ToString() =>
        $"{Failed}/{Requests} failed" + (Failed == 0 ? "" : $" ({string.Join(", ", FailuresByKind.Select(f => $"{f.Key}: {f.Value}"))})");
}
