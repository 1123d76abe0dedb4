using System.Globalization;
using Spatial.Deployment.Environments;
using Spatial.Deployment.Releases;
using Spatial.Kernels;

namespace Spatial.Deployment.Hosting;

/// <summary>
/// Brings a whole deployment up on any host (its replicas in parallel, each verified to serve the release, then the
/// gateway in front of them) and takes it down again. Stage 5 deploys its test shapes with it; stage 8's strategies
/// use the same host operations one replica at a time.
/// </summary>
public static class EnvironmentDeployment
{
    /// <summary>How long a replica or gateway may take to become ready.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Options of one deployment.</summary>
    /// <param name="Name">The deployment's name (letters, digits and '-').</param>
    /// <param name="GatewayPort">The gateway's port (0 picks a free one).</param>
    /// <param name="AdminPort">The gateway's admin port (0 picks a free one).</param>
    /// <param name="Accelerator">The backend the replicas ask for.</param>
    /// <param name="Persistent">Whether it outlives the run.</param>
    public sealed record Options(string Name, int GatewayPort, int AdminPort, AcceleratorChoice Accelerator, bool Persistent);

    /// <summary>Starts <paramref name="environment"/>'s replicas of <paramref name="release"/> and their gateway; on any failure removes what it started and rethrows.</summary>
    public static async Task<DeployedEnvironment> DeployAsync(
        IDeploymentHost host, DeploymentEnvironment environment, Release release, Options options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        CheckName(options.Name);
        var started = new List<HostedInstance>();
        try
        {
            var replicas = await Task.WhenAll(Enumerable.Range(1, environment.Service.Replicas).Select(async index =>
            {
                var replica = await host.StartReplicaAsync(new ReplicaSpec(
                    options.Name, environment, release, "r" + index.ToString(CultureInfo.InvariantCulture), options.Accelerator, options.Persistent), cancellationToken);
                lock (started)
                    started.Add(replica);
                await InstanceReadiness.WaitForReplicaAsync(host, replica, release, ReadyTimeout, cancellationToken);
                log?.Invoke($"{options.Name}: replica {replica.Name} ready on {replica.BaseAddress}");
                return replica;
            }));

            var gateway = await host.StartGatewayAsync(new GatewaySpec(
                options.Name, environment, options.GatewayPort, options.AdminPort, replicas.Select(r => r.BaseAddress).ToList(), options.Persistent), cancellationToken);
            started.Add(gateway);
            await InstanceReadiness.WaitForGatewayAsync(host, gateway, ReadyTimeout, cancellationToken);
            log?.Invoke($"{options.Name}: gateway ready on {gateway.BaseAddress} (admin {gateway.AdminAddress})");
            return new DeployedEnvironment(options.Name, environment, release, gateway, replicas.OrderBy(r => r.Name, StringComparer.Ordinal).ToList());
        }
        catch
        {
            await RemoveInstancesAsync(host, started);
            throw;
        }
    }

    /// <summary>Removes everything the host runs for deployment <paramref name="name"/>; returns how many instances went.</summary>
    public static async Task<int> RemoveAsync(IDeploymentHost host, string name, CancellationToken cancellationToken = default)
    {
        var instances = await host.ListAsync(name, cancellationToken);
        await RemoveInstancesAsync(host, instances);
        return instances.Count;
    }

    private static async Task RemoveInstancesAsync(IDeploymentHost host, IEnumerable<HostedInstance> instances) =>
        // Never cancelled: tear-down must finish after a failure or Ctrl+C.
        await Task.WhenAll(instances.ToList().Select(i => host.RemoveAsync(i, CancellationToken.None)));

    private static void CheckName(string name)
    {
        if (name.Length is 0 or > 48 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"deployment name '{name}' must be 1-48 lower-case letters, digits or '-'", nameof(name));
    }
}
