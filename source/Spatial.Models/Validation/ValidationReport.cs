namespace Spatial.Models;

/// <summary>The outcome of validating one model version for one environment: one check per line and the measured accuracy.</summary>
public sealed record ValidationReport(
    string Model,
    string Version,
    string Environment,
    string? CurrentVersion,
    bool MajorApproved,
    IReadOnlyList<ValidationCheck> Checks,
    double? Accuracy)
{
    /// <summary>The model and version of a report whose registry could not name them.</summary>
    public const string UnknownModel = "(unknown)";

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>The failing checks.</summary>
    public IEnumerable<ValidationCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>Report lines: a heading, one line per check, a verdict.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Model == UnknownModel
            ? $"validating for {Environment}: the registry does not say which model (see the registry check)"
            : $"validating {Model} {Version} for {Environment} (currently serving: {CurrentVersion ?? "nothing"})";
        foreach (var check in Checks)
            yield return "  " + check;
        yield return Passed
            ? $"{Model} {Version} may serve in {Environment}{(Accuracy is { } a ? $" (accuracy {a:P2})" : "")}"
            : $"{(Model == UnknownModel ? "nothing" : $"{Model} {Version}")} may NOT serve in {Environment}: {Failures.Count()} check(s) failed";
    }
}
