using System.Diagnostics;
using Spatial.LoadTesting.Scenarios;

namespace Spatial.LoadTesting.Engine;

/// <summary>
/// Runs a scenario under a load model through one pooled <see cref="SocketsHttpHandler"/>: an optional warm-up whose
/// results are discarded, then the measured phase. Every run is bounded in time (the model's duration plus one request
/// timeout to drain) and in count (<see cref="LoadRunOptions.MaxRequests"/>), and sends only to loopback addresses.
/// </summary>
public static class LoadEngine
{
    /// <summary>Runs <paramref name="scenario"/>; <paramref name="progress"/> hears about once a second.</summary>
    public static async Task<LoadResult> RunAsync(
        Scenario scenario, LoadModel model, LoadRunOptions options, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(model.MaxConnections);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(model.Duration, TimeSpan.Zero);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = model.MaxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        var sequence = new RequestSequence();
        if (options.Warmup > TimeSpan.Zero)
            await RunPhaseAsync("warm-up", scenario, WithDuration(model, options.Warmup), options, invoker, sequence, progress, cancellationToken);
        return await RunPhaseAsync("measured", scenario, model, options, invoker, sequence, progress, cancellationToken);
    }

    private static LoadModel WithDuration(LoadModel model, TimeSpan duration) => model switch
    {
        ClosedModel closed => closed with { Duration = duration },
        OpenModel open => open with { Duration = duration },
        _ => throw new ArgumentException($"unknown load model {model.GetType().Name}", nameof(model)),
    };

    private static async Task<LoadResult> RunPhaseAsync(
        string phase, Scenario scenario, LoadModel model, LoadRunOptions options, HttpMessageInvoker invoker, RequestSequence sequence,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var recorder = new PhaseRecorder(start);
        var sender = new RequestSender(scenario, invoker, recorder, options.Timeout, sequence);
        var schedule = model switch
        {
            OpenModel open => new OpenSchedule(open, options.MaxRequests),
            ClosedModel closed => (IPhaseSchedule)new ClosedSchedule(closed, options.MaxRequests),
            _ => throw new ArgumentException($"unknown load model {model.GetType().Name}", nameof(model)),
        };

        using var reporting = new CancellationTokenSource();
        var reporter = progress is null ? Task.CompletedTask : ReportAsync(phase, model.Duration, recorder, schedule, progress, reporting.Token);
        try
        {
            await schedule.RunAsync(start, sender, cancellationToken);
            await sender.DrainAsync(options.Timeout + TimeSpan.FromSeconds(1));
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }
        progress?.Report(recorder.Snapshot(phase, model.Duration, schedule.Missing(recorder.Sent)));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var (waited, late) = recorder.Lateness();
        var reason = ShortfallReason(schedule.Asked, recorder.Sent, waited, late, model, cpu, Stopwatch.GetElapsedTime(start), options.MaxRequests);
        return recorder.Result(scenario.Name, model.Describe(), startedAt, schedule.Asked, cpu, reason);
    }

    private static async Task ReportAsync(string phase, TimeSpan duration, PhaseRecorder recorder, IPhaseSchedule schedule, IProgress<LoadProgress> progress, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                progress.Report(recorder.Snapshot(phase, duration, schedule.Missing(recorder.Sent)));
        }
        catch (OperationCanceledException)
        {
            // The phase ended.
        }
    }

    /// <summary>Names why the generator fell short or behind, from what it measured; null when it kept its timetable.</summary>
    internal static string? ShortfallReason(long asked, long sent, long waitedForConnection, long lateWithFreeConnection, LoadModel model, TimeSpan cpu, TimeSpan elapsed, long maxRequests)
    {
        var missing = asked - sent;
        if (missing <= 0 && waitedForConnection == 0 && lateWithFreeConnection == 0)
            return null;
        if (sent >= maxRequests && missing > 0)
            return $"the run's bound of {maxRequests} requests was reached";
        var cores = elapsed > TimeSpan.Zero ? cpu / elapsed : 0;
        var what = missing > 0 ? $"{missing} of {asked} asked requests not sent" : $"all {asked} sent, some late";
        return waitedForConnection >= lateWithFreeConnection
            ? $"{what}: connection limit — all {model.MaxConnections} connections busy for {waitedForConnection} request(s); the server answers slower than the asked rate"
            : $"{what}: generator CPU — {lateWithFreeConnection} request(s) left more than {Shortfall.LateThreshold.TotalMilliseconds:0} ms late with a connection free (generator used {cores:0.00} of {Environment.ProcessorCount} cores)";
    }
}
