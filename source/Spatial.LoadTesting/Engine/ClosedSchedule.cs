using System.Diagnostics;

namespace Spatial.LoadTesting.Engine;

/// <summary>The closed model's scheduler: each user joins at its point of the ramp and sends its next request when the last is answered.</summary>
internal sealed class ClosedSchedule : IPhaseSchedule
{
    private readonly ClosedModel model;
    private readonly long maxRequests;
    private long sent;

    public ClosedSchedule(ClosedModel model, long maxRequests)
    {
        this.model = model;
        this.maxRequests = maxRequests;
    }

    public long Asked => Math.Min(Interlocked.Read(ref sent), maxRequests);

    public long Missing(long sent) => 0;

    public Task RunAsync(long startTimestamp, RequestSender sender, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, model.Users).Select(user => Task.Run(async () =>
        {
            var joins = model.RampUp * ((double)user / model.Users);
            var wait = joins - Stopwatch.GetElapsedTime(startTimestamp);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            while (Stopwatch.GetElapsedTime(startTimestamp) < model.Duration && Interlocked.Increment(ref sent) <= maxRequests)
                await sender.SendAsync(Stopwatch.GetTimestamp(), waitedForConnection: false, cancellationToken).ConfigureAwait(false);
        }, cancellationToken)));
}
