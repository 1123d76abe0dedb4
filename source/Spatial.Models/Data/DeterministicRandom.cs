namespace Spatial.Models.Data;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform,
/// unlike <see cref="Random"/> whose algorithm is an implementation detail.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    /// <summary>A generator for one (seed, stream) pair; different streams are independent.</summary>
    public DeterministicRandom(long seed, long stream = 0)
    {
        _state = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL ^ 0x2545F4914F6CDD1DUL;
        NextUInt64();
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    /// <summary>Standard normal sample (Box-Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
