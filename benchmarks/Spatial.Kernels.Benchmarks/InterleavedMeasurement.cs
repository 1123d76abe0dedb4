using System.Diagnostics;

namespace Spatial.Kernels.Benchmarks;

/// <summary>
/// Measures several contenders in alternating time slices, so that load from other processes on a shared machine
/// falls on all of them alike; ratios are taken per round (a baseline and a contender measured back to back) and
/// reported as the median and range over the rounds.
/// </summary>
internal sealed class InterleavedMeasurement(int batch, double warmSeconds, double measureSeconds, double sliceSeconds = 0.4)
{
    private readonly List<(string Name, Action Run)> _contenders = [];

    public void Add(string name, Action run) => _contenders.Add((name, run));

    /// <summary>Warms every contender, then runs the rounds; returns images/s per round for each contender.</summary>
    public Dictionary<string, double[]> Run()
    {
        foreach (var (_, run) in _contenders)
        {
            // At least three runs and warmSeconds, so every hot method is compiled and caches are filled.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 3 || warm.Elapsed.TotalSeconds < warmSeconds; i++)
                run();
        }
        var rounds = Math.Max(3, (int)Math.Ceiling(measureSeconds / sliceSeconds));
        var rates = _contenders.ToDictionary(c => c.Name, _ => new double[rounds]);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in _contenders)
            {
                var clock = Stopwatch.StartNew();
                var runs = 0;
                do
                {
                    run();
                    runs++;
                }
                while (clock.Elapsed.TotalSeconds < sliceSeconds);
                rates[name][round] = runs * batch / clock.Elapsed.TotalSeconds;
            }
        }
        return rates;
    }

    /// <summary>Images/s over all rounds: the mean of the per-round rates.</summary>
    public static double Rate(double[] rounds) => rounds.Average();

    /// <summary>Median, smallest and largest per-round ratio of <paramref name="rounds"/> to <paramref name="baseline"/>.</summary>
    public static (double Median, double Min, double Max) Ratio(double[] rounds, double[] baseline)
    {
        var ratios = rounds.Zip(baseline, (a, b) => a / b).Order().ToArray();
        var middle = ratios.Length / 2;
        var median = ratios.Length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
        return (median, ratios[0], ratios[^1]);
    }
}
