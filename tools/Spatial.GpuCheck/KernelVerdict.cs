namespace Spatial.GpuCheck;

/// <summary>
/// One kernel on one backend against one baseline (the reference or the vectorised CPU path), over every case:
/// the worst result, the case it came from, and the tolerance it is held to.
/// </summary>
internal sealed record KernelVerdict(string Kernel, string Backend, string Versus, int Cases, ParityResult Result, string WorstCase, double Tolerance)
{
    public const string VersusReference = "reference";

    public bool Passed => Result.Within(Tolerance);

    public ReportLine ToLine()
    {
        var line = new ReportLine("parity").Add("kernel", Kernel).Add("backend", Backend).Add("versus", Versus).Add("cases", Cases)
            .AddDifference("max_abs_diff", Result.MaxAbsDiff).AddDifference("tolerance", Tolerance).Add("worst_case", WorstCase);
        if (!Result.LengthsMatch)
            line.Add("lengths_match", false);
        if (Result.NonFiniteIndex >= 0)
            line.Add("non_finite_at", Result.NonFiniteIndex);
        return line.Add("result", Passed ? "pass" : "fail");
    }
}
