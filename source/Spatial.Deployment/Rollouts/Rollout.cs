using System.Globalization;
using Spatial.Deployment.Checks;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Rollouts;

/// <summary>
/// Stage 8's rollout, on any host: converges the environment's persistent deployment (named after the environment,
/// its gateway on the environment's ports) to serve a release with the environment's strategy, verifies it (each new
/// replica ready and serving the release, the golden images through the gateway, a load phase against the SLOs) and
/// rolls back automatically when a check fails or the rollout is cancelled. Re-running the same release is a no-op;
/// replicas an interrupted run left outside the gateway's pool are removed first.
/// </summary>
public sealed class Rollout
{
    private readonly IDeploymentHost _host;
    private readonly RolloutOptions _options;
    private readonly List<string> _steps = [];
    private readonly List<AnalysisCheck> _checks = [];
    private readonly IReadOnlyList<byte[]> _images;

    private Rollout(IDeploymentHost host, RolloutOptions options)
    {
        _host = host;
        _options = options;
        _images = Directory.GetFiles(options.GoldenImages, "*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        if (_images.Count == 0)
            throw new FileNotFoundException($"no golden images (<label>.png) in {options.GoldenImages}");
    }

    private DeploymentEnvironment Environment => _options.Environment;

    private string Name => _options.DeploymentName ?? Environment.Name;

    private Release Release => _options.Release;

    /// <summary>Rolls <see cref="RolloutOptions.Release"/> out; the result says what serves now.</summary>
    public static Task<RolloutOutcome> RunAsync(IDeploymentHost host, RolloutOptions options, CancellationToken cancellationToken = default) =>
        new Rollout(host, options).RunAsync(cancellationToken);

    private async Task<RolloutOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var instances = await _host.ListAsync(Name, cancellationToken);
        var gateway = instances.FirstOrDefault(i => i.Role == InstanceRole.Gateway && i.Running);
        var pool = gateway?.AdminAddress is { } admin ? await GatewayAdmin.GetPoolAsync(admin, cancellationToken) : [];
        var serving = instances.Where(i => i.Role == InstanceRole.Replica && i.Running && pool.Contains(i.BaseAddress)).ToList();
        foreach (var debris in instances.Where(i => !serving.Contains(i) && i != gateway))
        {
            Step($"removed {debris.Name}, left outside the pool by an interrupted run");
            await _host.RemoveAsync(debris, CancellationToken.None);
        }
        var previous = serving.Select(r => r.Release).OfType<Release>().GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

        if (gateway is not null && serving.Count == Environment.Service.Replicas && serving.All(r => r.Release == Release))
        {
            Step($"{Name} already serves {Release} on {serving.Count} replica(s): nothing to do");
            return Outcome(RolloutStatus.AlreadyServing, Release, previous, null, null);
        }
        if (gateway is null)
            return await FirstDeploymentAsync(cancellationToken);

        var background = TrafficSample.Start(gateway.BaseAddress, _images, clients: 2, maxRequests: 1_000_000);
        var started = new List<HostedInstance>();
        var removedOld = new List<HostedInstance>();
        string? failure = null;
        try
        {
            await (Environment.Strategy switch
            {
                RolloutStrategy.Recreate => RecreateAsync(gateway, serving, started, removedOld, cancellationToken),
                RolloutStrategy.Rolling => RollingAsync(gateway, serving, started, removedOld, cancellationToken),
                _ => BlueGreenAsync(gateway, serving, started, cancellationToken),
            });
            failure = await AnalyseAsync(gateway.BaseAddress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled (Ctrl+C)";
        }
        catch (Exception e) when (e is InstanceNotReadyException or InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }

        if (failure is null)
        {
            await RetireAsync(serving.Except(removedOld).ToList());
            return Outcome(RolloutStatus.Deployed, Release, previous, await background.StopAsync(), null);
        }

        Step($"rolling back: {failure}");
        await RollBackAsync(gateway, previous, serving.Except(removedOld).ToList(), started);
        return Outcome(RolloutStatus.RolledBack, previous, previous, await background.StopAsync(), failure);
    }

    private async Task<RolloutOutcome> FirstDeploymentAsync(CancellationToken cancellationToken)
    {
        var port = _options.GatewayPort ?? Environment.Service.HostPort;
        Step($"first deployment of {Name}: {Environment.Service.Replicas} replica(s) and the gateway on 127.0.0.1:{(port == 0 ? "a free port" : port)}");
        DeployedEnvironment deployed;
        try
        {
            deployed = await EnvironmentDeployment.DeployAsync(_host, Environment, Release,
                new EnvironmentDeployment.Options(Name, port, _options.AdminPort ?? Environment.Service.AdminPort, _options.Accelerator, Persistent: true),
                _options.Log, cancellationToken);
        }
        catch (Exception e) when (e is InstanceNotReadyException or InvalidOperationException or HttpRequestException)
        {
            return Outcome(RolloutStatus.Failed, null, null, null, e.Message);
        }
        string? failure;
        try
        {
            failure = await AnalyseAsync(deployed.Address, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled (Ctrl+C)";
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }
        if (failure is null)
            return Outcome(RolloutStatus.Deployed, Release, null, null, null);
        Step($"removing the failed first deployment: {failure}");
        await EnvironmentDeployment.RemoveAsync(_host, Name, CancellationToken.None);
        return Outcome(RolloutStatus.Failed, null, null, null, failure);
    }

    private async Task RecreateAsync(HostedInstance gateway, IReadOnlyList<HostedInstance> old, List<HostedInstance> started, List<HostedInstance> removedOld, CancellationToken cancellationToken)
    {
        // Recreate accepts a gap: the old replicas go first, so the environment never runs two releases.
        foreach (var replica in old)
        {
            await _host.RemoveAsync(replica, CancellationToken.None);
            removedOld.Add(replica);
        }
        Step($"recreate: stopped {old.Count} old replica(s)");
        var fresh = await StartReadyAsync(Environment.Service.Replicas, started, cancellationToken);
        await SwapAsync(gateway, fresh.Select(r => r.BaseAddress), $"recreate: the gateway routes to {fresh.Count} new replica(s)", cancellationToken);
    }

    private async Task RollingAsync(HostedInstance gateway, IReadOnlyList<HostedInstance> old, List<HostedInstance> started, List<HostedInstance> removedOld, CancellationToken cancellationToken)
    {
        // maxSurge 1, maxUnavailable 0: a new replica joins the pool before an old one leaves it.
        var pool = old.Select(r => r.BaseAddress).ToList();
        for (var i = 0; i < Environment.Service.Replicas; i++)
        {
            var fresh = (await StartReadyAsync(1, started, cancellationToken))[0];
            await SmokeAsync(fresh.BaseAddress, $"golden images on {fresh.Name}", cancellationToken);
            pool.Add(fresh.BaseAddress);
            await SwapAsync(gateway, pool, $"rolling {i + 1}/{Environment.Service.Replicas}: {fresh.Name} joined the pool", cancellationToken);
            if (i < old.Count)
            {
                pool.Remove(old[i].BaseAddress);
                await SwapAsync(gateway, pool, $"rolling {i + 1}/{Environment.Service.Replicas}: {old[i].Name} left the pool", cancellationToken);
                await _host.RemoveAsync(old[i], CancellationToken.None);
                removedOld.Add(old[i]);
            }
        }
        // More old replicas than the environment now asks for.
        foreach (var extra in old.Skip(Environment.Service.Replicas))
        {
            pool.Remove(extra.BaseAddress);
            await SwapAsync(gateway, pool, $"rolling: {extra.Name} left the pool", cancellationToken);
            await _host.RemoveAsync(extra, CancellationToken.None);
            removedOld.Add(extra);
        }
    }

    private async Task BlueGreenAsync(HostedInstance gateway, IReadOnlyList<HostedInstance> blue, List<HostedInstance> started, CancellationToken cancellationToken)
    {
        var green = await StartReadyAsync(Environment.Service.Replicas, started, cancellationToken);
        Step($"blue-green: {green.Count} green replica(s) ready beside {blue.Count} blue");

        // The preview route: a gateway of its own in front of green only, verified before any client reaches green.
        var preview = await _host.StartGatewayAsync(new GatewaySpec(Name + "-preview", Environment, 0, 0, green.Select(r => r.BaseAddress).ToList(), Persistent: false), cancellationToken);
        try
        {
            await InstanceReadiness.WaitForGatewayAsync(_host, preview, _options.ReadyTimeout, cancellationToken);
            Step($"blue-green: preview gateway on {preview.BaseAddress}");
            if (await AnalyseAsync(preview.BaseAddress, cancellationToken, "preview ") is { } failure)
                throw new InvalidOperationException($"preview analysis failed: {failure}");
        }
        finally
        {
            await _host.RemoveAsync(preview, CancellationToken.None);
        }
        await SwapAsync(gateway, green.Select(r => r.BaseAddress), $"blue-green: the gateway switched to green ({Release.Id}) in one step", cancellationToken);
    }

    /// <summary>Removes the replicas the new release replaced; blue-green keeps them for the grace period first.</summary>
    private async Task RetireAsync(IReadOnlyList<HostedInstance> old)
    {
        if (old.Count == 0)
            return;
        if (Environment.Strategy == RolloutStrategy.BlueGreen)
        {
            Step($"blue-green: keeping {old.Count} blue replica(s) for {_options.BlueGreenGrace.TotalSeconds:0} s for an instant rollback");
            await Task.Delay(_options.BlueGreenGrace);
        }
        foreach (var replica in old)
            await _host.RemoveAsync(replica, CancellationToken.None);
        Step($"removed {old.Count} replica(s) of the previous release");
    }

    private async Task RollBackAsync(HostedInstance gateway, Release? previous, IReadOnlyList<HostedInstance> oldStillRunning, IReadOnlyList<HostedInstance> started)
    {
        var pool = oldStillRunning.Select(r => r.BaseAddress).ToList();
        if (previous is not null && pool.Count < Environment.Service.Replicas)
        {
            // Replicas of the previous release that the rollout had already removed come back before the new ones go.
            var restored = new List<HostedInstance>();
            try
            {
                await StartReadyAsync(Environment.Service.Replicas - pool.Count, restored, CancellationToken.None, previous);
            }
            catch (Exception e) when (e is InstanceNotReadyException or InvalidOperationException or HttpRequestException)
            {
                // The rollback goes on with the replicas it has: the old ones still running keep the pool.
                Step($"rollback could not restart a replica of {previous.Id}: {e.Message}");
            }
            pool.AddRange(restored.Where(r => r.Running).Select(r => r.BaseAddress));
        }
        if (pool.Count > 0)
            await SwapAsync(gateway, pool, $"rollback: the gateway routes to {pool.Count} replica(s) of {previous?.Id ?? "the previous release"}", CancellationToken.None);
        foreach (var replica in started)
            await _host.RemoveAsync(replica, CancellationToken.None);
        Step($"rollback: removed {started.Count} replica(s) of {Release.Id}");
    }

    private async Task<List<HostedInstance>> StartReadyAsync(int count, List<HostedInstance> started, CancellationToken cancellationToken, Release? release = null)
    {
        release ??= Release;
        var replicas = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var member = $"{release.Id[..6]}-{Guid.NewGuid().ToString("N")[..4]}";
            var replica = await _host.StartReplicaAsync(new ReplicaSpec(Name, Environment, release, member, _options.Accelerator, Persistent: true), cancellationToken);
            lock (started)
                started.Add(replica);
            await InstanceReadiness.WaitForReplicaAsync(_host, replica, release, _options.ReadyTimeout, cancellationToken);
            _checks.Add(new AnalysisCheck($"replica {replica.Name} ready", true, $"serves {release.Id}", "ready and serving the release"));
            return replica;
        }));
        return replicas.ToList();
    }

    private async Task SwapAsync(HostedInstance gateway, IEnumerable<Uri> pool, string step, CancellationToken cancellationToken)
    {
        await GatewayAdmin.SetPoolAsync(gateway.AdminAddress!, pool, Release.Id, cancellationToken);
        Step(step);
    }

    /// <summary>Golden images, then a load phase against the SLOs; returns the first failure, or null.</summary>
    private async Task<string?> AnalyseAsync(Uri address, CancellationToken cancellationToken, string prefix = "")
    {
        if (await SmokeAsync(address, prefix + "golden images through the gateway", cancellationToken) is { } smoke)
            return smoke;
        var load = TrafficSample.Start(address, _images, clients: 4, maxRequests: 100_000);
        await Task.Delay(_options.AnalysisDuration, cancellationToken);
        var figures = await load.StopAsync();
        var slo = _options.Objectives;
        var results = new[]
        {
            new AnalysisCheck(prefix + "error rate", figures.ErrorRate <= slo.MaxErrorRate, $"{figures.ErrorRate:P2} ({figures})", $"{slo.MaxErrorRate:P2}"),
            new AnalysisCheck(prefix + "p95 latency", figures.P95Milliseconds <= slo.P95.TotalMilliseconds, Ms(figures.P95Milliseconds), Ms(slo.P95.TotalMilliseconds)),
            new AnalysisCheck(prefix + "p99 latency", figures.P99Milliseconds <= slo.P99.TotalMilliseconds, Ms(figures.P99Milliseconds), Ms(slo.P99.TotalMilliseconds)),
        };
        _checks.AddRange(results);
        foreach (var check in results)
            _options.Log(check.ToString());
        return results.FirstOrDefault(c => !c.Passed)?.ToString();
    }

    private async Task<string?> SmokeAsync(Uri address, string name, CancellationToken cancellationToken)
    {
        var results = await GoldenClassification.RunAsync(address, _options.GoldenImages, cancellationToken);
        var right = results.Count(r => r.Passed);
        var check = new AnalysisCheck(name, right == results.Count, $"{right}/{results.Count} right", $"{results.Count}/{results.Count}");
        _checks.Add(check);
        _options.Log(check.ToString());
        return check.Passed ? null : check.ToString();
    }

    private void Step(string step)
    {
        lock (_steps)
            _steps.Add(step);
        _options.Log(step);
    }

    private RolloutOutcome Outcome(RolloutStatus status, Release? serving, Release? previous, TrafficFigures? background, string? failure) =>
        new(status, serving, previous, Environment.Strategy.ToString(), _steps.ToList(), _checks.ToList(), background, failure);

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
