namespace Spatial.GpuCheck;

/// <summary>
/// One kernel on one backend against one baseline (the reference or the vectorised CPU path), over every case:
/// the worst result, the case it came from, and the tolerance it is held to.
/// </summary>
internal sealed record KernelVerdict(string Kernel, string Backend, string Versus, int Cases, ParityResult Result, string WorstCase, double Tolerance,
    string? Error = null)
{
    public const string VersusReference = "reference";

    /// <summary>Within the tolerance, and the backend ran at all (an exception is a failure, not a skip).</summary>
    public bool Passed => Error is null && Result.Within(Tolerance);

    public ReportLine ToLine()
    {
        var line = new ReportLine("parity").Add("kernel", Kernel).Add("backend", Backend).Add("versus", Versus).Add("cases", Cases)
            .AddDifference("max_abs_diff", Result.MaxAbsDiff).AddDifference("tolerance", Tolerance).Add("worst_case", WorstCase);
        if (!Result.LengthsMatch)
            line.Add("lengths_match", false);
        if (Result.NonFiniteIndex >= 0)
            line.Add("non_finite_at", Result.NonFiniteIndex);
        if (Error is not null)
            line.Add("error", Error);
        return line.Add("result", Passed ? "pass" : "fail");
    }
}
