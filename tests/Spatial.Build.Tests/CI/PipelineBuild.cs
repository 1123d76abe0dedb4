using Spatial.Build;
using Spatial.Build.CI;
using Spatial.Build.CI.GitHubActions;

namespace Spatial.Tests.Build.CI;

/// <summary>
/// A small pipeline shaped like the real one: checks, a GPU test job, a package (image archive), a scan with SARIF and a
/// deployment. Restore and Compile belong to no job, so every job that needs them runs them.
/// </summary>
[GitHubActions(Name,
    OnPushBranches = ["main"],
    OnPullRequestBranches = ["main"],
    OnPullRequestExcludePaths = ["docs/**"],
    OnWorkflowDispatch = true,
    CacheKeyFiles = ["Directory.Packages.props", "global.json"],
    ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
    TrivyVersion = "0.73.0",
    TrivySha256 = TrivySha256)]
[GitHubActionsJob(Name, "checks", nameof(Checks))]
[GitHubActionsJob(Name, "gpu", nameof(GpuTests), RunsOn = ["self-hosted", "gpu"], TimeoutMinutes = 45)]
[GitHubActionsJob(Name, "package", nameof(Package))]
[GitHubActionsJob(Name, "scan", nameof(Scan), InstallTrivy = true)]
[GitHubActionsJob(Name, "deploy", nameof(Deploy), Environment = "staging", Arguments = "--stage staging", ImportSecrets = ["RegistryToken"])]
internal sealed class PipelineBuild : NukeBuild
{
    public const string Name = "test-pipeline";
    public const string Id = "GitHubActions_" + Name;
    public const string TrivySha256 = "2edd39da482bb4e9831962487b68f68e3928ec3137794757f54d00383d79547b";

    /// <summary>The dependency the tests change: Deploy after Scan, or straight after Package.</summary>
    public bool DeployAfterScan { get; init; } = true;

    /// <summary>Whether normal runs check the committed workflow, as the real build does.</summary>
    public bool CheckDrift { get; init; } = true;

    [Parameter("Registry token")]
    [Secret]
    public string? RegistryToken { get; set; }

    public Target Restore => _ => _.Executes(() => { });

    public Target Compile => _ => _.DependsOn(Restore).Executes(() => { });

    public Target Checks => _ => _.Produces("reports/checks.json").Executes(() => { });

    public Target GpuTests => _ => _.DependsOn(Compile, Checks).Produces("reports/gpu/*.trx").Executes(() => { });

    public Target Package => _ => _.DependsOn(Compile, GpuTests).Produces("artifacts/image/service.tar").Executes(() => { });

    public Target Scan => _ => _.DependsOn(Package).Consumes(Package).Produces("reports/security/*.sarif").Executes(() => { });

    public Target Deploy => _ => _.DependsOn(DeployAfterScan ? Scan : Package).Consumes(Package).Executes(() => { });

    protected internal override void OnBuildInitialized()
    {
        if (CheckDrift)
            ConfigurationDriftCheck.Verify(this);
    }
}
