using Spatial.Deployment.Docker;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Containers;
using Spatial.Deployment.Tests.Docker;
using Spatial.Deployment.Tests.Hosting;

namespace Spatial.Deployment.Tests.Rollouts;

/// <summary>The rollout suite on the Docker host.</summary>
[Category("Docker")]
public class DockerRolloutTests : RolloutSuite
{
    protected override async Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null) =>
        new DockerHost(await TestDocker.EngineAsync(), DockerRun.New(), owner);

    protected override Task<ReleaseCandidate> CandidateAsync() => TestReleases.DockerCandidateAsync();
}
