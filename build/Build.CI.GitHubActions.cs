using Spatial.Build.CI;
using Spatial.Build.CI.GitHubActions;

/// <summary>
/// The GitHub Actions workflow, generated from these attributes and the target graph into
/// .github/workflows/spatial-deployment-pipeline.yml. Regenerate after changing either:
/// <c>./build.sh --generate-configuration GitHubActions_spatial-deployment-pipeline</c>.
/// </summary>
[GitHubActions(Pipeline,
    OnPushBranches = ["main"],
    OnPushExcludePaths = ["docs/**", "**/*.md"],
    OnPullRequestBranches = ["main"],
    OnPullRequestExcludePaths = ["docs/**", "**/*.md"],
    OnWorkflowDispatch = true,
    RunsOn = ["ubuntu-24.04"],
    Permissions = ["contents: read"],
    ConcurrencyGroup = "${{ github.workflow }}-${{ github.ref }}",
    // Superseded pull-request runs are cancelled; a deployment is never cut off half-way.
    ConcurrencyCancelInProgress = "${{ github.event_name == 'pull_request' }}",
    CacheKeyFiles = ["Directory.Packages.props", "global.json"],
    TimeoutMinutes = 30,
    TrivyVersion = "0.73.0",
    TrivySha256 = "2edd39da482bb4e9831962487b68f68e3928ec3137794757f54d00383d79547b")]
[GitHubActionsJob(Pipeline, "validate", nameof(IValidateEnvironment.ValidateEnvironment), TimeoutMinutes = 10)]
[GitHubActionsJob(Pipeline, "tests", nameof(ITest.Test))]
[GitHubActionsJob(Pipeline, "kernels", nameof(ISpatialTests.SpatialTests), RunsOn = ["self-hosted", "gpu"], TimeoutMinutes = 45)]
[GitHubActionsJob(Pipeline, "models", nameof(IValidateModels.ValidateModels))]
[GitHubActionsJob(Pipeline, "image", nameof(IPublish.Publish), nameof(IDockerBuild.DockerBuild))]
// Performance is measured against the environments stage 5 deployed, so both run on one runner.
[GitHubActionsJob(Pipeline, "environments", nameof(ITestEnvironments.TestEnvironments), nameof(IPerformanceTests.PerformanceTests), TimeoutMinutes = 60)]
[GitHubActionsJob(Pipeline, "security", nameof(ISecurityScan.SecurityScan), InstallTrivy = true)]
[GitHubActionsJob(Pipeline, "deploy-staging", nameof(IDeploy.Deploy),
    Environment = "staging",
    Arguments = "--environment staging",
    Condition = "github.event_name == 'workflow_dispatch' || (github.event_name == 'push' && github.ref == 'refs/heads/main')")]
[GitHubActionsJob(Pipeline, "deploy-production", nameof(IDeploy.Deploy),
    Environment = "production",
    Arguments = "--environment production",
    // Production takes only what passed staging in the same run, and only when asked for.
    Needs = ["deploy-staging"],
    Condition = "github.event_name == 'workflow_dispatch' && inputs.environment == 'production'")]
partial class Build
{
    const string Pipeline = "spatial-deployment-pipeline";

    /// <summary>Every normal build checks that the committed workflow still matches the build definition.</summary>
    protected override void OnBuildInitialized() => ConfigurationDriftCheck.Verify(this);
}
