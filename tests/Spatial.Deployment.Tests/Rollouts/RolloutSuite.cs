using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;
using Spatial.Deployment.Rollouts;
using Spatial.Deployment.Tests.Docker;
using Spatial.Kernels;

namespace Spatial.Deployment.Tests.Rollouts;

/// <summary>
/// Stage 8's rollouts on every host: each strategy under constant background traffic (failed requests counted, goal
/// 0), automatic rollback of a release that fails its analysis or never gets ready, a re-run that changes nothing, an
/// interrupted run's debris converged, and the deployment lock.
/// </summary>
public abstract class RolloutSuite
{
    private readonly List<(IDeploymentHost Host, string Name)> _deployments = [];

    protected abstract Task<IDeploymentHost> CreateHostAsync(ProcessIdentity? owner = null);

    protected abstract Task<ReleaseCandidate> CandidateAsync();

    private static string Golden => Path.Combine(TestDocker.RepositoryRoot(), "tests", "Spatial.Models.Tests", "golden");

    [TearDown]
    public async Task RemoveDeployments()
    {
        foreach (var (host, name) in _deployments)
        {
            await EnvironmentDeployment.RemoveAsync(host, name);
            await EnvironmentDeployment.RemoveAsync(host, name + "-preview");
        }
        _deployments.Clear();
    }

