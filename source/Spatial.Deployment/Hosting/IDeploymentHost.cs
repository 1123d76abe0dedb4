using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Hosting;

/// <summary>
/// Where releases run: Docker containers, local processes (the embedded default) or, later, a cluster. A host starts,
/// lists, reads logs of and removes replicas and gateways; what it reports is read back from what runs. Everything
/// it creates carries the deployment, environment, release, run and owner, so a later run can clean up a killed one.
/// </summary>
public interface IDeploymentHost
{
    /// <summary><c>process</c> or <c>docker</c>: what <c>--host</c> calls it.</summary>
    string Kind { get; }

    /// <summary>Turns what the pipeline built into a release this host can start (an image id, or a frozen copy of the published folders).</summary>
    Task<Release> PrepareReleaseAsync(ReleaseCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>Every release this host can start again (prepared folders, or service images with their labels), newest first: what a rollback chooses from.</summary>
    Task<IReadOnlyList<Release>> ListReleasesAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts one replica; returns once its process runs (not once it is ready: see <see cref="InstanceReadiness"/>).</summary>
    Task<HostedInstance> StartReplicaAsync(ReplicaSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Starts a deployment's gateway.</summary>
    Task<HostedInstance> StartGatewayAsync(GatewaySpec spec, CancellationToken cancellationToken = default);

    /// <summary>Everything this host runs for <paramref name="deployment"/> (every deployment when null), read back from the host.</summary>
    Task<IReadOnlyList<HostedInstance>> ListAsync(string? deployment = null, CancellationToken cancellationToken = default);

    /// <summary>What the instance has written to stdout and stderr.</summary>
    Task<string> GetLogsAsync(HostedInstance instance, CancellationToken cancellationToken = default);

    /// <summary>Stops (SIGTERM, a grace period for in-flight requests, then SIGKILL) and removes the instance; gone already is fine.</summary>
    Task RemoveAsync(HostedInstance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds <paramref name="environment"/>'s deployment lock, kept on the host itself, until disposed. Waits up to
    /// <paramref name="wait"/> while another live pipeline holds it, then throws <see cref="DeploymentLockedException"/>
    /// naming the holder; a lock whose owner process is dead is broken.
    /// </summary>
    Task<IAsyncDisposable> LockAsync(string environment, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Removes test deployments whose run has died (its owning process is gone), and dead records; returns how many instances went.</summary>
    Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken = default);
}
