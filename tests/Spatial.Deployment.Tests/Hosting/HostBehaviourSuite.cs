using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;
using Spatial.Deployment.Tests.Docker;
using Spatial.Kernels;

namespace Spatial.Deployment.Tests.Hosting;

/// <summary>
/// One behavioural suite for every deployment host: deploy, read back from what runs, replace a replica behind the
/// gateway, remove, leftovers of a dead run cleaned up, two deployments side by side. Each host's fixture supplies the
/// host and what it runs.
/// </summary>
public abstract class HostBehaviourSuite
{
    /// <summary>A process that has exited: instances started for it are a killed run's leftovers.</summary>
    protected static readonly ProcessIdentity DeadOwner = new(Environment.MachineName, 999_999_999, "1");

    private readonly List<(IDeploymentHost Host, string Deployment)> _deployed = [];
    private HttpClient _http = null!;

    protected abstract Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null);

    protected abstract Task<ReleaseCandidate> CandidateAsync();

    [SetUp]
    public void CreateClient() => _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

    [TearDown]
    public async Task RemoveDeployments()
    {
        _http.Dispose();
        foreach (var (host, deployment) in _deployed)
            await EnvironmentDeployment.RemoveAsync(host, deployment);
        _deployed.Clear();
        await AssertNothingLeftAsync();
    }

    /// <summary>After every test's deployments are removed: what the host must not keep (default: nothing to check).</summary>
    protected virtual Task AssertNothingLeftAsync() => Task.CompletedTask;

    [Test]
    public async Task Deploys_behind_a_gateway_reads_back_what_runs_and_removes_it()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(host, DeploymentEnvironment.Staging, release, "read-back");

        var listed = await host.ListAsync(deployed.Name);
        Assert.That(listed.Select(i => i.Role), Is.EquivalentTo(new[] { InstanceRole.Gateway, InstanceRole.Replica, InstanceRole.Replica }));
        Assert.That(listed, Has.All.Matches<HostedInstance>(i => i.Running && i.Environment == "staging" && i.BaseAddress.Host == "127.0.0.1"));
        Assert.That(listed.Where(i => i.Role == InstanceRole.Replica).Select(i => i.Release), Has.All.EqualTo(release));
        foreach (var replica in deployed.Replicas)
        {
            var served = await ServedRelease.GetAsync(_http, replica.BaseAddress, CancellationToken.None);
            Assert.That(served.MismatchWith(release), Is.Null);
            Assert.That(served.Environment, Is.EqualTo("staging"));
        }
        Assert.That(await ClassifyAsync(deployed.Address), Is.EqualTo("baked"));

        var removed = await EnvironmentDeployment.RemoveAsync(host, deployed.Name);

        Assert.That(removed, Is.EqualTo(3));
        Assert.That(await host.ListAsync(deployed.Name), Is.Empty);
        Assert.That(FreePort.IsListening(deployed.Address.Port), Is.False, "the gateway's port is free again");
        Assert.That(deployed.Replicas.Select(r => FreePort.IsListening(r.BaseAddress.Port)), Is.All.False);
    }

    [Test]
    public async Task A_replica_replaced_behind_the_gateway_keeps_it_serving()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(host, DeploymentEnvironment.Development, release, "replace");
        var old = deployed.Replicas.Single();

        var fresh = await host.StartReplicaAsync(new ReplicaSpec(deployed.Name, DeploymentEnvironment.Development, release, "r2", AcceleratorChoice.Cpu, false));
        await InstanceReadiness.WaitForReplicaAsync(host, fresh, release, EnvironmentDeployment.ReadyTimeout);
        using (var swap = await _http.PutAsJsonAsync(new Uri(deployed.Gateway.AdminAddress!, "admin/pool"), new { destinations = new[] { fresh.BaseAddress.AbsoluteUri } }))
            Assert.That(swap.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await host.RemoveAsync(old);

        Assert.That(await ClassifyAsync(deployed.Address), Is.EqualTo("baked"));
        var names = (await host.ListAsync(deployed.Name)).Select(i => i.Name).ToList();
        Assert.That(names, Does.Contain(fresh.Name).And.Not.Contain(old.Name));
        Assert.That(names, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_second_host_finds_what_the_first_started_from_the_host_itself()
    {
        var first = await CreateHostAsync();
        var release = await first.PrepareReleaseAsync(await CandidateAsync());
        var deployed = await DeployAsync(first, DeploymentEnvironment.Development, release, "found");

        // A new host object shares nothing in memory with the first: what it reports comes from the host's own state.
        var second = await CreateHostAsync();
        var found = await second.ListAsync(deployed.Name);

        Assert.That(found.Select(i => i.Id), Is.EquivalentTo(deployed.Replicas.Select(r => r.Id).Append(deployed.Gateway.Id)));
        Assert.That(found.Single(i => i.Role == InstanceRole.Replica).Release, Is.EqualTo(release));
        Assert.That(found.Single(i => i.Role == InstanceRole.Gateway).AdminAddress, Is.EqualTo(deployed.Gateway.AdminAddress));
    }

    [Test]
    public async Task Leftovers_of_a_dead_run_are_removed_while_live_and_persistent_deployments_stay()
    {
        var dead = await CreateHostAsync(DeadOwner);
        var live = await CreateHostAsync();
        var release = await live.PrepareReleaseAsync(await CandidateAsync());
        await dead.PrepareReleaseAsync(await CandidateAsync());
        var orphan = await DeployAsync(dead, DeploymentEnvironment.Development, release, "orphan");
        var kept = await DeployAsync(dead, DeploymentEnvironment.Development, release, "kept", persistent: true);
        var mine = await DeployAsync(live, DeploymentEnvironment.Development, release, "mine");

        var removed = await live.RemoveLeftoversAsync();

        Assert.That(removed, Is.GreaterThanOrEqualTo(2), "the dead run's replica and gateway");
        Assert.That(await live.ListAsync(orphan.Name), Is.Empty);
        Assert.That(await live.ListAsync(kept.Name), Has.Count.EqualTo(2), "a persistent deployment is not a leftover");
        Assert.That(await live.ListAsync(mine.Name), Has.Count.EqualTo(2), "a live run's deployment is not a leftover");
        Assert.That(FreePort.IsListening(orphan.Address.Port), Is.False);
    }

    [Test]
    public async Task Two_environments_deployed_at_once_do_not_interfere()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        var both = await Task.WhenAll(
            DeployAsync(host, DeploymentEnvironment.Development, release, "side-a"),
            DeployAsync(host, DeploymentEnvironment.Staging, release, "side-b"));
        var (development, staging) = (both[0], both[1]);

        Assert.That(development.Address.Port, Is.Not.EqualTo(staging.Address.Port));
        for (var i = 0; i < 6; i++)
        {
            Assert.That((await ServedRelease.GetAsync(_http, development.Address, CancellationToken.None)).Environment, Is.EqualTo("development"));
            Assert.That((await ServedRelease.GetAsync(_http, staging.Address, CancellationToken.None)).Environment, Is.EqualTo("staging"));
        }

        await EnvironmentDeployment.RemoveAsync(host, development.Name);

        Assert.That(await ClassifyAsync(staging.Address), Is.EqualTo("baked"), "removing one deployment leaves the other serving");
        Assert.That(await host.ListAsync(staging.Name), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_replica_that_never_gets_ready_fails_the_deployment_with_its_logs_and_leaves_nothing()
    {
        var host = await CreateHostAsync();
        var release = await host.PrepareReleaseAsync(await CandidateAsync());
        // CUDA on a machine without it: the service refuses to start, so readiness can never pass.
        if (AcceleratorCatalog.HasCuda)
            Assert.Ignore("this machine has a CUDA device: a CUDA replica would start");
        var name = Name("broken");
        _deployed.Add((host, name));

        var error = Assert.CatchAsync(() => EnvironmentDeployment.DeployAsync(host, DeploymentEnvironment.Development, release,
            new EnvironmentDeployment.Options(name, 0, 0, AcceleratorChoice.Cuda, false)));

        AssertExplainsMissingCuda(error!);
        Assert.That(await host.ListAsync(name), Is.Empty);
    }

    /// <summary>How this host reports a replica that asked for a GPU the machine lacks.</summary>
    protected abstract void AssertExplainsMissingCuda(Exception error);

    protected async Task<DeployedEnvironment> DeployAsync(IDeploymentHost host, DeploymentEnvironment environment, Release release, string suffix, bool persistent = false)
    {
        var name = Name(suffix);
        lock (_deployed)
            _deployed.Add((host, name));
        return await EnvironmentDeployment.DeployAsync(host, environment, release, new EnvironmentDeployment.Options(name, 0, 0, AcceleratorChoice.Cpu, persistent));
    }

    private string Name(string suffix) => $"t{TestContext.CurrentContext.Test.ID.GetHashCode() & 0xffff:x}-{GetType().Name[..4].ToLowerInvariant()}-{suffix}";

    protected async Task<string?> ClassifyAsync(Uri address)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(TestDocker.RepositoryRoot(), "tests", "Spatial.Models.Tests", "golden", "baked.png")));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await _http.PostAsync(new Uri(address, "v1/classify"), content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("label", out var label) ? label.GetString() : null;
    }
}