    [TestCase("development", "Recreate")]
    [TestCase("staging", "Rolling")]
    [TestCase("production", "BlueGreen")]
    public async Task Each_strategy_replaces_the_release_and_the_background_traffic_loses_nothing_but_recreates_gap(string environmentName, string strategy)
    {
        var environment = DeploymentEnvironment.Parse(environmentName);
        var host = await CreateHostAsync();
        var (first, second) = await TwoReleasesAsync(host);
        var name = Track(host, environmentName);
        var initial = await Rollout.RunAsync(host, Options(environment, first, name));
        Assert.That(initial.Status, Is.EqualTo(RolloutStatus.Deployed), initial.Failure);

        var outcome = await Rollout.RunAsync(host, Options(environment, second, name));

        TestContext.Out.WriteLine($"{strategy}: background {outcome.Background}; steps:\n  {string.Join("\n  ", outcome.Steps)}");
        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.Deployed), outcome.Failure);
        Assert.That(outcome.Strategy, Is.EqualTo(strategy));
        Assert.That(outcome.Previous, Is.EqualTo(first));
        Assert.That(outcome.Background!.Requests, Is.GreaterThan(0));
        if (environment.Strategy != RolloutStrategy.Recreate)
            Assert.That(outcome.Background.Failed, Is.Zero, "rolling and blue-green keep serving throughout");
        var replicas = (await host.ListAsync(name)).Where(i => i.Role == InstanceRole.Replica).ToList();
        Assert.That(replicas, Has.Count.EqualTo(environment.Service.Replicas));
        Assert.That(replicas.Select(r => r.Release), Has.All.EqualTo(second));
        var gateway = (await host.ListAsync(name)).Single(i => i.Role == InstanceRole.Gateway);
        using var http = new HttpClient();
        Assert.That((await ServedRelease.GetAsync(http, gateway.BaseAddress, CancellationToken.None)).Id, Is.EqualTo(second.Id));
    }

    [Test]
    public async Task A_release_over_the_latency_objective_is_rolled_back_and_the_old_one_keeps_serving()
    {
        var host = await CreateHostAsync();
        var (first, second) = await TwoReleasesAsync(host);
        var name = Track(host, "slow");
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Staging, first, name))).Status, Is.EqualTo(RolloutStatus.Deployed));

        // An objective no release can meet stands for a release that got slower.
        var impossible = DeploymentEnvironment.Staging.Objectives with { P95 = TimeSpan.FromTicks(1) };
        var outcome = await Rollout.RunAsync(host, Options(DeploymentEnvironment.Staging, second, name) with { Objectives = impossible });

        TestContext.Out.WriteLine($"rolled back: {outcome.Failure}; background {outcome.Background}");
        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.RolledBack));
        Assert.That(outcome.Failure, Does.StartWith("p95 latency:").And.Contain("allowed 0.0 ms"));
        Assert.That(outcome.Serving, Is.EqualTo(first));
        Assert.That(outcome.Background!.Failed, Is.Zero, "the old release kept serving through the rollback");
        var replicas = (await host.ListAsync(name)).Where(i => i.Role == InstanceRole.Replica).ToList();
        Assert.That(replicas.Select(r => r.Release), Has.All.EqualTo(first));
        Assert.That(replicas, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_release_that_never_gets_ready_is_rolled_back()
    {
        if (AcceleratorCatalog.HasCuda)
            Assert.Ignore("this machine has a CUDA device: a CUDA replica would get ready");
        var host = await CreateHostAsync();
        var (first, second) = await TwoReleasesAsync(host);
        var name = Track(host, "never");
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, first, name))).Status, Is.EqualTo(RolloutStatus.Deployed));

        var outcome = await Rollout.RunAsync(host, Options(DeploymentEnvironment.Production, second, name) with { Accelerator = AcceleratorChoice.Cuda });

        TestContext.Out.WriteLine($"rolled back: {outcome.Failure}; background {outcome.Background}");
        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.RolledBack));
        Assert.That(outcome.Serving, Is.EqualTo(first));
        Assert.That(outcome.Background!.Failed, Is.Zero);
        Assert.That((await host.ListAsync(name)).Where(i => i.Role == InstanceRole.Replica).Select(r => r.Release), Has.All.EqualTo(first));
    }

    [Test]
    public async Task Rolling_out_the_release_already_served_changes_nothing()
    {
        var host = await CreateHostAsync();
        var (first, _) = await TwoReleasesAsync(host);
        var name = Track(host, "again");
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, first, name))).Status, Is.EqualTo(RolloutStatus.Deployed));
        var before = (await host.ListAsync(name)).Select(i => i.Id).Order().ToList();

        var outcome = await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, first, name));

        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.AlreadyServing));
        Assert.That(outcome.Steps.Single(), Does.Contain("already serves"));
        Assert.That((await host.ListAsync(name)).Select(i => i.Id).Order(), Is.EqualTo(before));
    }

    [Test]
    public async Task Replicas_an_interrupted_rollout_left_outside_the_pool_are_removed_and_the_next_run_converges()
    {
        var host = await CreateHostAsync();
        var (first, second) = await TwoReleasesAsync(host);
        var name = Track(host, "converge");
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Staging, first, name))).Status, Is.EqualTo(RolloutStatus.Deployed));
        // What a pipeline killed after starting a new replica leaves: a replica of the new release the gateway never routed to.
        var debris = await host.StartReplicaAsync(new ReplicaSpec(name, DeploymentEnvironment.Staging, second, "debris", AcceleratorChoice.Cpu, true));

        var outcome = await Rollout.RunAsync(host, Options(DeploymentEnvironment.Staging, second, name));

        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.Deployed), outcome.Failure);
        Assert.That(outcome.Steps.First(), Does.Contain(debris.Name).And.Contain("interrupted"));
        var replicas = (await host.ListAsync(name)).Where(i => i.Role == InstanceRole.Replica).ToList();
        Assert.That(replicas.Select(r => r.Name), Does.Not.Contain(debris.Name));
        Assert.That(replicas.Select(r => r.Release), Has.All.EqualTo(second));
        Assert.That(replicas, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_second_pipeline_waits_for_the_lock_then_fails_naming_the_holder_and_a_dead_holder_is_broken()
    {
        var host = await CreateHostAsync();
        await host.PrepareReleaseAsync(await CandidateAsync());
        var environment = $"lock-{TestContext.CurrentContext.Random.GetString(6).ToLowerInvariant()}";

        await using (await host.LockAsync(environment, TimeSpan.FromSeconds(1)))
        {
            var other = await CreateHostAsync();
            await other.PrepareReleaseAsync(await CandidateAsync());
            var refused = Assert.ThrowsAsync<DeploymentLockedException>(() => other.LockAsync(environment, TimeSpan.FromSeconds(1)));
            Assert.That(refused!.Message, Does.Contain(ProcessIdentity.Current.ToString()).And.Contain("waited 1 s"));
        }

        var dead = await CreateHostAsync(new ProcessIdentity(Environment.MachineName, 999_999_999, "1"));
        await dead.PrepareReleaseAsync(await CandidateAsync());
        await dead.LockAsync(environment, TimeSpan.FromSeconds(1));   // never released: its owner "died"
        await using var taken = await host.LockAsync(environment, TimeSpan.FromSeconds(5));
        Assert.That(taken, Is.Not.Null, "a lock whose owner is gone is broken");
    }

    [Test]
    public async Task Rollback_returns_to_the_release_before_the_one_serving_and_verifies_it()
    {
        var host = await CreateHostAsync();
        var (first, second) = await TwoReleasesAsync(host);
        var name = Track(host, "back");
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, first, name))).Status, Is.EqualTo(RolloutStatus.Deployed));
        Assert.That((await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, second, name))).Status, Is.EqualTo(RolloutStatus.Deployed));
        var current = (await host.ListAsync(name)).Single(i => i.Role == InstanceRole.Replica).Release;

        var (target, problem) = RollbackTarget.Choose(await host.ListReleasesAsync(), current, toModelVersion: null);
        var outcome = await Rollout.RunAsync(host, Options(DeploymentEnvironment.Development, target!, name));

        Assert.That(problem, Is.Null);
        Assert.That(current, Is.EqualTo(second));
        Assert.That(target, Is.EqualTo(first));
        Assert.That(outcome.Status, Is.EqualTo(RolloutStatus.Deployed));
        Assert.That(outcome.Checks.Select(c => c.Name), Does.Contain("golden images through the gateway"));
        Assert.That((await host.ListAsync(name)).Single(i => i.Role == InstanceRole.Replica).Release, Is.EqualTo(first));
    }

    private async Task<(Release First, Release Second)> TwoReleasesAsync(IDeploymentHost host)
    {
        var candidate = await CandidateAsync();
        var first = await host.PrepareReleaseAsync(candidate);
        // A second later, so "the release before" is well defined by creation time.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await host.PrepareReleaseAsync(candidate with { SourceCommit = new string('b', 40) });
        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        return (first, second);
    }

    private string Track(IDeploymentHost host, string suffix)
    {
        var name = $"r{TestContext.CurrentContext.Random.GetString(4, "abcdefghijklmnopqrstuvwxyz0123456789")}-{suffix}";
        _deployments.Add((host, name));
        return name;
    }

    private static RolloutOptions Options(DeploymentEnvironment environment, Release release, string name) =>
        new(environment, release, AcceleratorChoice.Cpu, Golden, environment.Objectives with { P95 = TimeSpan.FromSeconds(30), P99 = TimeSpan.FromSeconds(30) },
            line => TestContext.Progress.WriteLine(line))
        {
            DeploymentName = name,
            GatewayPort = 0,
            AdminPort = 0,
            AnalysisDuration = TimeSpan.FromSeconds(2),
            BlueGreenGrace = TimeSpan.FromSeconds(1),
        };
}
