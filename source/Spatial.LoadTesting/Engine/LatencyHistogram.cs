using HdrHistogram;

namespace Spatial.LoadTesting.Engine;

/// <summary>
/// Latencies in microseconds from 1 µs to 10 minutes at three significant digits (HdrHistogram): percentiles are exact
/// to 0.1 % of the value whatever the distribution, and memory does not grow with the number of requests.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The longest latency the histogram holds; longer ones are recorded as this value.</summary>
    public static readonly TimeSpan Highest = TimeSpan.FromMinutes(10);

    private readonly LongHistogram histogram = new(1, (long)Highest.TotalMicroseconds, 3);

    /// <summary>How many latencies were recorded.</summary>
    public long Count => histogram.TotalCount;

    /// <summary>Records one latency (negative values count as zero, values above <see cref="Highest"/> as <see cref="Highest"/>).</summary>
    public void Record(TimeSpan latency)
    {
        var micros = (long)Math.Clamp(latency.TotalMicroseconds, 1, Highest.TotalMicroseconds);
        histogram.RecordValue(micros);
    }

    /// <summary>The latency at <paramref name="percentile"/> (0-100): the smallest recorded value that at least that share of values do not exceed.</summary>
    public TimeSpan Percentile(double percentile)
    {
        if (percentile is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile lies between 0 and 100");
        return Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(histogram.GetValueAtPercentile(percentile));
    }

    /// <summary>The largest recorded latency (to the histogram's precision).</summary>
    public TimeSpan Max => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(histogram.GetMaxValue());

    /// <summary>Mean of the recorded latencies.</summary>
    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(histogram.GetMean());

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other) => histogram.Add(other.histogram);

    /// <summary>The standard percentiles of this histogram, in milliseconds.</summary>
    public LatencySummary Summarise() => new(
        Count,
        Milliseconds(Percentile(50)), Milliseconds(Percentile(90)), Milliseconds(Percentile(95)),
        Milliseconds(Percentile(99)), Milliseconds(Percentile(99.9)), Milliseconds(Max), Milliseconds(Mean));

    /// <summary>Latency at a fixed ladder of percentiles, 0 to 100 (the distribution chart of the report).</summary>
    public IReadOnlyList<(double Percentile, double Milliseconds)> Distribution()
    {
        if (Count == 0)
            return [];
        double[] percentiles = [0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.99, 100];
        return percentiles.Select(p => (p, Milliseconds(Percentile(p)))).ToList();
    }

    private static double Milliseconds(TimeSpan value) => Math.Round(value.TotalMilliseconds, 3);
}

/// <summary>Latency percentiles of a run, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P95, double P99, double P999, double Max, double Mean);
