namespace Spatial.Deployment.Checks;

/// <summary>Stage 5's outcome for one environment shape.</summary>
/// <param name="Environment">The environment whose shape was deployed.</param>
/// <param name="Deployment">The test deployment's name.</param>
/// <param name="Host">process or docker.</param>
/// <param name="Gateway">The gateway's address, when it came up.</param>
/// <param name="Replicas">The replicas' names and addresses.</param>
/// <param name="Accelerator">The backend the replicas were asked for, and why when it differs from the environment's preference.</param>
/// <param name="Checks">Every check of both suites.</param>
/// <param name="Classification">The classification suite's figures, when it ran.</param>
/// <param name="DeployFailure">Why the deployment did not come up, when it did not (the suites then did not run).</param>
/// <param name="DeploySeconds">How long bringing it up took.</param>
public sealed record EnvironmentTestResult(
    string Environment,
    string Deployment,
    string Host,
    string? Gateway,
    IReadOnlyList<string> Replicas,
    string Accelerator,
    IReadOnlyList<SuiteCheck> Checks,
    ClassificationSuite.Figures? Classification,
    string? DeployFailure,
    double DeploySeconds)
{
    /// <summary>Whether it came up and every check held.</summary>
    public bool Passed => DeployFailure is null && Checks.Count > 0 && Checks.All(c => c.Passed);
}

/// <summary>Stage 5's report: the release tested and every environment's result.</summary>
/// <param name="Release">The release id and what it holds.</param>
/// <param name="Results">One result per environment.</param>
/// <param name="RemovedAfterwards">Instances removed in the tear-down.</param>
public sealed record EnvironmentTestReport(string Release, IReadOnlyList<EnvironmentTestResult> Results, int RemovedAfterwards)
{
    /// <summary>Whether every environment passed.</summary>
    public bool Passed => Results.Count > 0 && Results.All(r => r.Passed);
}
