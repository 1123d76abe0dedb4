namespace Spatial.Deployment.Preflight;

/// <summary>Stage 1's result for one environment: every check, and the facts behind them for the JSON report.</summary>
/// <param name="Environment">The environment the machine was judged against.</param>
/// <param name="Checks">The verdicts, in table order.</param>
/// <param name="Machine">What was observed.</param>
/// <param name="Created">When the checks ran.</param>
public sealed record PreflightReport(
    string Environment,
    IReadOnlyList<PreflightCheck> Checks,
    MachineFacts Machine,
    DateTimeOffset Created)
{
    /// <summary>True when no required capability is missing.</summary>
    public bool Passed => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    /// <summary>The checks that fail the stage.</summary>
    public IEnumerable<PreflightCheck> Failures => Checks.Where(c => c.Outcome == CheckOutcome.Failed);
}
