using Spatial.LoadTesting.Engine;

namespace Spatial.LoadTesting.Tests;

public sealed class LatencyHistogramTests
{
    [Test]
    public void Percentiles_of_a_uniform_distribution_are_its_quantiles()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
            histogram.Record(TimeSpan.FromMilliseconds(ms));

        // Three significant digits: each value within 0.1 % of the exact quantile.
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Count, Is.EqualTo(1000));
            Assert.That(histogram.Percentile(50).TotalMilliseconds, Is.EqualTo(500).Within(0.1).Percent);
            Assert.That(histogram.Percentile(90).TotalMilliseconds, Is.EqualTo(900).Within(0.1).Percent);
            Assert.That(histogram.Percentile(99).TotalMilliseconds, Is.EqualTo(990).Within(0.1).Percent);
            Assert.That(histogram.Percentile(99.9).TotalMilliseconds, Is.EqualTo(999).Within(0.1).Percent);
            Assert.That(histogram.Max.TotalMilliseconds, Is.EqualTo(1000).Within(0.1).Percent);
            Assert.That(histogram.Mean.TotalMilliseconds, Is.EqualTo(500.5).Within(0.1).Percent);
        });
    }

    [Test]
    public void A_long_tail_is_not_averaged_away()
    {
        // 990 fast requests (2 ms) and 10 slow ones (2 s): p99 still fast, p99.9 and max the slow ones.
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 990; i++)
            histogram.Record(TimeSpan.FromMilliseconds(2));
        for (var i = 0; i < 10; i++)
            histogram.Record(TimeSpan.FromSeconds(2));

        var summary = histogram.Summarise();
        Assert.Multiple(() =>
        {
            Assert.That(summary.P50, Is.EqualTo(2).Within(0.1).Percent);
            Assert.That(summary.P99, Is.EqualTo(2).Within(0.1).Percent);
            Assert.That(summary.P999, Is.EqualTo(2000).Within(0.1).Percent);
            Assert.That(summary.Max, Is.EqualTo(2000).Within(0.1).Percent);
        });
    }

    [Test]
    public void Exponential_distribution_matches_its_closed_form_quantiles()
    {
        // Inverse-CDF samples at evenly spaced probabilities: quantile(p) = -mean * ln(1 - p).
        const double meanMs = 20;
        const int n = 100_000;
        var histogram = new LatencyHistogram();
        for (var i = 0; i < n; i++)
            histogram.Record(TimeSpan.FromMilliseconds(-meanMs * Math.Log(1 - (i + 0.5) / n)));

        Assert.Multiple(() =>
        {
            Assert.That(histogram.Percentile(50).TotalMilliseconds, Is.EqualTo(13.863).Within(0.2).Percent);
            Assert.That(histogram.Percentile(95).TotalMilliseconds, Is.EqualTo(59.915).Within(0.2).Percent);
            Assert.That(histogram.Percentile(99).TotalMilliseconds, Is.EqualTo(92.103).Within(0.2).Percent);
        });
    }

    [Test]
    public void An_empty_histogram_reads_zero_and_a_bad_percentile_is_refused()
    {
        var histogram = new LatencyHistogram();
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Percentile(95), Is.EqualTo(TimeSpan.Zero));
            Assert.That(histogram.Max, Is.EqualTo(TimeSpan.Zero));
            Assert.That(histogram.Distribution(), Is.Empty);
            Assert.That(() => histogram.Percentile(101), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Latencies_beyond_the_range_are_clamped_not_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromHours(1));
        histogram.Record(TimeSpan.FromTicks(-5));
        Assert.Multiple(() =>
        {
            Assert.That(histogram.Count, Is.EqualTo(2));
            Assert.That(histogram.Max.TotalMinutes, Is.EqualTo(10).Within(0.1).Percent);
        });
    }
}
