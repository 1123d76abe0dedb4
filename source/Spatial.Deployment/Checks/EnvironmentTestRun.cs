using System.Diagnostics;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;
using Spatial.Kernels;

namespace Spatial.Deployment.Checks;

/// <summary>
/// Stage 5: deploys one release into every environment's shape at once (isolated names, free ports), runs the endpoint
/// and classification suites through each gateway, and always removes what it started, also after a failure or a
/// cancellation.
/// </summary>
public static class EnvironmentTestRun
{
    /// <summary>How the run goes.</summary>
    /// <param name="Prefix">Deployment names are <c>&lt;prefix&gt;-&lt;environment&gt;</c>; unique per run.</param>
    /// <param name="Images">The validation images the classification suite sends.</param>
    /// <param name="Clients">Concurrent clients through each gateway.</param>
    /// <param name="PerReplica">Images every replica classifies directly for the agreement check.</param>
    /// <param name="CudaAvailable">Whether this machine has a CUDA device (environments preferring CUDA fall back to Auto without one).</param>
    public sealed record Options(string Prefix, IReadOnlyList<ValidationImages.Image> Images, int Clients, int PerReplica, bool CudaAvailable);

    /// <summary>Runs the stage for <paramref name="environments"/> on <paramref name="host"/>.</summary>
    public static async Task<EnvironmentTestReport> RunAsync(
        IDeploymentHost host, Release release, IReadOnlyList<DeploymentEnvironment> environments, Options options,
        Action<string> log, CancellationToken cancellationToken)
    {
        var names = environments.Select(e => $"{options.Prefix}-{e.Name}").ToList();
        try
        {
            var results = await Task.WhenAll(environments.Select((environment, i) =>
                RunOneAsync(host, release, environment, names[i], options, log, cancellationToken)));
            return new EnvironmentTestReport(release.ToString(), results, await RemoveAllAsync(host, names));
        }
        catch
        {
            await RemoveAllAsync(host, names);
            throw;
        }
    }

    private static async Task<EnvironmentTestResult> RunOneAsync(
        IDeploymentHost host, Release release, DeploymentEnvironment environment, string name, Options options,
        Action<string> log, CancellationToken cancellationToken)
    {
        var (accelerator, acceleratorNote) = environment.Service.Accelerator == AcceleratorChoice.Cuda && !options.CudaAvailable
            ? (AcceleratorChoice.Auto, "Auto (prefers CUDA; no CUDA device here, so the CPU path serves the shape)")
            : (environment.Service.Accelerator, environment.Service.Accelerator.ToString());
        var clock = Stopwatch.StartNew();
        DeployedEnvironment deployed;
        try
        {
            deployed = await EnvironmentDeployment.DeployAsync(host, environment, release,
                new EnvironmentDeployment.Options(name, 0, 0, accelerator, Persistent: false), log, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var logs = e is InstanceNotReadyException notReady && notReady.Logs.Length > 0 ? $"\n{Tail(notReady.Logs)}" : "";
            log($"{name}: deployment failed: {e.Message}{logs}");
            return new EnvironmentTestResult(environment.Name, name, host.Kind, null, [], acceleratorNote, [], null, e.Message, clock.Elapsed.TotalSeconds);
        }
        var deploySeconds = clock.Elapsed.TotalSeconds;
        log($"{name}: {deployed.Replicas.Count} replica(s) behind {deployed.Address} in {deploySeconds:0.0} s; running the suites");

        var endpoints = await EndpointSuite.RunAsync(deployed, cancellationToken);
        var (classification, figures) = await ClassificationSuite.RunAsync(deployed,
            new ClassificationSuite.Options(options.Images, options.Clients, options.PerReplica), cancellationToken);
        var checks = endpoints.Concat(classification).ToList();
        log($"{name}: {checks.Count(c => c.Passed)}/{checks.Count} checks passed, accuracy {figures.Accuracy:P2}");
        return new EnvironmentTestResult(environment.Name, name, host.Kind, deployed.Address.ToString(),
            deployed.Replicas.Select(r => $"{r.Name} {r.BaseAddress}").ToList(), acceleratorNote, checks, figures, null, deploySeconds);
    }

    private static async Task<int> RemoveAllAsync(IDeploymentHost host, IEnumerable<string> names)
    {
        var counts = await Task.WhenAll(names.Select(n => EnvironmentDeployment.RemoveAsync(host, n, CancellationToken.None)));
        return counts.Sum();
    }

    private static string Tail(string logs)
    {
        var lines = logs.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
    }
}
