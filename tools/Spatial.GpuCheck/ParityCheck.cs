namespace Spatial.GpuCheck;

/// <summary>How one output compares with another of the same shape.</summary>
/// <param name="LengthsMatch">False when the outputs differ in length (nothing else is then compared).</param>
/// <param name="MaxAbsDiff">Largest |actual - expected| over the finite pairs.</param>
/// <param name="NonFiniteIndex">First index where either value is NaN or infinite; -1 when all are finite.</param>
internal readonly record struct ParityResult(bool LengthsMatch, double MaxAbsDiff, int NonFiniteIndex)
{
    /// <summary>Same length, every value finite, and no pair further apart than <paramref name="tolerance"/>.</summary>
    public bool Within(double tolerance) => LengthsMatch && NonFiniteIndex < 0 && MaxAbsDiff <= tolerance;

    /// <summary>The worse of two results (for the maximum over several cases).</summary>
    public ParityResult Worst(ParityResult other) => new(
        LengthsMatch && other.LengthsMatch,
        Math.Max(MaxAbsDiff, other.MaxAbsDiff),
        NonFiniteIndex >= 0 ? NonFiniteIndex : other.NonFiniteIndex);

    /// <summary>Nothing compared yet: the identity of <see cref="Worst"/>.</summary>
    public static ParityResult None => new(true, 0, -1);
}

/// <summary>Compares a backend's output with a reference output value by value.</summary>
internal static class ParityCheck
{
    public static ParityResult Compare(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
            return new ParityResult(false, double.PositiveInfinity, -1);
        double max = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            // A NaN would vanish in Math.Max comparisons; it fails the check on its own.
            if (!float.IsFinite(actual[i]) || !float.IsFinite(expected[i]))
                return new ParityResult(true, double.PositiveInfinity, i);
            max = Math.Max(max, Math.Abs((double)actual[i] - expected[i]));
        }
        return new ParityResult(true, max, -1);
    }
}
