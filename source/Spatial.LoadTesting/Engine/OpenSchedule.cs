using System.Diagnostics;

namespace Spatial.LoadTesting.Engine;

/// <summary>
/// The open model's scheduler: walks the timetable, sends each arrival at its time on a free connection, and when every
/// connection is busy waits for one; the wait counts in that request's latency (measured from its time on the
/// timetable). Arrivals still unsent when the phase ends are the shortfall.
/// </summary>
internal sealed class OpenSchedule : IPhaseSchedule
{
    private readonly OpenModel model;
    private readonly long maxRequests;
    private readonly TimeSpan[] timetable;
    private long start;

    public OpenSchedule(OpenModel model, long maxRequests)
    {
        this.model = model;
        this.maxRequests = maxRequests;
        // Bounded by the phase and the count: at most maxRequests arrivals are ever asked for.
        timetable = model.Arrivals().Take((int)Math.Min(maxRequests, int.MaxValue)).ToArray();
    }

    public long Asked => timetable.Length;

    public long Missing(long sent)
    {
        if (start == 0)
            return 0;
        var elapsed = Stopwatch.GetElapsedTime(start);
        var due = Array.BinarySearch(timetable, elapsed);
        var dueCount = due >= 0 ? due + 1 : ~due;
        return Math.Max(0, dueCount - sent);
    }

    public async Task RunAsync(long startTimestamp, RequestSender sender, CancellationToken cancellationToken)
    {
        start = startTimestamp;
        var end = TimeSpan.FromTicks(model.Duration.Ticks);
        using var connections = new SemaphoreSlim(model.MaxConnections, model.MaxConnections);
        var inFlight = new List<Task>();
        foreach (var due in timetable)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = due - Stopwatch.GetElapsedTime(startTimestamp);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            var waited = false;
            if (!connections.Wait(0))
            {
                waited = true;
                var left = end - Stopwatch.GetElapsedTime(startTimestamp);
                if (left <= TimeSpan.Zero || !await connections.WaitAsync(left, cancellationToken).ConfigureAwait(false))
                    break; // The phase is over with every connection still busy: the rest of the timetable is the shortfall.
            }
            if (Stopwatch.GetElapsedTime(startTimestamp) >= end)
            {
                connections.Release();
                break;
            }
            var intended = startTimestamp + (long)(due.TotalSeconds * Stopwatch.Frequency);
            inFlight.Add(SendAndReleaseAsync(sender, intended, waited, connections, cancellationToken));
            if (inFlight.Count >= 4096)
                inFlight.RemoveAll(t => t.IsCompleted);
        }
        // The semaphore is disposed on return; every send must have released it first.
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static async Task SendAndReleaseAsync(RequestSender sender, long intended, bool waited, SemaphoreSlim connections, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(intended, waited, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the run is abandoned, nothing to record.
        }
        finally
        {
            connections.Release();
        }
    }
}
