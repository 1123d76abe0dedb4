using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Containers;
using Spatial.Deployment.Tests.Docker;

namespace Spatial.Deployment.Tests.Hosting;

/// <summary>The host suite on the Docker host, plus what only containers have: limits, read-only root, loopback-only ports.</summary>
[Category("Docker")]
public class DockerHostTests : HostBehaviourSuite
{
    protected override async Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null) =>
        new DockerHost(await TestDocker.EngineAsync(), DockerRun.New(), owner);

    protected override Task<ReleaseCandidate> CandidateAsync() => TestReleases.DockerCandidateAsync();

    protected override void AssertExplainsMissingCuda(Exception error)
    {
        // The engine cannot hand out a GPU without the NVIDIA runtime: refused before anything runs, and said so.
        Assert.That(error, Is.TypeOf<InvalidOperationException>());
        Assert.That(error.Message, Does.Contain("cannot give").And.Contain("GPU"));
    }

    protected override async Task AssertNothingLeftAsync()
    {
        var engine = await TestDocker.EngineAsync();
        var left = (await engine.Networks.ListAsync(HostLabels.Deployment)).Where(n => n.Name.Contains("-dock-", StringComparison.Ordinal)).ToList();
        foreach (var network in left)
            await engine.Networks.RemoveAsync(network.Id);
        Assert.That(left.Select(n => n.Name), Is.Empty, "a deployment's network goes with its last container");
    }

    [Test]
    public async Task A_replica_container_has_the_environments_limits_a_read_only_root_and_a_loopback_port()
    {
        var engine = await TestDocker.EngineAsync();
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(host, DeploymentEnvironment.Staging, release, "limits");

        var container = await engine.Containers.InspectAsync(deployed.Replicas[0].Id);
        var uids = await engine.Containers.GetProcessUidsAsync(deployed.Replicas[0].Id);

        Assert.That(container!.MemoryLimitBytes, Is.EqualTo(1L << 30));
        Assert.That(container.ReadOnlyRootFilesystem, Is.True);
        Assert.That(uids, Is.Not.Empty.And.All.Not.EqualTo(0), "non-root");
        Assert.That(container.Labels[HostLabels.Deployment], Is.EqualTo(deployed.Name));
        Assert.That(container.Labels[Spatial.Deployment.Releases.ReleaseLabels.Id], Is.EqualTo(release.Id));
        Assert.That(deployed.Replicas[0].BaseAddress.Host, Is.EqualTo("127.0.0.1"));
    }
}
