using Spatial.Deployment.Docker;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Processes;
using Spatial.Deployment.Tests.Hosting;

namespace Spatial.Deployment.Tests.Rollouts;

/// <summary>The rollout suite on the process host.</summary>
public class ProcessRolloutTests : RolloutSuite
{
    private string _state = "";

    [OneTimeSetUp]
    public void CreateStateFolder() => _state = Directory.CreateTempSubdirectory("spatial-rollouts-").FullName;

    [OneTimeTearDown]
    public void DeleteStateFolder() => Directory.Delete(_state, recursive: true);

    protected override Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null) =>
        Task.FromResult<IDeploymentHost>(new ProcessHost(new ProcessHostOptions(_state, DockerRun.New()) { Owner = owner ?? ProcessIdentity.Current }));

    protected override Task<ReleaseCandidate> CandidateAsync() => Task.FromResult(TestReleases.ProcessCandidate());
}
