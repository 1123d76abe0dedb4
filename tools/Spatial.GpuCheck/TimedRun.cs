using System.Diagnostics;

namespace Spatial.GpuCheck;

/// <summary>Calls per second of one job, bounded by time: a short warm-up, then a measurement of about the given length.</summary>
internal static class TimedRun
{
    /// <summary>
    /// Warms up for two calls and a quarter of <paramref name="seconds"/> (at most one second), then calls until
    /// <paramref name="seconds"/> have passed; a single call longer than that is still completed and counted once.
    /// </summary>
    public static double CallsPerSecond(double seconds, Action call)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 2 || warm.Elapsed.TotalSeconds < Math.Min(1, seconds / 4); i++)
            call();
        var clock = Stopwatch.StartNew();
        var calls = 0;
        do
        {
            call();
            calls++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        return calls / clock.Elapsed.TotalSeconds;
    }
}
