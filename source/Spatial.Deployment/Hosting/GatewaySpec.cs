using Spatial.Deployment.Environments;

namespace Spatial.Deployment.Hosting;

/// <summary>The gateway of a deployment.</summary>
/// <param name="Deployment">The deployment it fronts.</param>
/// <param name="Environment">Its environment.</param>
/// <param name="Port">The 127.0.0.1 port it listens on; 0 picks a free one.</param>
/// <param name="AdminPort">The 127.0.0.1 admin port; 0 picks a free one.</param>
/// <param name="Destinations">The replicas it starts routing to.</param>
/// <param name="Persistent">Whether it outlives the run.</param>
public sealed record GatewaySpec(
    string Deployment, DeploymentEnvironment Environment, int Port, int AdminPort, IReadOnlyList<Uri> Destinations, bool Persistent);
