using System.Diagnostics;

namespace Spatial.LoadTesting.Engine;

/// <summary>Collects the outcomes of one phase from many concurrent requests (one lock: a request costs far more than it).</summary>
internal sealed class PhaseRecorder
{
    private readonly object gate = new();
    private readonly long startTimestamp;
    private readonly LatencyHistogram latency = new();
    private readonly LatencyHistogram serviceTime = new();
    private readonly Dictionary<string, long> errors = new(StringComparer.Ordinal);
    private readonly List<SecondBucket> seconds = [];
    private long sent;
    private long completed;
    private long failed;
    private long bytesSent;
    private long bytesReceived;
    private long waitedForConnection;
    private long lateWithFreeConnection;
    private TimeSpan maxLag;
    private long lastRateCompleted;

    public PhaseRecorder(long startTimestamp) => this.startTimestamp = startTimestamp;

    public long Sent => Interlocked.Read(ref sent);

    /// <summary>A request leaves: <paramref name="lag"/> is how late it is against its timetable.</summary>
    public void RecordSend(long timestamp, TimeSpan lag, bool waitedForConnection)
    {
        lock (gate)
        {
            sent++;
            Bucket(timestamp).Sent++;
            if (waitedForConnection)
                this.waitedForConnection++;
            else if (lag > Shortfall.LateThreshold)
                lateWithFreeConnection++;
            if (lag > maxLag)
                maxLag = lag;
        }
    }

    /// <summary>A request finished (answered, failed or timed out).</summary>
    public void RecordCompletion(long timestamp, TimeSpan latency, TimeSpan serviceTime, string? failure, long bytesOut, long bytesIn)
    {
        lock (gate)
        {
            completed++;
            this.latency.Record(latency);
            this.serviceTime.Record(serviceTime);
            bytesSent += bytesOut;
            bytesReceived += bytesIn;
            var bucket = Bucket(timestamp);
            bucket.Completed++;
            bucket.Latency.Record(latency);
            if (failure is not null)
            {
                failed++;
                bucket.Errors++;
                errors[failure] = errors.GetValueOrDefault(failure) + 1;
            }
        }
    }

    /// <summary>The live figures; <paramref name="missing"/> comes from the scheduler.</summary>
    public LoadProgress Snapshot(string phase, TimeSpan duration, long missing)
    {
        lock (gate)
        {
            var rate = completed - lastRateCompleted;
            lastRateCompleted = completed;
            return new LoadProgress(phase, Stopwatch.GetElapsedTime(startTimestamp), duration, sent, completed, failed, rate,
                latency.Percentile(95).TotalMilliseconds, sent - completed, missing);
        }
    }

    public LoadResult Result(string scenario, string model, DateTimeOffset startedAt, long asked, TimeSpan cpu, string? shortfallReason)
    {
        lock (gate)
        {
            var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
            var series = seconds.Select((b, i) => new SecondSample(i, b.Sent, b.Completed, b.Errors,
                b.Latency.Percentile(50).TotalMilliseconds, b.Latency.Percentile(95).TotalMilliseconds, b.Latency.Percentile(99).TotalMilliseconds)).ToList();
            return new LoadResult(scenario, model, startedAt, elapsed.TotalSeconds, sent, completed - failed, failed,
                latency.Summarise(), serviceTime.Summarise(), new SortedDictionary<string, long>(errors, StringComparer.Ordinal),
                bytesSent, bytesReceived, series,
                latency.Distribution().Select(d => new DistributionPoint(d.Percentile, d.Milliseconds)).ToList(),
                elapsed.TotalSeconds > 0 ? cpu.TotalSeconds / elapsed.TotalSeconds : 0, Environment.ProcessorCount,
                new Shortfall(asked, sent, waitedForConnection, lateWithFreeConnection, Math.Round(maxLag.TotalMilliseconds, 3), shortfallReason));
        }
    }

    /// <summary>Counts the figures that decide a shortfall's reason.</summary>
    public (long WaitedForConnection, long LateWithFreeConnection) Lateness()
    {
        lock (gate)
            return (waitedForConnection, lateWithFreeConnection);
    }

    private SecondBucket Bucket(long timestamp)
    {
        var index = (int)Math.Max(0, Stopwatch.GetElapsedTime(startTimestamp, timestamp).TotalSeconds);
        while (seconds.Count <= index)
            seconds.Add(new SecondBucket());
        return seconds[index];
    }

    private sealed class SecondBucket
    {
        public long Sent;
        public long Completed;
        public long Errors;
        public readonly LatencyHistogram Latency = new();
    }
}
