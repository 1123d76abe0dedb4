using System.Diagnostics;
using System.Net.Http;
using Spatial.LoadTesting.Scenarios;

namespace Spatial.LoadTesting.Engine;

/// <summary>Sends one request of a scenario, judges the answer and records it; counts what is in flight for the drain.</summary>
internal sealed class RequestSender
{
    private static readonly ResponseCheck AnySuccess = (status, _) => status is >= 200 and < 300 ? null : $"HTTP {status}";

    private readonly Scenario scenario;
    private readonly HttpMessageInvoker invoker;
    private readonly PhaseRecorder recorder;
    private readonly TimeSpan timeout;
    private readonly RequestSequence sequence;
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long inFlight = 1; // the scheduler's own count, released by DrainAsync

    public RequestSender(Scenario scenario, HttpMessageInvoker invoker, PhaseRecorder recorder, TimeSpan timeout, RequestSequence sequence)
    {
        this.scenario = scenario;
        this.invoker = invoker;
        this.recorder = recorder;
        this.timeout = timeout;
        this.sequence = sequence;
    }

    /// <summary>Builds the next request and sends it; <paramref name="intended"/> is its place on the timetable (a Stopwatch timestamp).</summary>
    public async Task SendAsync(long intended, bool waitedForConnection, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            var request = scenario.CreateRequest(sequence.Next());
            using var message = request.Message;
            LoopbackAddress.Require(message.RequestUri);
            var bytesOut = message.Content?.Headers.ContentLength ?? 0;
            var sentAt = Stopwatch.GetTimestamp();
            recorder.RecordSend(sentAt, Stopwatch.GetElapsedTime(intended, sentAt), waitedForConnection);
            var (failure, bytesIn) = await ExchangeAsync(message, request.Check ?? AnySuccess, cancellationToken);
            var done = Stopwatch.GetTimestamp();
            recorder.RecordCompletion(done, Stopwatch.GetElapsedTime(intended, done), Stopwatch.GetElapsedTime(sentAt, done), failure, bytesOut, bytesIn);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) for every request in flight to finish.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        Release();
        await drained.Task.WaitAsync(limit).ConfigureAwait(false);
    }

    private async Task<(string? Failure, long BytesIn)> ExchangeAsync(HttpRequestMessage message, ResponseCheck check, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await invoker.SendAsync(message, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            return (check((int)response.StatusCode, body), body.Length);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", 0);
        }
        catch (HttpRequestException e)
        {
            return ($"HttpRequestException: {e.HttpRequestError}", 0);
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref inFlight) == 0)
            drained.TrySetResult();
    }
}
