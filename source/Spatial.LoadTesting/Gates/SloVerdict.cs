namespace Spatial.LoadTesting.Gates;

/// <summary>One objective judged: what was measured against what is allowed.</summary>
/// <param name="Objective">Which objective ("p95 latency", "error rate", ...).</param>
/// <param name="Measured">The measured value, formatted with its unit.</param>
/// <param name="Allowed">The limit, formatted with its comparison ("≤ 250 ms").</param>
/// <param name="Passed">Whether the measured value is within the limit.</param>
public sealed record SloVerdict(string Objective, string Measured, string Allowed, bool Passed)
{
    /// <summary>The failure line of a violated objective, or the pass line.</summary>
    public string Line => $"{Objective} {Measured} {(Passed ? "within" : "violates")} {Allowed}";
}
