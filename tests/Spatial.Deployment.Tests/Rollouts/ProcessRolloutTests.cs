using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Rollouts;
using Spatial.Kernels;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Processes;
using Spatial.Deployment.Tests.Hosting;

namespace Spatial.Deployment.Tests.Rollouts;

/// <summary>The rollout suite on the process host.</summary>
public class ProcessRolloutTests : RolloutSuite
{
    private readonly List<string> _states = [];
    private string _state = "";

    // A state folder per test: releases one test prepares are no other test's rollback candidates.
    [SetUp]
    public void CreateStateFolder()
    {
        _state = Directory.CreateTempSubdirectory("spatial-rollouts-").FullName;
        _states.Add(_state);
    }

    [OneTimeTearDown]
    public void DeleteStateFolders()
    {
        foreach (var state in _states)
            Directory.Delete(state, recursive: true);
    }

    protected override Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null) =>
        Task.FromResult<IDeploymentHost>(new ProcessHost(new ProcessHostOptions(_state, DockerRun.New()) { Owner = owner ?? ProcessIdentity.Current }));

    protected override Task<ReleaseCandidate> CandidateAsync() => Task.FromResult(TestReleases.ProcessCandidate());

    [Test]
    public async Task Production_takes_only_the_release_that_staging_serves()
    {
        // This fixture's state folder is its own, so "staging" here is no one else's staging.
        var host = await CreateHostAsync();
        var candidate = await CandidateAsync();
        var tested = await host.PrepareReleaseAsync(candidate);
        var untested = await host.PrepareReleaseAsync(candidate with { SourceCommit = new string('c', 40) });

        var nothing = await PrerequisiteGate.CheckAsync(host, DeploymentEnvironment.Production, tested);
        await EnvironmentDeployment.DeployAsync(host, DeploymentEnvironment.Staging, tested, new EnvironmentDeployment.Options("staging", 0, 0, AcceleratorChoice.Cpu, true));
        try
        {
            var other = await PrerequisiteGate.CheckAsync(host, DeploymentEnvironment.Production, untested);
            var same = await PrerequisiteGate.CheckAsync(host, DeploymentEnvironment.Production, tested);

            Assert.That(nothing, Does.StartWith($"release {tested.Id} never passed staging: nothing serves staging"));
            Assert.That(other, Is.EqualTo($"release {untested.Id} never passed staging: staging serves {tested.Id}. Deploy this release to staging first"));
            Assert.That(same, Is.Null);
            Assert.That(await PrerequisiteGate.CheckAsync(host, DeploymentEnvironment.Staging, untested), Is.Null, "rolling staging has no serving prerequisite");
        }
        finally
        {
            await EnvironmentDeployment.RemoveAsync(host, "staging");
        }
    }
}
