using System.Diagnostics;

namespace Spatial.Kernels.Benchmarks;

/// <summary>Runs a batch job until warm, then measures images per second over a fixed time.</summary>
internal static class Throughput
{
    public static double ImagesPerSecond(int batch, double warmSeconds, double measureSeconds, Action run)
    {
        // Warm-up: at least three runs and warmSeconds, so every hot method is compiled and caches are filled.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warm.Elapsed.TotalSeconds < warmSeconds; i++)
            run();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        do
        {
            run();
            runs++;
        }
        while (clock.Elapsed.TotalSeconds < measureSeconds);
        return runs * batch / clock.Elapsed.TotalSeconds;
    }

    public static double MaxAbsDiff(float[] a, float[] b)
    {
        double max = 0;
        for (var i = 0; i < a.Length; i++)
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        return max;
    }
}
