using Spatial.Deployment.Environments;
using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Hosting;

/// <summary>A deployment that is up: its gateway and replicas, all ready, serving <see cref="Release"/>.</summary>
/// <param name="Name">The deployment's name.</param>
/// <param name="Environment">Whose shape it runs.</param>
/// <param name="Release">What every replica serves.</param>
/// <param name="Gateway">Its gateway.</param>
/// <param name="Replicas">Its replicas.</param>
public sealed record DeployedEnvironment(string Name, DeploymentEnvironment Environment, Release Release, HostedInstance Gateway, IReadOnlyList<HostedInstance> Replicas)
{
    /// <summary>Where clients send requests: the gateway on 127.0.0.1.</summary>
    public Uri Address => Gateway.BaseAddress;
}
