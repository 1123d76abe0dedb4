namespace Spatial.GpuCheck;

/// <summary>The shipped model's forward pass on one backend against the vectorised CPU path on the same images.</summary>
internal sealed record ForwardVerdict(string Model, string Backend, int Images, int LabelMismatches, ParityResult Probabilities, double Tolerance,
    string? Error = null)
{
    public bool Passed => Error is null && LabelMismatches == 0 && Probabilities.Within(Tolerance);

    public ReportLine ToLine()
    {
        var line = new ReportLine("forward").Add("model", Model).Add("backend", Backend).Add("versus", NamedBackend.Cpu).Add("images", Images)
            .Add("labels_identical", LabelMismatches == 0).Add("label_mismatches", LabelMismatches)
            .AddDifference("max_probability_diff", Probabilities.MaxAbsDiff).AddDifference("tolerance", Tolerance);
        if (Probabilities.NonFiniteIndex >= 0)
            line.Add("non_finite_at", Probabilities.NonFiniteIndex);
        if (Error is not null)
            line.Add("error", Error);
        return line.Add("result", Passed ? "pass" : "fail");
    }
}
