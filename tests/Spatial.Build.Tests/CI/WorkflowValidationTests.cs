using Spatial.Build;
using Spatial.Build.CI.GitHubActions;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build.CI;

/// <summary>Declarations the generator cannot turn into a working workflow fail with a message that says what to change, and write nothing.</summary>
public sealed class WorkflowValidationTests
{
    private const string W = "bad";

    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private abstract class SmallBuild : NukeBuild
    {
        public Target Compile => _ => _.Executes(() => { });

        public Target Package => _ => _.DependsOn(Compile).Produces("out/pkg.tar").Executes(() => { });

        public Target Deploy => _ => _.DependsOn(Package).Executes(() => { });

        public Target Publish => _ => _.Consumes(Package).Executes(() => { });
    }

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "package", "Pakage")]
    private sealed class UnknownTarget : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "a", nameof(Package))]
    [GitHubActionsJob(W, "b", nameof(Package))]
    [GitHubActionsJob(W, "deploy", nameof(Deploy))]
    private sealed class AmbiguousOwner : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy), Needs = ["staging"])]
    private sealed class UnknownNeed : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "package", nameof(Package), Needs = ["deploy"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy))]
    private sealed class Cycle : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"], OnPushIncludePaths = ["src/**"], OnPushExcludePaths = ["docs/**"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy))]
    private sealed class PathsAndPathsIgnore : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy), InstallTrivy = true)]
    private sealed class TrivyUnpinned : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"], TrivyVersion = "0.73.0", TrivySha256 = "abc")]
    [GitHubActionsJob(W, "deploy", nameof(Deploy), InstallTrivy = true)]
    private sealed class TrivyBadChecksum : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy), ImportSecrets = ["DEPLOY_TOKEN"])]
    private sealed class SecretWithoutParameter : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "publish", nameof(Publish))]
    private sealed class ConsumesUnowned : SmallBuild;

    [GitHubActions(W)]
    [GitHubActionsJob(W, "deploy", nameof(Deploy))]
    private sealed class NoTrigger : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"], Permissions = ["contents read"])]
    [GitHubActionsJob(W, "deploy", nameof(Deploy))]
    private sealed class BadPermission : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    [GitHubActionsJob(W, "deploy now", nameof(Deploy))]
    private sealed class BadJobId : SmallBuild;

    [GitHubActions(W, OnPushBranches = ["main"])]
    private sealed class NoJobs : SmallBuild;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new UnknownTarget(), "job 'package': Target 'Pakage' is not defined. Did you mean 'Package'?").SetName("Unknown target");
        yield return new TestCaseData(new AmbiguousOwner(), "job 'deploy': Deploy depends on Package, which jobs 'a' and 'b' all run").SetName("Dependency owned by two jobs");
        yield return new TestCaseData(new UnknownNeed(), "job 'deploy' needs 'staging', which is not a job of this workflow").SetName("Unknown need");
        yield return new TestCaseData(new Cycle(), "jobs 'package', 'deploy' need each other in a cycle").SetName("Job cycle");
        yield return new TestCaseData(new PathsAndPathsIgnore(), "push sets both included and excluded paths").SetName("paths and paths-ignore");
        yield return new TestCaseData(new TrivyUnpinned(), "TrivyVersion must be a release such as 0.73.0").SetName("Trivy without version");
        yield return new TestCaseData(new TrivyBadChecksum(), "TrivySha256 must be the 64 hex digits of trivy_0.73.0_Linux-64bit.tar.gz").SetName("Trivy bad checksum");
        yield return new TestCaseData(new SecretWithoutParameter(), "imports secret 'DEPLOY_TOKEN', which is not a parameter of the build").SetName("Secret without parameter");
        yield return new TestCaseData(new ConsumesUnowned(), "Publish consumes artifacts of Package, which no job runs").SetName("Consumes from no job");
        yield return new TestCaseData(new NoTrigger(), "has no trigger").SetName("No trigger");
        yield return new TestCaseData(new BadPermission(), "permission 'contents read' must read 'scope: read|write|none'").SetName("Bad permission");
        yield return new TestCaseData(new BadJobId(), "job id 'deploy now' must start with a letter").SetName("Bad job id");
        yield return new TestCaseData(new NoJobs(), "declares no jobs").SetName("No jobs");
    }

    [TestCaseSource(nameof(Cases))]
    public void Bad_declarations_fail_generation_with_a_clear_message(NukeBuild build, string message)
    {
        var result = _harness.Run(build, "--generate-configuration", "GitHubActions_" + W);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Output, Does.Contain($"Workflow '{W}'").And.Contains(message), result.ToString());
            Assert.That((string)(_harness.Root / ".github"), Does.Not.Exist);
        });
    }
}
