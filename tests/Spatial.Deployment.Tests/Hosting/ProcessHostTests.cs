using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Processes;

namespace Spatial.Deployment.Tests.Hosting;

/// <summary>The host suite on the process host, plus what only processes have: heap limits, dead pids.</summary>
public class ProcessHostTests : HostBehaviourSuite
{
    private string _state = "";

    [OneTimeSetUp]
    public void CreateStateFolder() => _state = Directory.CreateTempSubdirectory("spatial-process-host-").FullName;

    [OneTimeTearDown]
    public void DeleteStateFolder() => Directory.Delete(_state, recursive: true);

    protected override Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null) =>
        Task.FromResult<IDeploymentHost>(new ProcessHost(new ProcessHostOptions(_state, DockerRun.New()) { Owner = owner ?? ProcessIdentity.Current }));

    protected override Task<ReleaseCandidate> CandidateAsync() => Task.FromResult(TestReleases.ProcessCandidate());

    protected override void AssertExplainsMissingCuda(Exception error)
    {
        // The process starts, finds no CUDA device and exits: readiness fails with the replica's own words.
        Assert.That(error, Is.TypeOf<InstanceNotReadyException>());
        Assert.That(error.Message, Does.Contain("stopped before it was ready"));
        Assert.That(((InstanceNotReadyException)error).Logs, Does.Contain("CUDA").IgnoreCase);
    }

    [Test]
    public async Task A_replica_runs_with_the_environments_heap_limit_and_processor_count()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(host, DeploymentEnvironment.Production, release, "limits");

        var pid = int.Parse(deployed.Replicas[0].Id["pid:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');

        Assert.That(environment, Does.Contain("DOTNET_GCHeapHardLimit=0x80000000"), "production's 2 GiB");
        Assert.That(environment, Does.Contain("DOTNET_PROCESSOR_COUNT=2"));
        Assert.That(environment, Does.Contain($"ASPNETCORE_URLS={deployed.Replicas[0].BaseAddress.AbsoluteUri.TrimEnd('/')}"));
    }

    [Test]
    public async Task A_killed_replica_is_seen_as_not_running_and_its_record_is_removed()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(host, DeploymentEnvironment.Development, release, "killed");
        var replica = deployed.Replicas[0];
        using (var process = System.Diagnostics.Process.GetProcessById(int.Parse(replica.Id["pid:".Length..], System.Globalization.CultureInfo.InvariantCulture)))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var seen = (await host.ListAsync(deployed.Name)).Single(i => i.Id == replica.Id);
        var removed = await host.RemoveLeftoversAsync();

        Assert.That(seen.Running, Is.False);
        Assert.That(removed, Is.GreaterThanOrEqualTo(1));
        Assert.That((await host.ListAsync(deployed.Name)).Select(i => i.Role), Is.EqualTo(new[] { InstanceRole.Gateway }));
    }

    [Test]
    public async Task A_release_is_frozen_so_rebuilding_the_published_folder_does_not_change_it()
    {
        var host = await CreateHostAsync();
        var candidate = await CandidateAsync();

        var first = await host.PrepareReleaseAsync(candidate);
        var again = await host.PrepareReleaseAsync(candidate);

        Assert.That(again, Is.EqualTo(first), "the same build, model and commit is the same release, first creation time kept");
        Assert.That(first.ServiceBuild, Does.StartWith("folder:sha256:"));
        Assert.That(Directory.Exists(Path.Combine(_state, "releases", first.Id, "service")), Is.True);
        Assert.That(File.Exists(Path.Combine(_state, "releases", first.Id, "model", "manifest.json")), Is.True);
    }
}
