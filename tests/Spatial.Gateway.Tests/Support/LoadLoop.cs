using System.Collections.Concurrent;

namespace Spatial.Gateway.Tests.Support;

/// <summary>
/// Concurrent clients posting through the gateway until stopped, bounded by a request count; every outcome is kept
/// with the time it finished, so a test can count failures before and after an event.
/// </summary>
internal sealed class LoadLoop
{
    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public sealed record Outcome(DateTime FinishedAt, bool Ok, string Backend, string Detail);

    public IReadOnlyList<Outcome> Outcomes => _outcomes.ToList();

    public void Start(HttpClient http, Uri address, int clients, int maxRequests)
    {
        var sent = 0;
        _running = Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!_stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= maxRequests)
            {
                try
                {
                    using var content = new ByteArrayContent(new byte[512]);
                    using var response = await http.PostAsync(new Uri(address, "v1/classify"), content);
                    var backend = response.Headers.TryGetValues("X-Backend", out var values) ? values.Single() : "";
                    _outcomes.Enqueue(new Outcome(DateTime.UtcNow, response.IsSuccessStatusCode, backend, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                catch (HttpRequestException e)
                {
                    _outcomes.Enqueue(new Outcome(DateTime.UtcNow, false, "", e.Message));
                }
            }
        }));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    /// <summary>Waits until at least <paramref name="count"/> more outcomes than <paramref name="since"/> are in.</summary>
    public async Task WaitForAsync(int since, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_outcomes.Count < since + count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.That(_outcomes.Count, Is.GreaterThanOrEqualTo(since + count), "the load loop did not make progress");
    }
}
